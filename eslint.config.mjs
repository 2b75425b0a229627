// Lint for the backend (src, test, bench, scripts, examples) and the static/ Custom UI workspace.
// Type-aware rules read each file's nearest tsconfig.json (the root one, or static/tsconfig.json) through the project service.
// Tests that use asymmetric matchers (expect.any, objectContaining) import `expect` from '@jest/globals': @types/jest types them `any`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const AGGREGATE_LAYOUT =
  "The aggregates' stored field letters (i, k, s, b, w, d, x, n) are known only to src/app/aggregates/aggregate-codec.ts: use its named accessors.";

const LEDGER_PURITY =
  'The ledger is pure domain logic: only its own files, date-fns (one function at a time, date-fns/addMonths) and @date-fns/tz (see test/architecture.test.ts).';

/**
 * zod's `z` export is a namespace object that bundlers cannot tree-shake: it kept all of zod's locales (366 KB) in the
 * CLI's bundle and the surfaces'. `import * as z from 'zod'`, as zod's documentation writes it, leaves them out.
 * Every block that sets no-restricted-syntax lists it, since a later block's list replaces an earlier one's.
 */
const ZOD_NAMESPACE_IMPORT = {
  selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
  message: "Write `import * as z from 'zod'`: the named `z` keeps every zod locale in bundles.",
};

export default defineConfig(
  { ignores: ['**/node_modules/**', '**/build/**', 'dist/**', 'coverage/**', '.cache/**'] },
  {
    files: ['{src,test,bench,scripts,examples}/**/*.ts', 'static/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers read the same in any template; money and time are integers here, so there is no float formatting to get wrong.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => setValue(x)` handing a void result to a void callback is the ordinary React and callback idiom, not a confusion.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `const { dropped: _dropped, ...rest } = value` is how this code omits a property without mutating.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Synchronous implementations of Promise-returning ports use `async` so that a throw becomes a rejection, as callers expect.
      '@typescript-eslint/require-await': 'off',
      // A `let` that a closure reads before its one assignment cannot be a `const`: the closure would hit the temporal dead zone.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-restricted-syntax': ['error', ZOD_NAMESPACE_IMPORT],
    },
  },
  {
    files: ['static/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['src/ledger/**/*.ts'],
    ignores: ['src/ledger/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./|date-fns/\\w+$|@date-fns/tz$)', message: LEDGER_PURITY }] }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    // The file store's own log records ({ k, v, j } and { k, d }) are another layout, not the aggregates'.
    ignores: ['src/app/aggregates/aggregate-codec.ts', 'src/adapters/storage/file-store.ts', 'src/adapters/storage/file-log-format.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'MemberExpression[computed=false][property.name=/^[ikswbdxn]$/]', message: AGGREGATE_LAYOUT },
        { selector: 'ObjectPattern > Property[key.name=/^[ikswbdxn]$/]', message: AGGREGATE_LAYOUT },
        ZOD_NAMESPACE_IMPORT,
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*'], message: 'Use cases reach Forge only through ports (src/app/ports).' },
            { group: ['**/adapters', '**/adapters/**', '**/forge', '**/forge/**'], message: 'Use cases import no adapters or Forge edge code.' },
          ],
        },
      ],
    },
  },
);

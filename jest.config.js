/**
 * Type checking is done once by `npm run typecheck` (tsc); jest only strips types, with swc (a fraction of
 * ts-jest's CPU time). The swc options mirror tsconfig.json: ES2022, CommonJS, standard decorators.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Only a backstop against a hang: no result may depend on elapsed time, and jest's 5 s default failed CPU-heavy
  // tests (a 1 MiB frozen statement, whole simulated sites) whenever the machine was busy (npm run test:stress).
  testTimeout: 60_000,
  // Jest's default leaves one core to itself, which on a 2-core machine means running every file in one process.
  maxWorkers: '100%',
  // Every module runs in jest's vm context, where each lookup of a global such as `Math` or `Number` goes through
  // the context's interceptors: hundreds of times slower than in plain Node (nodejs/node#31658), which made zod's
  // checks and date-fns up to 20 times slower than in production. Jest passes these as parameters of each module's
  // wrapper instead, bound once per module to the same objects. The one difference: replacing one of them on the
  // global after a module has loaded does not reach that module, so jest's fake timers cannot fake `Date` for the
  // code under test. No test needs that: clocks are injected. Only names no module declares for itself belong here:
  // a parameter and a top-level `const` of one name do not compile (undici has `const { URL } = require('node:url')`,
  // many modules `const { Buffer } = require('buffer')`).
  sandboxInjectedGlobals: [
    'Array', 'BigInt', 'Boolean', 'Date', 'Error', 'Intl', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise',
    'RangeError', 'Reflect', 'RegExp', 'Set', 'String', 'Symbol', 'TypeError', 'WeakMap',
  ],
  // zod's CommonJS build loads every one of its locales up front (64 modules, for its `z.locales` namespace), and
  // jest loads modules afresh for each test file: some 60 ms of CPU per test file that uses zod went on messages in
  // languages the app never speaks. English, the one it uses, comes from zod's en.cjs, which is not mapped.
  moduleNameMapper: {
    '^\\.\\./locales/index\\.cjs$': '<rootDir>/test/support/zod-locales-unused.cjs',
    // The Custom UI's aliases (static/vite.config.ts), so the surfaces' pure modules are tested like any other.
    '^@(contract|ledger|quantities)/(.*)$': '<rootDir>/src/$1/$2',
  },
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: false, decorators: true },
          target: 'es2022',
          transform: { decoratorVersion: '2022-03' },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
};

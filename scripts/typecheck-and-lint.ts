/**
 * `tsx scripts/typecheck-and-lint.ts backend|static`: one project's type check and its ESLint run, over one
 * TypeScript program. Run apart, `tsc --noEmit` and type-aware ESLint each parse the same files and check the
 * same types: ESLint's program is the larger part of its time. Here the type check runs first, over the program
 * built from the project's tsconfig.json, and ESLint is handed that program (typescript-eslint's
 * `parserOptions.programs`), so its rules read types the checker already resolved. `npm run check` runs both
 * projects side by side (scripts/check.sh). Prints the diagnostics as tsc and `eslint` print them; exits 1 on any
 * type error and any ESLint error or warning (as `eslint --max-warnings 0`).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

interface Project {
  readonly tsconfig: string;
  /** What ESLint lints: the same files as `eslint .`, split where the two tsconfig.json files split them. */
  readonly lint: readonly string[];
  readonly ignore: readonly string[];
}

const PROJECTS = {
  backend: { tsconfig: 'tsconfig.json', lint: ['.'], ignore: ['static/'] },
  static: { tsconfig: 'static/tsconfig.json', lint: ['static'], ignore: [] },
} as const satisfies Record<string, Project>;
type ProjectName = keyof typeof PROJECTS;
const isProjectName = (name: string): name is ProjectName => Object.hasOwn(PROJECTS, name);

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

function programOf(tsconfig: string): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, tsconfig), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.formatDiagnostic(diagnostic, formatHost));
    },
  });
  if (config === undefined) throw new Error(`${tsconfig} could not be read`);
  return ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config),
  });
}

/** The project's type errors, printed as `tsc --noEmit -p <tsconfig>` prints them; their count. */
function typeCheck(program: ts.Program): number {
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
    process.stdout.write(format(diagnostics, formatHost));
  }
  return diagnostics.length;
}

/** The project's ESLint findings over the given program, printed as `eslint` prints them; their count. */
async function lint(project: Project, program: ts.Program): Promise<number> {
  const eslint = new ESLint({
    cwd: ROOT,
    ignorePatterns: [...project.ignore],
    overrideConfig: { languageOptions: { parserOptions: { programs: [program], projectService: false } } },
  });
  const results = await eslint.lintFiles([...project.lint]);
  const findings = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  if (findings > 0) process.stdout.write(await (await eslint.loadFormatter('stylish')).format(results));
  return findings;
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!isProjectName(name)) throw new Error(`usage: tsx scripts/typecheck-and-lint.ts ${Object.keys(PROJECTS).join('|')}`);
  const project: Project = PROJECTS[name];
  const program = programOf(project.tsconfig);
  const typeErrors = typeCheck(program);
  const findings = await lint(project, program);
  if (typeErrors > 0 || findings > 0) {
    console.error(`${name}: ${String(typeErrors)} type errors, ${String(findings)} ESLint findings`);
    process.exitCode = 1;
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * `npm run bench [-- <suite> …]`: runs the named benchmark suites (all by default), each
 * `bench/<name>.bench.ts` in its own Node process, and writes their reports into
 * docs/benchmarks.md as each finishes, keeping the sections of the suites it did not run.
 * Exits non-zero when a suite fails or misses a target; `--help` lists the suites.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseBenchArguments } from './report/bench-arguments';
import { parseResults, renderBenchmarks, resultOf } from './report/benchmarks-doc';
import { thisMachine } from './report/machine';
import { runSuite } from './report/run-suite';
import { SUITE_FILE_SUFFIX, SUITES } from './suites';

const DOCUMENT = path.join(__dirname, '..', 'docs', 'benchmarks.md');

function helpText(): string {
  const width = Math.max(...SUITES.map((suite) => suite.name.length));
  return [
    'Usage: npm run bench [-- <suite> …]',
    '',
    'Runs the benchmark suites (all of them when none is named), each in its own process, and writes',
    'their reports into docs/benchmarks.md, replacing only the sections of the suites that ran.',
    'Exits non-zero when a suite fails or misses a target.',
    '',
    'Suites:',
    ...SUITES.map((suite) => `  ${suite.name.padEnd(width)}  ${suite.summary}`),
  ].join('\n');
}

/** A suite file nobody registered, or a registered suite without its file, is a mistake to fix first. */
function registryMismatch(): string | null {
  const files = readdirSync(__dirname).filter((file) => file.endsWith(SUITE_FILE_SUFFIX)).map((file) => file.slice(0, -SUITE_FILE_SUFFIX.length));
  const unregistered = files.filter((name) => !SUITES.some((suite) => suite.name === name));
  const missing = SUITES.filter((suite) => !files.includes(suite.name)).map((suite) => suite.name);
  if (unregistered.length > 0) return `bench/${unregistered[0]}${SUITE_FILE_SUFFIX} is not registered in bench/suites.ts`;
  if (missing.length > 0) return `bench/suites.ts names "${missing[0]}", but bench/${missing[0]}${SUITE_FILE_SUFFIX} does not exist`;
  return null;
}

function readDocument(): string {
  try {
    return readFileSync(DOCUMENT, 'utf8');
  } catch {
    return '';
  }
}

async function main(): Promise<number> {
  const request = parseBenchArguments(process.argv.slice(2), SUITES.map((suite) => suite.name));
  if (request.kind === 'help') {
    console.log(helpText());
    return 0;
  }
  const problem = request.kind === 'error' ? request.message : registryMismatch();
  if (request.kind === 'error' || problem !== null) {
    console.error(`npm run bench: ${problem}`);
    return 2;
  }
  const machine = thisMachine();
  const failed: string[] = [];
  for (const name of request.suites) {
    console.log(`\n=== ${name} ===`);
    const run = await runSuite(path.join(__dirname, `${name}${SUITE_FILE_SUFFIX}`));
    if (run.exitCode !== 0) failed.push(name);
    const results = parseResults(readDocument()).set(name, resultOf(run, machine));
    writeFileSync(DOCUMENT, renderBenchmarks({ machine, updatedAt: run.finishedAt, suites: SUITES, results }));
  }
  console.log(`\nWrote ${path.relative(process.cwd(), DOCUMENT)} (${request.suites.join(', ')}).`);
  if (failed.length > 0) console.error(`Failed or missed a target: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

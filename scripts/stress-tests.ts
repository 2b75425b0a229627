/**
 * `npm run test:stress [-- --runs <n>] [-- <path pattern> …]`: runs the unit tier's test files (all, or those
 * matching the patterns) `--runs` times in a row (default 20) while the CPU is kept busy, then prints how often
 * each file failed. The load is stress-ng on every core when it is installed; otherwise two jest runs go at once
 * and load each other. A test that passes alone but fails here depends on the machine's speed: fix its cause.
 * Exits 1 when any file failed.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..');
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const UNIT_TIER = ['--testPathIgnorePatterns', '/test/browser/'];

const JestReport = z.object({
  testResults: z.array(z.object({ name: z.string(), status: z.string(), message: z.string() })),
});

interface Load {
  readonly description: string;
  /** Jest runs started side by side in each round. */
  readonly concurrentRuns: number;
  stop(): void;
}

interface Tally {
  runs: number;
  failures: number;
  firstMessage: string;
}

function startLoad(): Load {
  if (spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0) {
    const cores = availableParallelism();
    const stress: ChildProcess = spawn('stress-ng', ['--cpu', String(cores), '--quiet'], { stdio: 'ignore' });
    return { description: `stress-ng --cpu ${cores}`, concurrentRuns: 1, stop: () => stress.kill('SIGTERM') };
  }
  return { description: 'two jest runs at once (stress-ng is not installed)', concurrentRuns: 2, stop: () => undefined };
}

function runJest(outputFile: string, patterns: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const jest = spawn(process.execPath, [JEST, '--json', '--outputFile', outputFile, '--silent', ...UNIT_TIER, ...patterns], { cwd: ROOT, stdio: 'ignore' });
    jest.on('error', reject);
    // A failing run exits 1; its report says which files failed.
    jest.on('close', () => resolve());
  });
}

async function recordRun(outputFile: string, tallies: Map<string, Tally>): Promise<string[]> {
  const report = JestReport.parse(JSON.parse(await readFile(outputFile, 'utf8')));
  const failed: string[] = [];
  for (const result of report.testResults) {
    const file = path.relative(ROOT, result.name);
    const tally = tallies.get(file) ?? { runs: 0, failures: 0, firstMessage: '' };
    tally.runs += 1;
    if (result.status !== 'passed') {
      tally.failures += 1;
      if (tally.firstMessage === '') tally.firstMessage = result.message.split('\n').find((line) => line.trim() !== '')?.trim() ?? result.status;
      failed.push(file);
    }
    tallies.set(file, tally);
  }
  return failed;
}

function printSummary(tallies: ReadonlyMap<string, Tally>, load: Load): number {
  const flaky = [...tallies].filter(([, tally]) => tally.failures > 0).sort(([a], [b]) => a.localeCompare(b));
  const runs = Math.max(0, ...[...tallies.values()].map((tally) => tally.runs));
  console.log(`\n${tallies.size} test files, up to ${runs} runs each, under ${load.description}.`);
  if (flaky.length === 0) {
    console.log('Flakes: 0');
    return 0;
  }
  console.log(`Flakes: ${flaky.reduce((total, [, tally]) => total + tally.failures, 0)} failed runs in ${flaky.length} files`);
  for (const [file, tally] of flaky) console.log(`  ${tally.failures}/${tally.runs}  ${file}  ${tally.firstMessage}`);
  return 1;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '20' } }, allowPositionals: true });
  const rounds = Number(values.runs);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`);
  const folder = await mkdtemp(path.join(tmpdir(), 'support-hours-stress-'));
  const load = startLoad();
  const tallies = new Map<string, Tally>();
  console.log(`Running the unit tier${positionals.length > 0 ? ` (${positionals.join(' ')})` : ''} ${rounds} times under ${load.description}.`);
  try {
    for (let round = 1; round <= rounds; round += 1) {
      const outputs = Array.from({ length: load.concurrentRuns }, (_, run) => path.join(folder, `round-${round}-${run}.json`));
      await Promise.all(outputs.map((output) => runJest(output, positionals)));
      const failed = (await Promise.all(outputs.map((output) => recordRun(output, tallies)))).flat();
      console.log(`round ${round}/${rounds}: ${failed.length === 0 ? 'all passed' : `failed: ${failed.join(', ')}`}`);
    }
  } finally {
    load.stop();
    await rm(folder, { recursive: true, force: true });
  }
  return printSummary(tallies, load);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

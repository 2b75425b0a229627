/**
 * `npm run test:stress [-- --runs <n>] [-- --tier unit|browser|all] [-- --load stress-ng|jest] [-- --report <file.md>]
 * [-- <path pattern> …]`: runs a tier's test files (the unit tier by default; all, or those matching the patterns)
 * `--runs` times each (default 20) while the CPU is kept busy, then prints how often each file failed, and with
 * `--report` also writes that as Markdown with the machine and the date. The load is stress-ng on every core
 * (the default, when it is installed) or two jest runs at once that load each other (`--load jest`). A test that passes alone but fails here depends on the
 * machine's speed: fix its cause. The browser tier needs the surfaces built (`npm run build:static`).
 * Exits 1 when any file failed.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { machineFingerprint, thisMachine } from '../bench/report/machine';
import { markdownTable } from '../bench/report/markdown-table';

const ROOT = path.resolve(__dirname, '..');
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
/**
 * What each tier passes jest after the patterns: the same split as `npm run test:unit` and `npm run test:browser`,
 * as files to ignore, so that the patterns narrow the tier instead of adding to it; the browser tier with its own
 * configuration, as `npm run test:browser` runs it (one shared Chromium and seeded site, playwright-core once per
 * worker). (Last on the command line: jest's array options swallow the positional patterns that follow them.)
 */
const TIERS = {
  unit: ['--testPathIgnorePatterns', '/test/browser/'],
  browser: ['--config', 'jest.browser.config.js'],
  all: [],
} as const satisfies Record<string, readonly string[]>;
type Tier = keyof typeof TIERS;
const isTier = (name: string): name is Tier => Object.hasOwn(TIERS, name);

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

const LOADS = ['stress-ng', 'jest'] as const;
type LoadKind = (typeof LOADS)[number];
const isLoadKind = (name: string): name is LoadKind => (LOADS as readonly string[]).includes(name);

/**
 * stress-ng on every core, or two jest runs at once loading each other: half the wall time for the same number of
 * runs per file, since no core is spent on stress-ng alone. Without stress-ng installed, always the latter.
 */
function startLoad(kind: LoadKind): Load {
  if (kind === 'stress-ng' && spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0) {
    const cores = availableParallelism();
    const stress: ChildProcess = spawn('stress-ng', ['--cpu', String(cores), '--quiet'], { stdio: 'ignore' });
    return { description: `stress-ng --cpu ${cores}`, concurrentRuns: 1, stop: () => stress.kill('SIGTERM') };
  }
  return { description: `two jest runs at once${kind === 'stress-ng' ? ' (stress-ng is not installed)' : ''}`, concurrentRuns: 2, stop: () => undefined };
}

function runJest(outputFile: string, tier: Tier, patterns: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const jest = spawn(process.execPath, [JEST, '--json', '--outputFile', outputFile, '--silent', ...patterns, ...TIERS[tier]], { cwd: ROOT, stdio: 'ignore' });
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

interface Outcome {
  readonly headline: string;
  readonly flakes: string;
  readonly flaky: readonly (readonly [string, Tally])[];
}

function summarise(tallies: ReadonlyMap<string, Tally>, load: Load, what: string): Outcome {
  const flaky = [...tallies].filter(([, tally]) => tally.failures > 0).sort(([a], [b]) => a.localeCompare(b));
  const runs = Math.min(...[...tallies.values()].map((tally) => tally.runs));
  const failedRuns = flaky.reduce((total, [, tally]) => total + tally.failures, 0);
  return {
    headline: `${what}: ${tallies.size} test file${tallies.size === 1 ? '' : 's'}, each run ${runs === 1 ? 'once' : `${runs} times`}, under ${load.description}.`,
    flakes: flaky.length === 0 ? 'Flakes: 0' : `Flakes: ${failedRuns} failed runs in ${flaky.length} files`,
    flaky,
  };
}

function printSummary(outcome: Outcome): void {
  console.log(`\n${outcome.headline}\n${outcome.flakes}`);
  for (const [file, tally] of outcome.flaky) console.log(`  ${tally.failures}/${tally.runs}  ${file}  ${tally.firstMessage}`);
}

interface RunInfo {
  readonly started: Date;
  readonly loadAtStart: number;
  readonly commit: string;
  readonly roundsDone: number;
  readonly rounds: number;
}

/** Written after every round, so a run stopped early still leaves what it found. */
async function writeReport(file: string, outcome: Outcome, run: RunInfo): Promise<void> {
  const minutes = Math.round((Date.now() - run.started.getTime()) / 60_000);
  const progress = run.roundsDone === run.rounds ? `all ${run.rounds} rounds done` : `${run.roundsDone} of ${run.rounds} rounds done (stopped or still running)`;
  const lines = [
    '# Stress run',
    '',
    `Written by \`npm run test:stress -- --report ${path.relative(ROOT, file)}\` ([testing](testing.md#the-stress-run)) on commit \`${run.commit}\`. Started ${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${progress} after ${minutes} min, load average ${run.loadAtStart.toFixed(1)} at the start, on: ${machineFingerprint(thisMachine())}.`,
    '',
    outcome.headline,
    '',
    `**${outcome.flakes}**`,
    '',
    ...(outcome.flaky.length === 0
      ? []
      : [markdownTable([{ title: 'failed runs' }, { title: 'file' }, { title: 'first error' }], outcome.flaky.map(([name, tally]) => [`${tally.failures}/${tally.runs}`, name, tally.firstMessage])), '']),
  ];
  await writeFile(file, lines.join('\n'));
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { runs: { type: 'string', default: '20' }, tier: { type: 'string', default: 'unit' }, load: { type: 'string', default: 'stress-ng' }, report: { type: 'string' } },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`);
  const loadKind = values.load;
  if (!isLoadKind(loadKind)) throw new Error(`--load must be one of ${LOADS.join(', ')}, not ${loadKind}`);
  const tier = values.tier;
  if (!isTier(tier)) throw new Error(`--tier must be one of ${Object.keys(TIERS).join(', ')}, not ${tier}`);
  const started = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const report = values.report === undefined ? undefined : path.resolve(values.report);
  const folder = await mkdtemp(path.join(tmpdir(), 'support-hours-stress-'));
  const load = startLoad(loadKind);
  const rounds = Math.ceil(runs / load.concurrentRuns);
  const tallies = new Map<string, Tally>();
  const what = `The ${tier === 'all' ? 'unit and browser tiers' : `${tier} tier`}${positionals.length > 0 ? ` (${positionals.join(' ')})` : ''}`;
  console.log(`Running ${what.charAt(0).toLowerCase()}${what.slice(1)} ${rounds * load.concurrentRuns} times under ${load.description}.`);
  try {
    for (let round = 1; round <= rounds; round += 1) {
      const outputs = Array.from({ length: load.concurrentRuns }, (_, run) => path.join(folder, `round-${round}-${run}.json`));
      await Promise.all(outputs.map((output) => runJest(output, tier, positionals)));
      const failed = (await Promise.all(outputs.map((output) => recordRun(output, tallies)))).flat();
      console.log(`round ${round}/${rounds}: ${failed.length === 0 ? 'all passed' : `failed: ${failed.join(', ')}`}`);
      if (report !== undefined) await writeReport(report, summarise(tallies, load, what), { started, loadAtStart, commit, roundsDone: round, rounds });
    }
  } finally {
    load.stop();
    await rm(folder, { recursive: true, force: true });
  }
  const outcome = summarise(tallies, load, what);
  printSummary(outcome);
  return outcome.flaky.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

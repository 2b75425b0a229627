/**
 * Times the statement CLI as a user runs it, `node bin/support-hours.js statement …`, start-up
 * included: the CLI's bundle (dist/, built first, not timed) on a small one-plan statement, the
 * October 2026 text summary of examples/payg. A bare `node -e 0` takes turns with it, so the
 * report shows how much of the time is Node's own start-up on this machine.
 *
 * Each run is a fresh process. Wall time is measured around it; CPU time (user + system, start-up
 * included) is written by the process itself at exit through a preloaded hook. The target is judged
 * on CPU time, as the ledger suite's is: on this shared 2-core machine wall time also measures the others.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownTable } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';

const ROOT = path.join(__dirname, '..');
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 15;
const TARGET_CPU_MS = 300;
const CPU_HOOK = path.join(__dirname, 'report', 'exit-cpu-time.cjs');
const EXAMPLE = (name: string) => path.join('examples', 'payg', `${name}.json`);
const STATEMENT = ['statement', '--plan', EXAMPLE('plan'), '--links', EXAMPLE('links'), '--worklogs', EXAMPLE('worklogs')];

interface Subject {
  readonly name: string;
  readonly args: readonly string[];
  readonly wallMs: number[];
  readonly cpuMs: number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function run(args: readonly string[], env: NodeJS.ProcessEnv): { wallMs: number; stdout: string } {
  const begin = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--require', CPU_HOOK, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - begin) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  return { wallMs, stdout: child.stdout };
}

const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stdout}${build.stderr}`);

const folder = mkdtempSync(path.join(tmpdir(), 'support-hours-cli-bench-'));
const cpuFile = path.join(folder, 'cpu-microseconds');
const env = { ...process.env, BENCH_CPU_FILE: cpuFile };
const cpuReadings = (): number[] => readFileSync(cpuFile, 'utf8').trim().split('\n').map(Number);

const cli: Subject = {
  name: 'node bin/support-hours.js statement … --format text',
  args: ['bin/support-hours.js', ...STATEMENT, '--period', '2026-10', '--format', 'text'],
  wallMs: [],
  cpuMs: [],
};
const bareNode: Subject = { name: 'node -e 0 (Node start-up alone)', args: ['-e', '0'], wallMs: [], cpuMs: [] };
const subjects = [cli, bareNode];
try {
  const firstLine = run(cli.args, env).stdout.split('\n')[0];
  for (let i = 0; i < WARM_UP_RUNS; i += 1) for (const subject of subjects) run(subject.args, env);
  // Subjects take turns, so a burst of load from other processes hits both alike.
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    for (const subject of subjects) {
      subject.wallMs.push(run(subject.args, env).wallMs);
      subject.cpuMs.push((cpuReadings().at(-1) ?? Number.NaN) / 1000);
    }
  }
  const cliCpuMs = median(cli.cpuMs);
  reportMarkdown(
    `The CLI's bundle (dist/support-hours.js, which \`npm install\` builds with esbuild) computing one small statement from a fresh process, start-up included: examples/payg, October 2026, text summary (\`${firstLine}\`). ${TIMED_RUNS} timed runs after ${WARM_UP_RUNS} warm-ups, taking turns with a bare Node start; medians.`,
    markdownTable(
      [
        { title: 'command' },
        { title: 'median CPU time', align: 'right' },
        { title: 'median wall time', align: 'right' },
        { title: 'fastest wall time', align: 'right' },
      ],
      subjects.map((subject) => [
        `\`${subject.name}\``,
        `${median(subject.cpuMs).toFixed(0)} ms`,
        `${median(subject.wallMs).toFixed(0)} ms`,
        `${Math.min(...subject.wallMs).toFixed(0)} ms`,
      ]),
    ),
    `Target: under ${TARGET_CPU_MS} ms of CPU time for the whole CLI process (measured: ${cliCpuMs.toFixed(0)} ms), judged on CPU time because on a shared machine wall time also measures whatever else runs.`,
  );
  if (!(cliCpuMs < TARGET_CPU_MS)) {
    console.error(`cli benchmark: missed the target of under ${TARGET_CPU_MS} ms CPU time (median ${cliCpuMs.toFixed(0)} ms)`);
    process.exitCode = 1;
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

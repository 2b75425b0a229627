/**
 * What `npm test` costs: `npm run check` (type checks and lint), `npm run test:unit` and `npm run test:browser`, each
 * run once alone as a child process, then `npm test` itself, which runs the browser tier beside the other two
 * (scripts/test-all.sh), so its wall time is less than the pieces' sum. Each with its wall time, the CPU seconds of
 * its whole process tree (the children's user and system time Linux adds up in /proc/self/stat once they are waited
 * for) and the machine's busy CPU seconds meanwhile (/proc/stat), which also count Chromium's renderers: init reaps
 * them, so the tree's figure misses them. `npm run check` keeps no cache (its type checks build their programs afresh, as in a fresh clone).
 * Targets: the unit tier under 90 CPU-seconds, and the whole of `npm test` under 4 minutes of wall time on an idle
 * 2-core machine. Run it on a quiet machine: other processes inflate both figures. A speed yardstick timed before and
 * after says how fast the machine ran meanwhile.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { childrenCpuSeconds } from './report/children-cpu';
import { machineBusyCpuSeconds } from './report/machine-cpu';
import { markdownTable } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';
import { speedYardstick } from './report/speed-yardstick';
import { PART_COUNT } from '../test/support/unit-tier';

const ROOT = path.resolve(__dirname, '..');
const PIECES = ['check', 'test:unit', 'test:browser'] as const;
const WHOLE = 'test';
const TARGET_UNIT_CPU_SECONDS = 90;
const TARGET_ALL_WALL_SECONDS = 240;

interface TierRun {
  readonly script: string;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly machineCpuSeconds: number;
  readonly ok: boolean;
}

function runTier(script: string): TierRun {
  const cpuBefore = childrenCpuSeconds();
  const machineCpuBefore = machineBusyCpuSeconds();
  const started = performance.now();
  const run = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    script,
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: childrenCpuSeconds() - cpuBefore,
    machineCpuSeconds: machineBusyCpuSeconds() - machineCpuBefore,
    ok: run.status === 0,
  };
}

function main(): void {
  if (process.platform !== 'linux') throw new Error('test-tiers reads /proc: it runs on Linux only');
  const load = loadavg()[0] ?? 0;
  const speedBefore = speedYardstick().milliseconds;
  const runs = PIECES.map(runTier);
  const whole = runTier(WHOLE);
  const speedAfter = speedYardstick().milliseconds;
  const unit = runs.find((run) => run.script === 'test:unit');
  reportMarkdown(
    `\`npm test\` is \`check\` (each project's type check, then ESLint over the same TypeScript program; the backend and the surfaces side by side), then \`test:unit\` (jest outside test/browser, in ${PART_COUNT} parts that each share one module registry, two workers), and beside those two \`test:browser\` (the build of the surfaces, then test/browser in Chromium, one Chromium and one seeded demo site shared by its files, the longest files first). Each piece is run here alone, one after the other, then \`npm test\` as a whole (\`check\` keeps no cache, so it runs in full as in a fresh clone). CPU is the whole process tree's user + system time; machine CPU is what the whole machine spent busy meanwhile, which also counts the Chromium renderers the tree's figure misses (they outlive the browser process and are reaped by init) and anything else running, so it is the figure to read on an idle machine. Load average when it started: ${load.toFixed(1)}. The machine's speed yardstick (bench/report/speed-yardstick.ts, lower is faster) took ${speedBefore.toFixed(0)} ms before and ${speedAfter.toFixed(0)} ms after: this virtual machine's speed drifts from hour to hour, so compare CPU figures only between runs at similar yardsticks. Targets: unit tier < ${TARGET_UNIT_CPU_SECONDS} CPU-s; all < ${TARGET_ALL_WALL_SECONDS / 60} min wall on an idle 2-core machine.`,
    markdownTable(
      [{ title: 'npm run' }, { title: 'wall', align: 'right' }, { title: 'CPU', align: 'right' }, { title: 'machine CPU', align: 'right' }, { title: 'passed' }],
      [
        ...[...runs, whole].map((run) => [run.script, `${run.wallSeconds.toFixed(0)} s`, `${run.cpuSeconds.toFixed(0)} s`, `${run.machineCpuSeconds.toFixed(0)} s`, run.ok ? 'yes' : 'NO']),
      ],
    ),
  );
  const missed = [
    ...[...runs, whole].filter((run) => !run.ok).map((run) => `npm run ${run.script} failed`),
    ...(unit !== undefined && unit.cpuSeconds >= TARGET_UNIT_CPU_SECONDS ? [`unit tier ${unit.cpuSeconds.toFixed(0)} CPU-s ≥ ${TARGET_UNIT_CPU_SECONDS}`] : []),
    ...(whole.wallSeconds >= TARGET_ALL_WALL_SECONDS ? [`npm test ${whole.wallSeconds.toFixed(0)} s wall ≥ ${TARGET_ALL_WALL_SECONDS} s`] : []),
  ];
  for (const miss of missed) console.error(`TARGET MISSED: ${miss}`);
  if (missed.length > 0) process.exitCode = 1;
}

main();

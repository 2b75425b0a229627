import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { childrenCpuSeconds } from '../report/children-cpu';

const ROOT = path.resolve(__dirname, '..', '..');
const JEST = path.join(ROOT, 'node_modules', '.bin', 'jest');
const PROPERTY_TEST = 'test/figures/figures-equal-replay.property.test.ts';
/** The property test's own seed: the first chunk repeats (and extends) the runs `npm test` makes. */
const FIRST_SEED = 20261203;

export interface PropertyOutcome {
  readonly requestedRuns: number;
  /** Runs of the chunks that passed. */
  readonly passedRuns: number;
  /** Chunks whose runs found a counterexample (fast-check stops a chunk at its first, and shrinks it). */
  readonly failedChunks: readonly { readonly seed: number; readonly runs: number }[];
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  /** Chunks not started because the time budget was spent. */
  readonly skippedChunks: number;
}

/**
 * Runs the equality property (materialised figures equal a full replay) `runs` times in jest, in
 * chunks of `chunkRuns` runs, each chunk a jest process with its own seed (the property's seed, then
 * the next ones), so a chunk's failure is replayed by its seed alone. No chunk starts once
 * `budgetMs` of wall time is spent: the outcome then says how many runs passed.
 */
export function runEqualityProperty(runs: number, chunkRuns: number, budgetMs: number): PropertyOutcome {
  const chunks = Math.ceil(runs / chunkRuns);
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const failedChunks: { seed: number; runs: number }[] = [];
  let passedRuns = 0;
  let chunk = 0;
  for (; chunk < chunks && performance.now() - started < budgetMs; chunk += 1) {
    const chunkSize = Math.min(chunkRuns, runs - chunk * chunkRuns);
    const seed = FIRST_SEED + chunk;
    const env = { ...process.env, FIGURES_PROPERTY_RUNS: String(chunkSize), FIGURES_PROPERTY_SEED: String(seed) };
    // The budget bounds the whole run; jest's own timeout (60 s a test) would stop a chunk long before its end.
    const run = spawnSync(JEST, ['--testTimeout', String(Math.ceil(budgetMs)), PROPERTY_TEST], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status === 0) passedRuns += chunkSize;
    else failedChunks.push({ seed, runs: chunkSize });
  }
  return {
    requestedRuns: runs,
    passedRuns,
    failedChunks,
    cpuSeconds: childrenCpuSeconds() - cpuBefore,
    wallSeconds: (performance.now() - started) / 1000,
    skippedChunks: chunks - chunk,
  };
}

import { performance } from 'node:perf_hooks';
import type { Column } from './markdown-table';

/** Wall time of repeated calls: the median and the 95th percentile. */
export interface Timing {
  readonly medianMs: number;
  readonly p95Ms: number;
}

/** The nearest-rank percentile of ascending `sorted` (`fraction` 0.5 for the median). */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

/** Median and 95th percentile of `timesMs`, in any order. */
function timingOf(timesMs: readonly number[]): Timing {
  const sorted = [...timesMs].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
}

/** Wall time of `runs` calls after `warmUps` untimed ones. */
export async function timeOf(call: () => Promise<unknown>, runs: number, warmUps = 0): Promise<Timing> {
  for (let run = 0; run < warmUps; run += 1) await call();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return timingOf(times);
}

/** A timing's columns in a report's table: the median, then the 95th percentile. */
export const TIMING_COLUMNS: readonly Column[] = [
  { title: 'median', align: 'right' },
  { title: 'p95', align: 'right' },
];

/** A timing's cells under {@link TIMING_COLUMNS}, in whole milliseconds unless `format` says otherwise. */
export function timingCells(timing: Timing, format: (valueMs: number) => string = (valueMs) => `${valueMs.toFixed(0)} ms`): [string, string] {
  return [format(timing.medianMs), format(timing.p95Ms)];
}

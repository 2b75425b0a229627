import { performance } from 'node:perf_hooks';
import type { PlanSite } from './plan-site';

/** What one call cost: KVS requests and units as the emulated KVS counts them, Jira requests, wall time. */
export interface Cost {
  readonly reads: number;
  readonly readUnits: number;
  readonly writes: number;
  readonly writeUnits: number;
  readonly jiraCalls: number;
  readonly ms: number;
}

/** Runs `call` once with the site's meters reset: its KVS usage, its Jira requests (the simulator's count), its wall time. */
export async function costOf(site: PlanSite, call: () => Promise<unknown>): Promise<Cost> {
  site.runtime.resetKvsUsage();
  site.simulator.resetStats();
  const started = performance.now();
  await call();
  const ms = performance.now() - started;
  const usage = site.runtime.kvsUsage();
  return { reads: usage.reads, readUnits: usage.readUnits, writes: usage.writes, writeUnits: usage.writeUnits, jiraCalls: site.simulator.stats.calls, ms };
}

export interface MemoryGrowth {
  /** Peak heap in use during the call above the heap in use before it, after a full collection. */
  readonly heapMb: number;
  /** Peak resident set size during the call above the one before it. */
  readonly rssMb: number;
}

const MB = 2 ** 20;
const SAMPLE_EVERY_MS = 1;

/**
 * Memory a call adds at its peak: a full collection first (the suite runs with `--expose-gc`), then
 * the heap and RSS sampled every millisecond while the call awaits storage and Jira, and once more
 * when it returns, before anything is collected. Garbage the collector reclaims mid-call is not
 * counted, so on a call that allocates in one synchronous stretch this is a lower bound of the peak.
 */
export async function memoryGrowthOf(call: () => Promise<unknown>): Promise<MemoryGrowth> {
  global.gc?.();
  const before = process.memoryUsage();
  const peak = { heap: before.heapUsed, rss: before.rss };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.heap = Math.max(peak.heap, usage.heapUsed);
    peak.rss = Math.max(peak.rss, usage.rss);
  };
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  try {
    await call();
    sample();
  } finally {
    clearInterval(sampler);
  }
  return { heapMb: (peak.heap - before.heapUsed) / MB, rssMb: (peak.rss - before.rss) / MB };
}

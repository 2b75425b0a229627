import type { PlanInternalId } from '../plans/plan-identity';
import { headKey } from '../aggregates/keys';
import { DEFAULT_SHARD_COUNT } from '../aggregates/plan-head';
import { planHeadSchema, type PlanHead } from '../aggregates/records';
import { SYNC_QUEUE_KEY, planConcurrencyKey, type SyncDeps } from './sync-deps';
import type { DropGenerationJob, RecomputeChunkJob } from './sync-jobs';

/** A build that has not finished in this long is taken for dead (its chunk failed for good) and restarted. */
export const STALE_BUILD_MS = 15 * 60 * 1000;

/** A shard holds at most about this many worklogs after a recompute (parts near 45 KB). */
const WORKLOGS_PER_SHARD = 500;

/**
 * Starts a full recompute of the plan (by its internal id) from Jira through the queue, unless one is under way
 * (requests made meanwhile are served by it). Resolves to whether a new one started.
 */
export async function requestRecompute(deps: Pick<SyncDeps, 'store' | 'queue' | 'clock'>, planId: PlanInternalId): Promise<boolean> {
  const now = deps.clock.now();
  const started: { job?: RecomputeChunkJob; abandoned?: DropGenerationJob } = {};
  await deps.store.update(headKey(planId), (current) => {
    const head: PlanHead = current === undefined ? { generation: 0, shardCount: DEFAULT_SHARD_COUNT, worklogCount: 0 } : planHeadSchema.parse(current);
    started.job = undefined;
    started.abandoned = undefined;
    if (head.building !== undefined && now - head.building.startedAt < STALE_BUILD_MS) return current;
    if (head.building !== undefined) {
      started.abandoned = { kind: 'drop-generation', planId, generation: head.building.generation, liveGeneration: head.generation };
    }
    const generation = Math.max(head.generation, head.building?.generation ?? 0) + 1;
    const shardCount = shardCountFor(head.worklogCount);
    started.job = { kind: 'recompute-chunk', planId, generation, chunk: 0, pageToken: null, worklogCount: 0 };
    return { ...head, building: { generation, shardCount, startedAt: now } };
  });
  if (started.job === undefined) return false;
  const options = { concurrencyKey: planConcurrencyKey(planId) };
  if (started.abandoned !== undefined) await deps.queue.push(SYNC_QUEUE_KEY, started.abandoned, options);
  await deps.queue.push(SYNC_QUEUE_KEY, started.job, options);
  return true;
}

/**
 * A power of two with room for a quarter more worklogs than the plan had, so that the parts
 * events grow between recomputes stay well under the value limit.
 *
 * @example
 * shardCountFor(100_000) // 256
 */
export function shardCountFor(worklogCount: number): number {
  const wanted = Math.ceil((worklogCount * 1.25) / WORKLOGS_PER_SHARD);
  let shards = DEFAULT_SHARD_COUNT;
  while (shards < wanted) shards *= 2;
  return shards;
}

import type { PlanInternalId } from '../plans/plan-identity';
import { headKey } from '../aggregates/keys';
import { DEFAULT_SHARD_COUNT } from '../aggregates/plan-head';
import { planHeadSchema, type PlanHead } from '../aggregates/records';
import { markRebuilding } from '../figures/request-figures-refresh';
import { FIRST_RETRY_DELAY_SECONDS } from '../jobs/failure-policy';
import type { Instant } from '../../ledger/types';
import { SYNC_QUEUE_KEY, planConcurrencyKey, type SyncDeps } from './sync-deps';
import type { DropGenerationJob, RecomputeChunkJob } from './sync-jobs';

type Building = NonNullable<PlanHead['building']>;

/**
 * A live build shows progress at least this often: each chunk marks it when it starts and once it has read its
 * pages (its read budget, 15 s, and a slow page), the next chunk starts seconds after one hands over, and a chunk
 * that failed is retried after the queue's first retry delay (30 s). A build silent for longer lost its chunk (a
 * queue emptied by a crash, a consumer killed past its retries): the next request or reconciliation restarts it.
 */
export const ABANDONED_AFTER_MS = 2 * FIRST_RETRY_DELAY_SECONDS * 1000;

/** Whether the build has shown no progress for {@link ABANDONED_AFTER_MS}. */
export function isAbandoned(building: Building, now: Instant): boolean {
  return now - (building.progressAt ?? building.startedAt) >= ABANDONED_AFTER_MS;
}

/** A shard holds at most about this many worklogs after a recompute (parts near 45 KB). */
const WORKLOGS_PER_SHARD = 500;

/**
 * Starts a full recompute of the plan (by its internal id) from Jira through the queue, unless one is under way
 * (requests made meanwhile are served by it); a build abandoned (see {@link isAbandoned}) is restarted under a new
 * generation, its own dropped, so two builds never both swap. Until the new generation is swapped in, the plan
 * shows its last figures, marked as being updated. Resolves to whether a new one started.
 */
export async function requestRecompute(deps: Pick<SyncDeps, 'store' | 'queue' | 'clock'>, planId: PlanInternalId): Promise<boolean> {
  const now = deps.clock.now();
  const started: { job?: RecomputeChunkJob; abandoned?: DropGenerationJob } = {};
  await deps.store.update(headKey(planId), (current) => {
    const head: PlanHead = current === undefined ? { generation: 0, shardCount: DEFAULT_SHARD_COUNT, worklogCount: 0 } : planHeadSchema.parse(current);
    started.job = undefined;
    started.abandoned = undefined;
    if (head.building !== undefined && !isAbandoned(head.building, now)) return current;
    if (head.building !== undefined) {
      started.abandoned = { kind: 'drop-generation', planId, generation: head.building.generation, liveGeneration: head.generation };
    }
    const generation = Math.max(head.generation, head.building?.generation ?? 0) + 1;
    const shardCount = shardCountFor(head.worklogCount);
    started.job = { kind: 'recompute-chunk', planId, generation, chunk: 0, pageToken: null, worklogCount: 0 };
    return { ...head, building: { generation, shardCount, startedAt: now, progressAt: now } };
  });
  if (started.job === undefined) return false;
  await markRebuilding(deps, planId);
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

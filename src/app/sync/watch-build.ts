/**
 * A build whose chain of chunk jobs is lost (a queue emptied by a crash, a consumer killed past its retries) shows
 * no progress any more (decision 0039). Each chunk queues a watch over itself when it starts; a watch that finds
 * the build silent for `ABANDONED_AFTER_MS` with no later chunk started restarts it at once, instead of leaving
 * it to the next request or reconciliation.
 */
import type { Instant } from '../../ledger/types';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { timeCheck } from '../jobs/timed-check';
import { internalIdOf } from '../plans/plan-repository';
import { planOfJob } from '../scope/plan-scope';
import { ABANDONED_AFTER_MS, isAbandoned, requestRecompute } from './request-recompute';
import { planConcurrencyKey, SYNC_QUEUE_KEY, type SyncDeps } from './sync-deps';
import type { RecomputeChunkJob } from './sync-jobs';

/**
 * What a watch did: ran before its time and was dropped, found the build swapped, replaced or moved on to a later
 * chunk (which watches itself), watches on, or restarted the build.
 */
export interface WatchOutcome {
  readonly status: 'watched';
  readonly check: 'early' | 'moved-on' | 'watching' | 'restarted';
}

/**
 * Queues a watch over the chunk, due once the build would count as abandoned if it shows no progress after
 * `progressAt` (see timeCheck); a watch run early leaves the build to the next request or reconciliation.
 */
export async function queueBuildWatch(deps: Pick<SyncDeps, 'queue' | 'clock'>, job: RecomputeChunkJob, progressAt: Instant): Promise<void> {
  const { delayInSeconds, notBefore } = timeCheck(deps.clock.now(), progressAt + ABANDONED_AFTER_MS);
  const { watch: _previous, ...chunk } = job;
  const watch: RecomputeChunkJob = { ...chunk, watch: { notBefore } };
  await deps.queue.push(SYNC_QUEUE_KEY, watch, { concurrencyKey: planConcurrencyKey(job.planId), delayInSeconds });
}

/** Runs a watch queued by `queueBuildWatch`: one read of the plan's aggregate head, then a push or a restart. */
export async function watchBuild(deps: SyncDeps, job: RecomputeChunkJob, watch: NonNullable<RecomputeChunkJob['watch']>): Promise<WatchOutcome> {
  const now = deps.clock.now();
  if (now < watch.notBefore) return { status: 'watched', check: 'early' };
  const building = (await new AggregateReader(deps.store).head(job.planId))?.building;
  if (building?.generation !== job.generation || (building.chunk ?? 0) > job.chunk) return { status: 'watched', check: 'moved-on' };
  if (isAbandoned(building, now)) {
    const plan = await planOfJob(deps.store, job.planId);
    // A plan gone meanwhile is purged with its aggregate: nothing to restart.
    if (plan === undefined) return { status: 'watched', check: 'moved-on' };
    await requestRecompute(deps, internalIdOf(plan));
    return { status: 'watched', check: 'restarted' };
  }
  await queueBuildWatch(deps, job, building.progressAt ?? building.startedAt);
  return { status: 'watched', check: 'watching' };
}

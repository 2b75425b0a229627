/**
 * Stored figures answer through an instant when agents log work far ahead (`figuresExpireAfter`, decision 0044);
 * past it, reads show them as of that instant, marked Updating, until a refresh. A refresh that stores such figures
 * queues a check timed for that instant (src/app/jobs/timed-check.ts), pushed again until the instant has passed, which then asks for a refresh: the gap closes within seconds, not at the next hourly
 * reconciliation.
 */
import type { Instant } from '../../ledger/types';
import { planConcurrencyKey, SYNC_QUEUE_KEY } from '../sync/sync-deps';
import type { RefreshFiguresJob } from '../sync/sync-jobs';
import { figuresExpireAfter, readFiguresHead } from './read-plan-figures';
import { timeCheck } from '../jobs/timed-check';
import { requestFiguresRefresh, type RefreshRequestDeps } from './request-figures-refresh';

export type Horizon = NonNullable<RefreshFiguresJob['horizon']>;

/** What a check did: ran before its time and was dropped, found other figures stored since, waits on, or asked for the refresh. */
export type HorizonOutcome = 'early' | 'superseded' | 'waiting' | 'requested';

/** Queues the check of `until` for the plan (see timeCheck); a check run early leaves the plan to the hourly reconciliation. */
export async function queueHorizonCheck(deps: RefreshRequestDeps, planId: string, until: Instant): Promise<void> {
  const { delayInSeconds, notBefore } = timeCheck(deps.clock.now(), until);
  const job: RefreshFiguresJob = { kind: 'refresh-figures', planId, horizon: { until, notBefore } };
  await deps.queue.push(SYNC_QUEUE_KEY, job, { concurrencyKey: planConcurrencyKey(planId), delayInSeconds });
}

/** Runs a check queued by `queueHorizonCheck`: one read of the plan's figures head, and a push or a refresh request. */
export async function checkHorizon(deps: RefreshRequestDeps, planId: string, horizon: Horizon): Promise<HorizonOutcome> {
  const now = deps.clock.now();
  if (now < horizon.notBefore) return 'early';
  const { refreshed } = await readFiguresHead(deps.store, planId);
  // A refresh since stored figures with another horizon, and queued its own check (or needed none).
  if (refreshed === null || figuresExpireAfter(refreshed) !== horizon.until) return 'superseded';
  if (now <= horizon.until) {
    await queueHorizonCheck(deps, planId, horizon.until);
    return 'waiting';
  }
  await requestFiguresRefresh(deps, planId);
  return 'requested';
}

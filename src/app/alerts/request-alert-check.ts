import { planOfJob } from '../scope/plan-scope';
import type { SyncDeps } from '../sync/sync-deps';
import { ALERTS_QUEUE_KEY, alertsConcurrencyKey } from './alert-keys';
import type { CheckPlanJob } from './alert-jobs';

/**
 * The one call the sync side makes after a plan's aggregate changed: queues a check of the
 * plan's alerts. Costs one storage read and no write or Jira call, so an event stays within
 * its budget; plans without thresholds (or archived, or unknown) queue nothing.
 */
export async function requestAlertCheck(deps: Pick<SyncDeps, 'store' | 'queue'>, planId: string): Promise<boolean> {
  const stored = await planOfJob(deps.store, planId);
  const anyThresholds = stored !== undefined && [stored.plan, ...(stored.plan.amendments ?? [])].some((terms) => terms.thresholdsPercent.length > 0);
  if (stored?.status !== 'active' || !anyThresholds) return false;
  const job: CheckPlanJob = { kind: 'check-plan', planId };
  await deps.queue.push(ALERTS_QUEUE_KEY, job, { concurrencyKey: alertsConcurrencyKey(planId) });
  return true;
}

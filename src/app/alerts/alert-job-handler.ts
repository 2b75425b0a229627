import { ownerOfPlan, parkJob } from '../jobs/park-job';
import type { QueueJobHandler } from '../jobs/run-queue-job';
import type { SyncDeps } from '../sync/sync-deps';
import { ALERTS_QUEUE_KEY, alertsConcurrencyKey, planIdOfAlertKey } from './alert-keys';
import { alertJobSchema, type AlertJob } from './alert-jobs';
import { checkPlanAlerts } from './check-plan-alerts';
import { deliverAlert, failAlert } from './deliver-alert';

/**
 * The alerts queue's jobs under the failure policy. A delivery the policy gives up on fails
 * its alert, with the reason, for the plan's admins to see; a check that keeps failing is
 * parked (the next worklog change or reconciliation queues another).
 */
export function alertJobHandler(deps: SyncDeps): QueueJobHandler<AlertJob> {
  return {
    queueKey: ALERTS_QUEUE_KEY,
    name: 'alert',
    schema: alertJobSchema,
    run: (job) => (job.kind === 'check-plan' ? checkPlanAlerts(deps, job.planId) : deliverAlert(deps, job.alertKey)),
    concurrencyKey: (job) => (job.kind === 'check-plan' ? alertsConcurrencyKey(job.planId) : alertsConcurrencyKey(planIdOfAlertKey(job.alertKey))),
    async park(job, failure) {
      if (job.kind === 'deliver') {
        const tries = failure.attempts === 1 ? '' : ` (after ${failure.attempts} attempts)`;
        await failAlert(deps, job.alertKey, `${failure.message}${tries}`);
        return;
      }
      await parkJob(deps, await ownerOfPlan(deps.store, job.planId), 'alert-check', job, failure);
    },
  };
}

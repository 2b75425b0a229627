import type { JsonValue } from '../ports/store';
import type { SyncDeps } from '../sync/sync-deps';
import { alertJobSchema } from './alert-jobs';
import { checkPlanAlerts, type AlertCheckReport } from './check-plan-alerts';
import { deliverAlert, type DeliveryOutcome } from './deliver-alert';

/** Runs one job of the alerts queue, whatever its kind. */
export async function runAlertJob(deps: SyncDeps, body: JsonValue): Promise<AlertCheckReport | DeliveryOutcome> {
  const job = alertJobSchema.parse(body);
  return job.kind === 'check-plan' ? checkPlanAlerts(deps, job.planId) : deliverAlert(deps, job.alertKey);
}

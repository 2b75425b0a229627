import { runAlertJob } from '../../app/alerts/run-alert-job';
import type { SyncDeps } from '../../app/sync/sync-deps';
import { queueEventSchema } from './forge-events';

/**
 * The `consumer` function of the alerts queue: alert checks and deliveries. A job that throws
 * (Jira failed) is retried by the queue; a delivered alert is marked, so a retry never mails twice.
 */
export function createAlertConsumer(depsFor: () => SyncDeps): (event: unknown) => Promise<void> {
  return async (event) => {
    const parsed = queueEventSchema.safeParse(event);
    if (!parsed.success) {
      console.warn(`Support Hours ignored a malformed alert job: ${parsed.error.message}`);
      return;
    }
    await runAlertJob(depsFor(), parsed.data.body);
  };
}

import { alertJobHandler } from '../../app/alerts/alert-job-handler';
import type { SyncDeps } from '../../app/sync/sync-deps';
import { createQueueConsumer } from './queue-consumer';

/**
 * The `consumer` function of the alerts queue: alert checks and deliveries, under the failure
 * policy. A delivered alert is marked, so a retry never mails twice.
 */
export function createAlertConsumer(depsFor: () => SyncDeps): (event: unknown) => Promise<void> {
  return createQueueConsumer(() => {
    const deps = depsFor();
    return { ports: deps, handler: alertJobHandler(deps) };
  });
}

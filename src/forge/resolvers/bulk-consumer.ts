import { bulkJobHandler } from '../../app/bulk/bulk-job-handler';
import { createQueueConsumer } from '../events/queue-consumer';
import type { BackendServices } from './services';

/** The bulk-linking queue's consumer: one chunk of issues per event, written as the app, under the failure policy. */
export function createBulkConsumer(services: BackendServices): (event: unknown) => Promise<void> {
  return createQueueConsumer(() => ({ ports: services, handler: bulkJobHandler(services) }));
}

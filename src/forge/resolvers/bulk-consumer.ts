import { bulkLinkChunkSchema } from '../../app/bulk/bulk-job';
import { runBulkLinkChunk } from '../../app/bulk/run-bulk-link-chunk';
import type { BackendServices } from './services';

/** What a Forge `consumer` function receives (the field the app reads). */
export interface BulkQueueEvent {
  readonly body: unknown;
}

/** The bulk-linking queue's consumer: one chunk of issues per event, written as the app. */
export function createBulkConsumer(services: BackendServices): (event: BulkQueueEvent) => Promise<void> {
  return (event) => runBulkLinkChunk(services, bulkLinkChunkSchema.parse(event.body));
}

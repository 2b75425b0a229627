import { parkJob } from '../jobs/park-job';
import type { QueueJobHandler } from '../jobs/run-queue-job';
import type { WorkQueue } from '../ports/queue';
import { BULK_QUEUE_KEY, bulkConcurrencyKey, bulkLinkChunkSchema, type BulkLinkChunk } from './bulk-job';
import { giveUpOnChunk, runBulkLinkChunk, type BulkChunkPorts } from './run-bulk-link-chunk';

/**
 * The bulk-linking queue's chunks under the failure policy. A chunk given up on counts its
 * remaining issues as failed with the reason, so the job ends and `bulk/status` says why,
 * and is listed with the project's parked jobs.
 */
export function bulkJobHandler(ports: BulkChunkPorts & { readonly queue: WorkQueue }): QueueJobHandler<BulkLinkChunk> {
  return {
    queueKey: BULK_QUEUE_KEY,
    name: 'bulk-link',
    schema: bulkLinkChunkSchema,
    run: (chunk) => runBulkLinkChunk(ports, chunk),
    concurrencyKey: (chunk) => bulkConcurrencyKey(chunk.jobId),
    async park(chunk, failure) {
      await giveUpOnChunk(ports, chunk, failure);
      await parkJob(ports, { projectId: chunk.projectId, planKey: chunk.planId }, 'bulk-link', chunk, failure);
    },
  };
}

/** The stored bulk-linking job and the queue message of one of its chunks. */
import * as z from 'zod';
import { billingClassSchema, bulkFailureSchema, bulkJobSchema, type BulkJob } from '../../contract';
import type { Store } from '../ports/store';

/** The queue that runs bulk-linking chunks (a `consumer` in manifest.yml). */
export const BULK_QUEUE_KEY = 'support-hours-bulk';

/** Issues linked by one queue event: well inside a consumer's time limit at a few Jira writes a second. */
export const BULK_CHUNK_SIZE = 200;

/** More than this is refused: the admin should narrow the JQL (or link in several runs). */
export const BULK_MAX_ISSUES = 10_000;

export const storedBulkJobSchema = bulkJobSchema.extend({
  projectId: z.string(),
  chunkCount: z.int().min(0),
  /** Chunks already counted, so a redelivered chunk is not counted twice. */
  chunksDone: z.array(z.int().min(0)),
});
export type StoredBulkJob = z.infer<typeof storedBulkJobSchema>;

export const bulkLinkChunkSchema = z.object({
  kind: z.literal('bulk-link-chunk'),
  jobId: z.string(),
  chunk: z.int().min(0),
  projectId: z.string(),
  planId: z.string(),
  billingClass: billingClassSchema,
  /** Ids to write, keys to name the failures. */
  issues: z.array(z.object({ id: z.string(), key: z.string() })).max(BULK_CHUNK_SIZE).optional(),
  /** Chunks queued before keys were sent carry ids only; their failures are named by id. */
  issueIds: z.array(z.string()).max(BULK_CHUNK_SIZE).optional(),
  /**
   * What earlier runs of this chunk did, when a rate limit or an outage cut them short: the chunk
   * is retried with the issues left and counted on the job once, when it is finished.
   */
  carried: z.object({ linked: z.int().min(0), failures: z.array(bulkFailureSchema) }).optional(),
}).transform(({ issues, issueIds, ...chunk }) => ({ ...chunk, issues: issues ?? (issueIds ?? []).map((id) => ({ id, key: id })) }));
export type BulkLinkChunk = z.output<typeof bulkLinkChunkSchema>;

/** A job's chunks run one at a time. */
export const bulkConcurrencyKey = (jobId: string): string => `bulk-${jobId}`;

/** `bulk-job:<jobId>` */
export const bulkJobKey = (jobId: string): string => `bulk-job:${jobId}`;

/**
 * `bulk-plan:<plan internal id>:<jobId>`: a job still linking issues to the plan, so that
 * closing can wait for it; written with the job, deleted when its last chunk is counted.
 */
export const bulkPlanJobsPrefix = (planInternalId: string): string => `bulk-plan:${planInternalId}:`;
export const bulkPlanJobKey = (planInternalId: string, jobId: string): string => `${bulkPlanJobsPrefix(planInternalId)}${jobId}`;

export async function loadBulkJob(store: Store, jobId: string): Promise<StoredBulkJob | undefined> {
  const value = await store.get(bulkJobKey(jobId));
  return value === undefined ? undefined : storedBulkJobSchema.parse(value);
}

/** The job as the contract shows it (internal bookkeeping left out). */
export function publicBulkJob(job: StoredBulkJob): BulkJob {
  return bulkJobSchema.parse(job);
}

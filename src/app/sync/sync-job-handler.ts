import type { ParkedJobKind } from '../../contract';
import { ownerOfPlan, parkJob, type JobOwner } from '../jobs/park-job';
import type { QueueJobHandler } from '../jobs/run-queue-job';
import { runSyncJob } from './run-sync-job';
import { SYNC_QUEUE_KEY, planConcurrencyKey, type SyncDeps } from './sync-deps';
import { syncJobSchema, type SyncJob } from './sync-jobs';

const PARKED_KIND: Readonly<Record<SyncJob['kind'], ParkedJobKind>> = {
  'recompute-chunk': 'recompute',
  'drop-generation': 'drop-generation',
  'purge-plan': 'purge-plan',
  'refresh-figures': 'refresh-figures',
};

const internalIdOfJob = (job: SyncJob): string => (job.kind === 'purge-plan' ? job.internalId : job.planId);

/** A purge works for a plan being deleted, which `ownerOfPlan` no longer sees; the job names its project and key. */
async function ownerOf(deps: SyncDeps, job: SyncJob): Promise<JobOwner | undefined> {
  return job.kind === 'purge-plan' ? { projectId: job.projectId, planKey: job.planKey } : ownerOfPlan(deps.store, job.planId);
}

/**
 * The sync queue's jobs under the failure policy. A parked recompute leaves its build
 * unfinished, which reconciliation restarts once it is stale; a parked purge is queued again by
 * reconciliation once it has stalled.
 */
export function syncJobHandler(deps: SyncDeps): QueueJobHandler<SyncJob> {
  return {
    queueKey: SYNC_QUEUE_KEY,
    name: 'sync',
    schema: syncJobSchema,
    run: (job) => runSyncJob(deps, job),
    concurrencyKey: (job) => planConcurrencyKey(internalIdOfJob(job)),
    park: async (job, failure) => parkJob(deps, await ownerOf(deps, job), PARKED_KIND[job.kind], job, failure),
  };
}

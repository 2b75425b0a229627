import { fail, type BulkJob, type Outcome } from '../../contract';
import type { Store } from '../ports/store';
import type { ProjectRef } from '../plans/plan-write';
import { loadBulkJob, publicBulkJob } from './bulk-job';

/** A bulk job's progress; another project's job is reported as absent. */
export async function bulkStatus(store: Store, project: ProjectRef, jobId: string): Promise<Outcome<BulkJob>> {
  const job = await loadBulkJob(store, jobId);
  if (job === undefined || job.projectId !== project.id) return fail('NOT_FOUND', `There is no bulk-linking job "${jobId}" in this project.`);
  return { ok: true, data: publicBulkJob(job) };
}

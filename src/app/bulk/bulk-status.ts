import type { BulkJob } from '../../contract';
import { notFound, type UseCaseOutcome } from '../refusal';
import type { Store } from '../ports/store';
import type { ProjectRef } from '../plans/plan-write';
import { loadBulkJob, publicBulkJob } from './bulk-job';

/** A bulk job's progress; another project's job is reported as absent. */
export async function bulkStatus(store: Store, project: ProjectRef, jobId: string): Promise<UseCaseOutcome<BulkJob>> {
  const job = await loadBulkJob(store, jobId);
  if (job?.projectId !== project.id) return notFound({ what: 'bulk-job', jobId });
  return { ok: true, data: publicBulkJob(job) };
}

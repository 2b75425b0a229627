import type { Clock } from '../ports/clock';
import type { PlanAggregates, PlanInternalId } from '../ports/aggregates';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import type { JiraPort } from '../ports/jira';
import type { Store } from '../ports/store';
import { toJsonValue } from '../plans/to-json-value';
import { bulkJobKey, storedBulkJobSchema, type BulkLinkChunk } from './bulk-job';

export interface BulkChunkPorts {
  readonly store: Store;
  readonly clock: Clock;
  /** Jira as the app: the consumer has no user; the admin was authorised when the job started. */
  readonly appJira: JiraPort;
  readonly aggregates: PlanAggregates;
}

async function linkIssue(ports: BulkChunkPorts, chunk: BulkLinkChunk, planId: PlanInternalId, issueId: string): Promise<boolean> {
  try {
    await ports.appJira.setIssueLink(issueId, { planId: chunk.planId, billingClass: chunk.billingClass });
  } catch {
    // One issue that can't be written (deleted since, locked) must not stop the others; it is counted as failed.
    return false;
  }
  const link = { planId, billingClass: chunk.billingClass };
  await ports.aggregates.issueLinkChanged({ issueId, projectId: chunk.projectId, link });
  return true;
}

/**
 * Links one chunk's issues, then counts them on the job once, even when the queue delivers the
 * chunk twice. The plan is loaded again through the project guard: one deleted since the job
 * started links nothing (every issue counts as failed).
 */
export async function runBulkLinkChunk(ports: BulkChunkPorts, chunk: BulkLinkChunk): Promise<void> {
  const plan = await loadPlanInProject(ports.store, { projectId: chunk.projectId }, chunk.planId);
  let linked = 0;
  if (plan.ok) for (const issueId of chunk.issueIds) if (await linkIssue(ports, chunk, internalIdOf(plan.data.stored), issueId)) linked += 1;
  const failed = chunk.issueIds.length - linked;
  const now = ports.clock.now();
  await ports.store.update(bulkJobKey(chunk.jobId), (current) => {
    if (current === undefined) return undefined;
    const job = storedBulkJobSchema.parse(current);
    if (job.chunksDone.includes(chunk.chunk)) return current;
    const chunksDone = [...job.chunksDone, chunk.chunk];
    const state = chunksDone.length === job.chunkCount ? 'done' : 'running';
    return toJsonValue({ ...job, linked: job.linked + linked, failed: job.failed + failed, chunksDone, state, updatedAt: now });
  });
}

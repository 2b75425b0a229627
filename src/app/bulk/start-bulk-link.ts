import type { BulkJob } from '../../contract';
import type { BillingClass } from '../../ledger/types';
import type { Clock } from '../ports/clock';
import type { IssueSearch } from '../ports/jira';
import type { WorkQueue } from '../ports/queue';
import { StoreError, type Store } from '../ports/store';
import { loadActivePlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import type { PlanWriteContext } from '../plans/plan-write';
import { toJsonValue } from '../plans/to-json-value';
import type { UseCaseOutcome } from '../refusal';
import { changedSinceCount, currentCount, NOT_THE_LATEST_COUNT, useUpCount } from './bulk-count';
import { BULK_CHUNK_SIZE, BULK_QUEUE_KEY, bulkConcurrencyKey, bulkJobKey, publicBulkJob, type BulkLinkChunk, type StoredBulkJob, bulkPlanJobKey } from './bulk-job';
import { findProjectIssues } from './find-project-issues';
import { triageIssues, type IssueToLink } from './triage-issues';

export interface BulkLinkPorts {
  readonly store: Store;
  readonly clock: Clock;
  readonly queue: WorkQueue;
  /** Jira as the admin: the issues are found, and their permissions checked, as the admin. */
  readonly userJira: IssueSearch;
  readonly newJobId: () => string;
}

export interface BulkLinkRequest {
  readonly jql: string;
  readonly planId: string;
  readonly billingClass: BillingClass;
  /** From the `bulk/preview` this link confirms. */
  readonly countToken: string;
}

function chunksOf(issues: readonly IssueToLink[]): IssueToLink[][] {
  const chunks: IssueToLink[][] = [];
  for (let start = 0; start < issues.length; start += BULK_CHUNK_SIZE) chunks.push(issues.slice(start, start + BULK_CHUNK_SIZE));
  return chunks;
}

/**
 * Links the project's issues that the admin's query finds to one of the project's active plans,
 * confirming the count the admin saw: the same query must find the same issues (else
 * `RECOUNT_REQUIRED`). Before anything is written, Jira says (as the admin) which of them the
 * admin may browse and edit; the rest, issues already on this plan and issues on another plan
 * are skipped with their reason. The queue writes the links in chunks; `bulk/status` follows.
 */
export async function startBulkLink(ports: BulkLinkPorts, context: PlanWriteContext, request: BulkLinkRequest): Promise<UseCaseOutcome<BulkJob>> {
  const plan = await loadActivePlanInProject(ports.store, context.project, request.planId);
  if (!plan.ok) return plan;
  const count = await currentCount(ports.store, context, request, ports.clock.now());
  if (!count.ok) return count;
  const found = await findProjectIssues(ports.userJira, context.project, request.jql);
  if (!found.ok) return found;
  const changed = await changedSinceCount(count.data, found.data.inProject.map((issue) => issue.id));
  if (changed !== undefined) return changed;
  const editable = await ports.userJira.issuesWithPermissions(
    found.data.inProject.map((issue) => issue.id),
    ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
  );
  const { toLink, skipped } = triageIssues(found.data, editable, { planId: request.planId, billingClass: request.billingClass });
  const chunks = chunksOf(toLink);
  const now = ports.clock.now();
  const job: StoredBulkJob = {
    jobId: ports.newJobId(),
    planId: request.planId,
    billingClass: request.billingClass,
    jql: request.jql,
    state: chunks.length === 0 ? 'done' : 'queued',
    total: toLink.length,
    linked: 0,
    failed: 0,
    failures: [],
    skipped: [...skipped],
    startedBy: context.actor.accountId,
    startedAt: now,
    updatedAt: now,
    projectId: context.project.id,
    chunkCount: chunks.length,
    chunksDone: [],
  };
  try {
    await ports.store.transact([
      useUpCount(count.data),
      { set: { key: bulkJobKey(job.jobId), value: toJsonValue(job), ifVersion: null } },
      ...(chunks.length === 0 ? [] : [{ set: { key: bulkPlanJobKey(internalIdOf(plan.data.stored), job.jobId), value: { jobId: job.jobId } } }]),
    ]);
  } catch (error) {
    // The same count started a job a moment ago (a double click), or the admin counted again meanwhile.
    if (error instanceof StoreError && error.code === 'conflict') return NOT_THE_LATEST_COUNT;
    throw error;
  }
  for (const [chunk, issues] of chunks.entries()) {
    const body: BulkLinkChunk = {
      kind: 'bulk-link-chunk',
      jobId: job.jobId,
      chunk,
      projectId: context.project.id,
      planId: request.planId,
      billingClass: request.billingClass,
      issues,
    };
    await ports.queue.push(BULK_QUEUE_KEY, toJsonValue(body), { concurrencyKey: bulkConcurrencyKey(job.jobId) });
  }
  return { ok: true, data: publicBulkJob(job) };
}

import type { BulkJob } from '../../contract';
import type { BillingClass } from '../../ledger/types';
import type { Clock } from '../ports/clock';
import type { JiraPort } from '../ports/jira';
import type { WorkQueue } from '../ports/queue';
import type { Store } from '../ports/store';
import { loadActivePlanInProject } from '../plans/plan-in-project';
import { invalid, type UseCaseOutcome } from '../refusal';
import type { PlanWriteContext } from '../plans/plan-write';
import { toJsonValue } from '../plans/to-json-value';
import { BULK_CHUNK_SIZE, BULK_MAX_ISSUES, BULK_QUEUE_KEY, bulkJobKey, publicBulkJob, type BulkLinkChunk, type StoredBulkJob } from './bulk-job';
import { rejectedJql, scopedJql } from './preview-bulk-link';

export interface BulkLinkPorts {
  readonly store: Store;
  readonly clock: Clock;
  readonly queue: WorkQueue;
  /** Jira as the admin: only issues they can see are collected. */
  readonly userJira: JiraPort;
  readonly newJobId: () => string;
}

export interface BulkLinkRequest {
  readonly jql: string;
  readonly planId: string;
  readonly billingClass: BillingClass;
}

async function collectIssueIds(userJira: JiraPort, jql: string): Promise<string[] | 'too-many'> {
  const ids: string[] = [];
  let pageToken: string | null = null;
  do {
    const page = await userJira.searchIssueIds(jql, pageToken);
    ids.push(...page.issueIds);
    if (ids.length > BULK_MAX_ISSUES) return 'too-many';
    pageToken = page.nextPageToken;
  } while (pageToken !== null);
  return ids;
}

function chunksOf(ids: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += BULK_CHUNK_SIZE) chunks.push(ids.slice(start, start + BULK_CHUNK_SIZE));
  return chunks;
}

/**
 * Links every issue of the project that the JQL matches (and the admin can see) to one of the
 * project's active plans: the issue ids are collected now, the links written by the queue in
 * chunks; progress is readable with `bulk/status`.
 */
export async function startBulkLink(ports: BulkLinkPorts, context: PlanWriteContext, request: BulkLinkRequest): Promise<UseCaseOutcome<BulkJob>> {
  const plan = await loadActivePlanInProject(ports.store, context.project, request.planId);
  if (!plan.ok) return plan;
  const jql = scopedJql(context.project, request.jql);
  let ids: string[] | 'too-many';
  try {
    ids = await collectIssueIds(ports.userJira, jql);
  } catch (error) {
    const refused = rejectedJql(error);
    if (refused === undefined) throw error;
    return refused;
  }
  if (ids === 'too-many') return invalid('jql', { what: 'too-many-issues', max: BULK_MAX_ISSUES });
  const chunks = chunksOf(ids);
  const now = ports.clock.now();
  const job: StoredBulkJob = {
    jobId: ports.newJobId(),
    planId: request.planId,
    billingClass: request.billingClass,
    jql,
    state: chunks.length === 0 ? 'done' : 'queued',
    total: ids.length,
    linked: 0,
    failed: 0,
    startedBy: context.actor.accountId,
    startedAt: now,
    updatedAt: now,
    projectId: context.project.id,
    chunkCount: chunks.length,
    chunksDone: [],
  };
  await ports.store.set(bulkJobKey(job.jobId), toJsonValue(job));
  for (const [chunk, issueIds] of chunks.entries()) {
    const body: BulkLinkChunk = {
      kind: 'bulk-link-chunk',
      jobId: job.jobId,
      chunk,
      projectId: context.project.id,
      planId: request.planId,
      billingClass: request.billingClass,
      issueIds,
    };
    await ports.queue.push(BULK_QUEUE_KEY, toJsonValue(body), { concurrencyKey: `bulk-${job.jobId}` });
  }
  return { ok: true, data: publicBulkJob(job) };
}

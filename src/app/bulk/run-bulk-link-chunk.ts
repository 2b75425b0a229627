import { BULK_SAMPLE_KEYS, type BulkFailure, type BulkFailureReason } from '../../contract';
import type { Clock } from '../ports/clock';
import type { PlanAggregates, PlanInternalId } from '../ports/aggregates';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import { JiraError, type JiraPort } from '../ports/jira';
import type { Store } from '../ports/store';
import { toJsonValue } from '../plans/to-json-value';
import { bulkJobKey, storedBulkJobSchema, type BulkLinkChunk } from './bulk-job';

export interface BulkChunkPorts {
  readonly store: Store;
  readonly clock: Clock;
  /** Jira as the app: the consumer has no user; the admin's rights on every issue were checked when the job started. */
  readonly appJira: Pick<JiraPort, 'setIssueLink'>;
  readonly aggregates: Pick<PlanAggregates, 'issueLinkChanged'>;
}

const MAX_MESSAGE_LENGTH = 300;

interface IssueFailure {
  readonly reason: BulkFailureReason;
  readonly issueKey: string;
  readonly message: string;
}

type ChunkIssue = BulkLinkChunk['issues'][number];

function failureReason(error: unknown): BulkFailureReason {
  if (!(error instanceof JiraError)) return 'internal-error';
  switch (error.kind) {
    case 'rate-limited':
      return 'rate-limited';
    case 'server':
    case 'timeout':
    case 'network':
      return 'jira-unavailable';
    case 'not-found':
      return 'issue-gone';
    case 'forbidden':
    case 'unauthorized':
    case 'bad-request':
      return 'jira-refused';
  }
}

async function linkIssue(ports: BulkChunkPorts, chunk: BulkLinkChunk, planId: PlanInternalId, issue: ChunkIssue): Promise<IssueFailure | null> {
  try {
    await ports.appJira.setIssueLink(issue.id, { planId: chunk.planId, billingClass: chunk.billingClass });
  } catch (error) {
    // One issue that can't be written must not stop the others; it is counted with its reason.
    const reason = failureReason(error);
    if (reason === 'internal-error') console.error('Support Hours bulk link failed', error);
    return { reason, issueKey: issue.key, message: String(error instanceof Error ? error.message : error).slice(0, MAX_MESSAGE_LENGTH) };
  }
  await ports.aggregates.issueLinkChanged({ issueId: issue.id, issueKey: issue.key, projectId: chunk.projectId, link: { planId, billingClass: chunk.billingClass } });
  return null;
}

/** The job's failures with this chunk's added: one entry per reason, its first message kept. */
function withFailures(current: readonly BulkFailure[], added: readonly IssueFailure[]): BulkFailure[] {
  const merged = current.map((failure) => ({ ...failure, issueKeys: [...failure.issueKeys] }));
  for (const failure of added) {
    const existing = merged.find((entry) => entry.reason === failure.reason);
    if (existing === undefined) {
      merged.push({ reason: failure.reason, count: 1, issueKeys: [failure.issueKey], message: failure.message });
      continue;
    }
    existing.count += 1;
    if (existing.issueKeys.length < BULK_SAMPLE_KEYS) existing.issueKeys.push(failure.issueKey);
  }
  return merged;
}

const PLAN_GONE = 'The plan was deleted after the run started.';

/**
 * Links one chunk's issues, then counts them on the job once, even when the queue delivers the
 * chunk twice. The plan is loaded again through the project guard: one deleted since the job
 * started links nothing (every issue fails as `plan-gone`).
 */
export async function runBulkLinkChunk(ports: BulkChunkPorts, chunk: BulkLinkChunk): Promise<void> {
  const plan = await loadPlanInProject(ports.store, { projectId: chunk.projectId }, chunk.planId);
  const failures: IssueFailure[] = [];
  for (const issue of chunk.issues) {
    const failure = plan.ok ? await linkIssue(ports, chunk, internalIdOf(plan.data.stored), issue) : { reason: 'plan-gone' as const, issueKey: issue.key, message: PLAN_GONE };
    if (failure !== null) failures.push(failure);
  }
  const linked = chunk.issues.length - failures.length;
  const now = ports.clock.now();
  await ports.store.update(bulkJobKey(chunk.jobId), (current) => {
    if (current === undefined) return undefined;
    const job = storedBulkJobSchema.parse(current);
    if (job.chunksDone.includes(chunk.chunk)) return current;
    const chunksDone = [...job.chunksDone, chunk.chunk];
    const state = chunksDone.length === job.chunkCount ? 'done' : 'running';
    return toJsonValue({ ...job, linked: job.linked + linked, failed: job.failed + failures.length, failures: withFailures(job.failures, failures), chunksDone, state, updatedAt: now });
  });
}

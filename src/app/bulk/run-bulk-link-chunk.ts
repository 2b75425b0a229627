import { BULK_SAMPLE_KEYS, type BulkFailure, type BulkFailureReason } from '../../contract';
import { MAX_ERROR_LENGTH, RemainingWork } from '../jobs/failure-policy';
import type { PlanInternalId } from '../plans/plan-identity';
import { issueLinkChanged, type LinkChangeDeps } from '../sync/issue-link-changed';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import { JiraError, type IssueCounter, type IssueLinkWriter } from '../ports/jira';
import { toJsonValue } from '../plans/to-json-value';
import { bulkJobKey, storedBulkJobSchema, type BulkLinkChunk, bulkPlanJobKey } from './bulk-job';
import type { ParkedFailure } from '../jobs/run-queue-job';

/** The store, the queue and the time; and Jira to write each link and count a newly linked issue's work. */
export interface BulkChunkPorts extends LinkChangeDeps {
  /** Jira as the app: the consumer has no user; the admin's rights on every issue were checked when the job started. */
  readonly appJira: Pick<IssueLinkWriter, 'setIssueLink'> & IssueCounter;
}

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

/** Reasons that pass (Jira busy or down): the issue is retried later rather than counted as failed. */
const PASSING_REASONS: ReadonlySet<BulkFailureReason> = new Set(['rate-limited', 'jira-unavailable']);

const messageOf = (error: unknown): string => String(error instanceof Error ? error.message : error).slice(0, MAX_ERROR_LENGTH);

type LinkResult = { readonly linked: true } | { readonly linked: false; readonly failure: IssueFailure; readonly error: unknown };

async function linkIssue(ports: BulkChunkPorts, chunk: BulkLinkChunk, planId: PlanInternalId, issue: ChunkIssue): Promise<LinkResult> {
  try {
    await ports.appJira.setIssueLink(issue.id, { planId: chunk.planId, billingClass: chunk.billingClass, linkedBy: 'hand' });
  } catch (error) {
    // One issue that can't be written must not stop the others; it is counted with its reason.
    const reason = failureReason(error);
    if (reason === 'internal-error') console.error('Support Hours bulk link failed', error);
    return { linked: false, failure: { reason, issueKey: issue.key, message: messageOf(error) }, error };
  }
  await issueLinkChanged(ports, { issueId: issue.id, issueKey: issue.key, projectId: chunk.projectId, link: { planId, billingClass: chunk.billingClass } });
  return { linked: true };
}

const asBulkFailure = (failure: IssueFailure): BulkFailure => ({ reason: failure.reason, count: 1, issueKeys: [failure.issueKey], message: failure.message });

/** Failures added to the job's: one entry per reason, its first message kept, a sample of keys. */
function mergeFailures(current: readonly BulkFailure[], added: readonly BulkFailure[]): BulkFailure[] {
  const merged = current.map((failure) => ({ ...failure, issueKeys: [...failure.issueKeys] }));
  for (const failure of added) {
    const existing = merged.find((entry) => entry.reason === failure.reason);
    if (existing === undefined) {
      merged.push({ ...failure, issueKeys: failure.issueKeys.slice(0, BULK_SAMPLE_KEYS) });
      continue;
    }
    existing.count += failure.count;
    existing.issueKeys = [...existing.issueKeys, ...failure.issueKeys].slice(0, BULK_SAMPLE_KEYS);
  }
  return merged;
}

const PLAN_GONE = 'The plan was deleted after the run started.';

/**
 * Links one chunk's issues, then counts them on the job once, even when the queue delivers the
 * chunk twice. The plan is loaded again through the project guard: one deleted since the job
 * started links nothing (every issue fails as `plan-gone`). Jira's rate limit or an outage stops
 * the chunk at that issue: it throws {@link RemainingWork} with the issues left and what was done,
 * for the failure policy to retry after a pause, so such issues are not counted as failed
 * unless the retries run out.
 */
export async function runBulkLinkChunk(ports: BulkChunkPorts, chunk: BulkLinkChunk): Promise<void> {
  const plan = await loadPlanInProject(ports.store, { projectId: chunk.projectId }, chunk.planId);
  const failures: IssueFailure[] = [];
  let linked = chunk.carried?.linked ?? 0;
  for (const [index, issue] of chunk.issues.entries()) {
    const result: LinkResult = plan.ok
      ? await linkIssue(ports, chunk, internalIdOf(plan.data.stored), issue)
      : { linked: false, failure: { reason: 'plan-gone', issueKey: issue.key, message: PLAN_GONE }, error: null };
    if (result.linked) {
      linked += 1;
    } else if (PASSING_REASONS.has(result.failure.reason)) {
      const carried = { linked, failures: mergeFailures(chunk.carried?.failures ?? [], failures.map(asBulkFailure)) };
      throw new RemainingWork(toJsonValue({ ...chunk, issues: chunk.issues.slice(index), carried }), result.error);
    } else {
      failures.push(result.failure);
    }
  }
  await countChunk(ports, chunk, linked, mergeFailures(chunk.carried?.failures ?? [], failures.map(asBulkFailure)));
}

/**
 * The failure policy gave up on the chunk (its retries ran out, or it failed in a way retrying
 * can't mend): the issues it still had are counted as failed with the reason, so the job ends.
 */
export async function giveUpOnChunk(ports: BulkChunkPorts, chunk: BulkLinkChunk, failure: ParkedFailure): Promise<void> {
  const given: BulkFailure[] =
    chunk.issues.length === 0
      ? []
      : [{ reason: failureReason(failure.cause), count: chunk.issues.length, issueKeys: chunk.issues.slice(0, BULK_SAMPLE_KEYS).map((issue) => issue.key), message: `${failure.message} (gave up after ${failure.attempts} attempts)`.slice(0, MAX_ERROR_LENGTH) }];
  await countChunk(ports, chunk, chunk.carried?.linked ?? 0, mergeFailures(chunk.carried?.failures ?? [], given));
}

/** Adds the chunk's outcome to the job, once per chunk number. */
async function countChunk(ports: BulkChunkPorts, chunk: BulkLinkChunk, linked: number, failures: readonly BulkFailure[]): Promise<void> {
  const failed = failures.reduce((sum, failure) => sum + failure.count, 0);
  const now = ports.clock.now();
  const counted = { done: false };
  await ports.store.update(bulkJobKey(chunk.jobId), (current) => {
    counted.done = false;
    if (current === undefined) return undefined;
    const job = storedBulkJobSchema.parse(current);
    if (job.chunksDone.includes(chunk.chunk)) return current;
    const chunksDone = [...job.chunksDone, chunk.chunk];
    const state = chunksDone.length === job.chunkCount ? 'done' : 'running';
    counted.done = state === 'done';
    return toJsonValue({ ...job, linked: job.linked + linked, failed: job.failed + failed, failures: mergeFailures(job.failures, failures), chunksDone, state, updatedAt: now });
  });
  if (counted.done) {
    // Closing no longer waits for the job; a plan deleted meanwhile had the marker purged with it.
    const plan = await loadPlanInProject(ports.store, { projectId: chunk.projectId }, chunk.planId);
    if (plan.ok) await ports.store.delete(bulkPlanJobKey(internalIdOf(plan.data.stored), chunk.jobId));
  }
}

import { MemoryStore } from '../../adapters/storage/memory-store';
import { buildPlan } from '../../ledger/test-builders';
import { createPlan } from '../plans/create-plan';
import { fixedClock } from '../ports/clock';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { JiraError, type JiraErrorKind } from '../ports/jira';
import { toJsonValue } from '../plans/to-json-value';
import { bulkJobKey, bulkLinkChunkSchema, loadBulkJob, type BulkLinkChunk, type StoredBulkJob } from './bulk-job';
import { RemainingWork } from '../jobs/failure-policy';
import { giveUpOnChunk, runBulkLinkChunk } from './run-bulk-link-chunk';

const NOW = Date.parse('2026-10-20T12:00:00Z');

function jiraError(kind: JiraErrorKind, status: number, message: string): JiraError {
  return new JiraError({ kind, operation: 'set-issue-link', method: 'PUT', path: '/rest/api/3/issue/x/properties/support-plan', status, errorMessages: [message], errors: {}, attempts: 1 });
}

/** How writing each issue's link goes, by issue id; absent: it is written. */
const OUTCOMES: Readonly<Partial<Record<string, Error>>> = {
  '2': jiraError('rate-limited', 429, 'Rate limit exceeded.'),
  '3': jiraError('rate-limited', 429, 'Rate limit exceeded again.'),
  '4': jiraError('server', 503, 'Service unavailable.'),
  '5': jiraError('not-found', 404, 'Issue does not exist or you do not have permission to see it.'),
  '6': jiraError('forbidden', 403, 'You do not have the permission to edit this issue.'),
  '7': new TypeError("Cannot read properties of undefined (reading 'planId')"),
};

const job: StoredBulkJob = {
  jobId: 'job-1',
  planId: 'acme-gold',
  billingClass: 'covered',
  jql: 'project = SUP',
  state: 'queued',
  total: 8,
  linked: 0,
  failed: 0,
  failures: [],
  skipped: [{ reason: 'already-on-plan', count: 1, issueKeys: ['SUP-9'] }],
  startedBy: 'acc-admin',
  startedAt: NOW,
  updatedAt: NOW,
  projectId: '10000',
  chunkCount: 1,
  chunksDone: [],
};

const chunk: BulkLinkChunk = {
  kind: 'bulk-link-chunk',
  jobId: job.jobId,
  chunk: 0,
  projectId: job.projectId,
  planId: job.planId,
  billingClass: job.billingClass,
  issues: ['1', '2', '3', '4', '5', '6', '7', '8'].map((id) => ({ id, key: `SUP-${id}` })),
};

/** A store holding the job and, unless told otherwise, its plan (internal id `plan-internal-1`). */
async function storeWithJob(withPlan = true): Promise<MemoryStore> {
  const store = new MemoryStore({ retryDelayMs: () => 0 });
  await store.set(bulkJobKey(job.jobId), toJsonValue(job));
  if (withPlan) {
    const created = await createPlan({ store, clock: fixedClock(NOW), queue: { push: () => Promise.resolve('queued') }, newId: () => 'plan-internal-1' }, { actor: { accountId: 'acc-admin' }, project: { id: job.projectId, key: 'SUP' } }, buildPlan({ id: job.planId }));
    expect(created.ok).toBe(true);
  }
  return store;
}

/** Issues linked here have no work in Jira yet: the aggregates take them in without a recompute. */
const countIssues = () => Promise.resolve(0);

describe('runBulkLinkChunk', () => {
  const appJiraFailingAs = (outcomes: Readonly<Partial<Record<string, Error>>>) => ({
    setIssueLink: async (issueId: string) => {
      const failure = outcomes[issueId];
      if (failure !== undefined) throw failure;
    },
    countIssues,
  });
  /** Nothing here needs a recompute: a job pushed would be a bug. */
  const queue = { push: () => Promise.reject(new Error('no queue job was expected')) };
  const { '2': _rateLimited, '3': _again, '4': _unavailable, ...LASTING } = OUTCOMES;

  it('counts each lasting failure under its reason: issues gone, Jira refusing, bugs', async () => {
    const store = await storeWithJob();
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await runBulkLinkChunk({ store, clock: fixedClock(NOW + 1000), queue, appJira: appJiraFailingAs(LASTING) }, chunk);

    const after = await loadBulkJob(store, job.jobId);
    expect(after && [after.state, after.linked, after.failed, after.skipped, after.updatedAt]).toEqual(['done', 5, 3, job.skipped, NOW + 1000]);
    const messageOf = (issueId: string) => OUTCOMES[issueId]?.message;
    expect(after?.failures).toEqual([
      { reason: 'issue-gone', count: 1, issueKeys: ['SUP-5'], message: messageOf('5') },
      { reason: 'jira-refused', count: 1, issueKeys: ['SUP-6'], message: messageOf('6') },
      { reason: 'internal-error', count: 1, issueKeys: ['SUP-7'], message: "Cannot read properties of undefined (reading 'planId')" },
    ]);
    // The aggregates hold exactly the issues whose link Jira took, under the plan's internal id.
    const reader = new AggregateReader(store);
    const links = await Promise.all(chunk.issues.map(async (issue) => [issue.id, (await reader.link(issue.id))?.planId]));
    expect(links.filter(([, planId]) => planId !== undefined)).toEqual(['1', '2', '3', '4', '8'].map((id) => [id, 'plan-internal-1']));
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('stops at a rate limit and hands back the issues left with what it did, counting nothing on the job yet', async () => {
    const store = await storeWithJob();
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { '7': _bug, ...outcomes } = OUTCOMES;
    const run = runBulkLinkChunk({ store, clock: fixedClock(NOW), queue, appJira: appJiraFailingAs(outcomes) }, chunk);

    const thrown: unknown = await run.catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(RemainingWork);
    const remaining = bulkLinkChunkSchema.parse(thrown instanceof RemainingWork ? thrown.remaining : null);
    expect(remaining.issues.map((issue) => issue.key)).toEqual(['SUP-2', 'SUP-3', 'SUP-4', 'SUP-5', 'SUP-6', 'SUP-7', 'SUP-8']);
    expect(remaining.carried).toEqual({ linked: 1, failures: [] });
    expect(thrown instanceof RemainingWork && thrown.cause).toBe(OUTCOMES['2']);
    expect((await loadBulkJob(store, job.jobId))?.chunksDone).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('counts what earlier runs carried, and the issues left as failed with the last reason when the policy gives up', async () => {
    const store = await storeWithJob();
    const carried = { linked: 3, failures: [{ reason: 'issue-gone' as const, count: 1, issueKeys: ['SUP-9'], message: 'Gone.' }] };
    const left = { ...chunk, issues: chunk.issues.slice(4), carried };
    const cause = OUTCOMES['4'];
    await giveUpOnChunk({ store, clock: fixedClock(NOW), queue, appJira: appJiraFailingAs({}) }, left, {
      kind: 'transient',
      message: cause?.message ?? '',
      cause,
      attempts: 29,
      firstFailedAt: NOW,
    });

    const after = await loadBulkJob(store, job.jobId);
    expect(after && [after.state, after.linked, after.failed, after.chunksDone]).toEqual(['done', 3, 5, [0]]);
    expect(after?.failures).toEqual([
      carried.failures[0],
      { reason: 'jira-unavailable', count: 4, issueKeys: ['SUP-5', 'SUP-6', 'SUP-7', 'SUP-8'], message: `${cause?.message ?? ''} (gave up after 29 attempts)` },
    ]);
  });

  it('writes nothing when the plan was deleted after the run started, and says so', async () => {
    const store = await storeWithJob(false);
    const written: string[] = [];
    const appJira = { setIssueLink: async (issueId: string) => void written.push(issueId), countIssues };
    await runBulkLinkChunk({ store, clock: fixedClock(NOW), queue, appJira }, chunk);
    const after = await loadBulkJob(store, job.jobId);
    expect(written).toEqual([]);
    expect(after && [after.state, after.linked, after.failed, after.failures]).toEqual([
      'done',
      0,
      8,
      [{ reason: 'plan-gone', count: 8, issueKeys: chunk.issues.map((issue) => issue.key), message: 'The plan was deleted after the run started.' }],
    ]);
  });

  it('reads a chunk queued by the previous release (ids only), naming its issues by id', () => {
    const { issues: _issues, ...rest } = chunk;
    expect(bulkLinkChunkSchema.parse({ ...rest, issueIds: ['10001', '10002'] }).issues).toEqual([
      { id: '10001', key: '10001' },
      { id: '10002', key: '10002' },
    ]);
  });
});

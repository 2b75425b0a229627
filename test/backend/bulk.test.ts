import { expect } from '@jest/globals';
import { BULK_QUEUE_KEY } from '../../src/app/bulk/bulk-job';
import type { BulkJob } from '../../src/contract';
import type { SimUser } from '../../src/jira-simulator/model';
import { createBulkConsumer } from '../../src/forge/resolvers/bulk-consumer';
import { as, backendFixture, ISSUES, NOW, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

/** Each issue's key and `support-plan` property, as Jira holds them now. */
function links(fixture: BackendFixture): [string, unknown][] {
  return fixture.simulator.snapshot().issues.map((issue) => [issue.key, issue.properties['support-plan'] ?? null]);
}

async function count(fixture: BackendFixture, who: SimUser, jql: string) {
  return fixture.invoker.invoke('bulk/preview', { jql }, as(who), on.settings());
}

/** Counts, then confirms with the count's token, as the settings page does; the job once the queue has run. */
async function countAndLink(fixture: BackendFixture, who: SimUser, jql: string, planId = 'acme-gold'): Promise<BulkJob> {
  const counted = await count(fixture, who, jql);
  if (!counted.ok) throw new Error(counted.error.message);
  const started = await fixture.invoker.invoke('bulk/link', { jql, planId, countToken: counted.data.countToken }, as(who), on.settings());
  if (!started.ok) throw new Error(started.error.message);
  await fixture.queue.drain();
  const status = await fixture.invoker.invoke('bulk/status', { jobId: started.data.jobId }, as(who), on.settings());
  if (!status.ok) throw new Error(status.error.message);
  return status.data;
}

/** Links made in bulk, or on the issue, count as set by hand. */
const GOLD = { planId: 'acme-gold', billingClass: 'covered', linkedBy: 'hand' } as const;

describe('bulk linking resolvers', () => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = backendFixture();
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
  });

  it('counts the project\'s issues the query finds, runs the query as typed, and binds the count to a token', async () => {
    const preview = await count(fixture, USERS.browsingAdmin, '  summary ~ "Issue"\n ORDER BY key ');
    expect(preview).toEqual({
      ok: true,
      data: { jql: 'summary ~ "Issue" ORDER BY key', count: 3, otherProjects: 1, countToken: expect.stringMatching(/^[a-z0-9-]+$/), expiresAt: NOW + 15 * 60_000 },
    });
    const sent = fixture.simulator.stats.byRoute;
    expect([sent['POST /rest/api/3/jql/parse']?.calls, sent['POST /rest/api/3/search/jql']?.calls]).toEqual([1, 1]);
  });

  it('links every match through the queue and reports progress', async () => {
    const job = await countAndLink(fixture, USERS.admin, 'summary ~ "Issue"');
    expect([job.state, job.total, job.linked, job.failed, job.billingClass, job.skipped, job.failures]).toEqual(['done', 3, 3, 0, 'covered', [], []]);
    expect(links(fixture)).toEqual([['SUP-1', GOLD], ['SUP-2', GOLD], ['SUP-3', GOLD], ['OTH-1', null]]);
    const overview = await fixture.invoker.invoke('usage/overview', {}, as(USERS.admin), on.projectPage());
    expect(overview.ok && overview.data.cards[0]?.usedCoveredSeconds).toBe(37_800);
  });

  it('passes Jira\'s own words back when the JQL is wrong, naming the field, before any search', async () => {
    const preview = await count(fixture, USERS.admin, 'colour = "red"');
    expect(preview).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: "Jira refused the JQL: Field 'colour' does not exist or you do not have permission to view it.",
        fields: [{ path: 'jql', message: "Field 'colour' does not exist or you do not have permission to view it." }],
      },
    });
    expect(fixture.simulator.stats.byRoute['POST /rest/api/3/search/jql']).toBeUndefined();
  });

  it('is for project admins only', async () => {
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('bulk/link', { jql: 'summary ~ "Issue"', planId: 'acme-gold', countToken: 'any' }, as(USERS.agent), on.settings());
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(await fixture.snapshot()).toEqual(before);
    expect(fixture.queue.runs).toEqual([]);
  });

  it('links a large set in chunks of 200, counting a chunk delivered twice once', async () => {
    const large = backendFixture({ extraIssues: 401 });
    await large.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    const counted = await count(large, USERS.admin, 'summary ~ "Bulk"');
    if (!counted.ok) throw new Error(counted.error.message);
    const started = await large.invoker.invoke('bulk/link', { jql: 'summary ~ "Bulk"', planId: 'acme-gold', billingClass: 'extra', countToken: counted.data.countToken }, as(USERS.admin), on.settings());
    if (!started.ok) throw new Error(started.error.message);
    await large.queue.drain();
    expect(large.queue.runs.filter((run) => run.queueKey === BULK_QUEUE_KEY).length).toBe(3);
    const redelivered = { kind: 'bulk-link-chunk', jobId: started.data.jobId, chunk: 0, projectId: '10000', planId: 'acme-gold', billingClass: 'extra', issues: [{ id: '11000', key: 'SUP-100' }] };
    await createBulkConsumer(large.services)({ body: redelivered });
    const status = await large.invoker.invoke('bulk/status', { jobId: started.data.jobId }, as(USERS.admin), on.settings());
    expect(status.ok && [status.data.state, status.data.total, status.data.linked, status.data.failed]).toEqual(['done', 401, 401, 0]);
    const linked = large.simulator.snapshot().issues.filter((issue) => JSON.stringify(issue.properties) === '{"support-plan":{"planId":"acme-gold","billingClass":"extra","linkedBy":"hand"}}');
    expect(linked.length).toBe(401);
  });

  it('answers NOT_FOUND for an unknown job', async () => {
    const status = await fixture.invoker.invoke('bulk/status', { jobId: 'no-such-job' }, as(USERS.admin), on.settings());
    expect(status).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no bulk-linking job "no-such-job" in this project.' } });
  });
});

describe('bulk linking stays in its project', () => {
  let fixture: BackendFixture;
  const OTHER_PLAN = { planId: 'oth-plan', billingClass: 'covered' } as const;
  beforeEach(async () => {
    fixture = backendFixture();
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    await fixture.jira.app.setIssueLink(ISSUES.oth1.id, OTHER_PLAN);
  });

  it('refuses the parenthesis escape with Jira\'s parse error: the query is never wrapped, so it never runs', async () => {
    const before = await fixture.snapshot();
    const preview = await count(fixture, USERS.browsingAdmin, 'id > 0) OR (project = OTH');
    expect(preview).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: "Jira refused the JQL: Error in the JQL Query: The JQL part ')' is not supported. (line 1, character 7)",
        fields: [{ path: 'jql', message: "Error in the JQL Query: The JQL part ')' is not supported. (line 1, character 7)" }],
      },
    });
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('links nothing of a project the admin may only browse, and says how many it left out', async () => {
    // The admin could not write the property on OTH-1 themselves: Jira refuses it.
    await expect(fixture.jira.forUser(USERS.browsingAdmin.accountId).setIssueLink(ISSUES.oth1.id, GOLD)).rejects.toMatchObject({ kind: 'forbidden' });
    const job = await countAndLink(fixture, USERS.browsingAdmin, 'project in (SUP, OTH)');
    expect([job.total, job.linked, job.skipped]).toEqual([3, 3, [{ reason: 'other-project', count: 1, issueKeys: [] }]]);
    expect(links(fixture)).toEqual([['SUP-1', GOLD], ['SUP-2', GOLD], ['SUP-3', GOLD], ['OTH-1', OTHER_PLAN]]);
  });

  it('skips issues the admin may not edit, already on the plan, or on another plan, naming that plan', async () => {
    await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'acme-silver', name: 'Acme Silver' }) }, as(USERS.admin), on.settings());
    await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.admin), on.issue(ISSUES.sup1));
    await fixture.invoker.invoke('issue/setLink', { planId: 'acme-silver', billingClass: 'extra' }, as(USERS.admin), on.issue(ISSUES.sup2));
    const job = await countAndLink(fixture, USERS.admin, 'summary ~ "Issue" ORDER BY key DESC');
    expect([job.total, job.linked, job.skipped]).toEqual([
      1,
      1,
      [
        { reason: 'already-on-plan', count: 1, issueKeys: ['SUP-1'] },
        { reason: 'on-other-plan', planId: 'acme-silver', count: 1, issueKeys: ['SUP-2'] },
      ],
    ]);
    expect(links(fixture)).toEqual([['SUP-1', GOLD], ['SUP-2', { planId: 'acme-silver', billingClass: 'extra', linkedBy: 'hand' }], ['SUP-3', GOLD], ['OTH-1', OTHER_PLAN]]);

    const withoutEdit = await countAndLink(fixture, USERS.nonEditingAdmin, 'key = SUP-3 OR key = SUP-2');
    expect([withoutEdit.total, withoutEdit.linked, withoutEdit.skipped]).toEqual([0, 0, [{ reason: 'no-edit-permission', count: 2, issueKeys: ['SUP-2', 'SUP-3'] }]]);
    expect(fixture.simulator.stats.byRoute['POST /rest/api/3/permissions/check']?.calls).toBe(2);
  });
});

describe('a bulk link confirms exactly what was counted', () => {
  let fixture: BackendFixture;
  let clock: { now: () => number; current: number };
  const SILVER = { planId: 'acme-silver', billingClass: 'extra' } as const;
  beforeEach(async () => {
    clock = { current: NOW, now: () => clock.current };
    fixture = backendFixture({ clock });
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'acme-silver', name: 'Acme Silver' }) }, as(USERS.admin), on.settings());
    await fixture.invoker.invoke('issue/setLink', SILVER, as(USERS.admin), on.issue(ISSUES.sup2));
  });

  async function confirm(jql: string, countToken: string, who: SimUser = USERS.admin) {
    return fixture.invoker.invoke('bulk/link', { jql, planId: 'acme-gold', countToken }, as(who), on.settings());
  }

  async function tokenFor(jql: string, who: SimUser = USERS.admin): Promise<string> {
    const counted = await count(fixture, who, jql);
    if (!counted.ok) throw new Error(counted.error.message);
    return counted.data.countToken;
  }

  it('refuses a query edited after the count, and writes nothing', async () => {
    const countToken = await tokenFor('key = SUP-1');
    const before = await fixture.snapshot();
    const refused = await confirm('key in (SUP-1, SUP-2, SUP-3)', countToken);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'RECOUNT_REQUIRED', message: 'The query changed since it was counted; count again.', fields: [{ path: 'countToken', message: 'must come from a count of this query that is still current' }] },
    });
    expect(await fixture.snapshot()).toEqual(before);
    expect(links(fixture)[1]).toEqual(['SUP-2', { ...SILVER, linkedBy: 'hand' }]);
    expect(fixture.queue.runs).toEqual([]);
  });

  it('accepts the same query spelt with other spacing', async () => {
    const countToken = await tokenFor('key = SUP-1');
    const started = await confirm('  key   =\nSUP-1 ', countToken);
    expect(started.ok && started.data.total).toBe(1);
  });

  it('refuses when the same query finds other issues than it did when counted', async () => {
    const countToken = await tokenFor('summary ~ "Issue"');
    fixture.simulator.load({ ...fixture.simulator.snapshot(), issues: fixture.simulator.snapshot().issues.map((issue) => (issue.key === 'SUP-3' ? { ...issue, summary: 'Renamed' } : issue)) });
    const refused = await confirm('summary ~ "Issue"', countToken);
    expect(!refused.ok && [refused.error.code, refused.error.message]).toEqual([
      'RECOUNT_REQUIRED',
      "The query's results changed since it was counted (counted: 3, now: 2 of this project's issues); count again.",
    ]);
  });

  it('lets a count start one job only, and only for the admin who counted, until it expires', async () => {
    const countToken = await tokenFor('key = SUP-1');
    expect((await confirm('key = SUP-1', countToken, USERS.browsingAdmin)).ok).toBe(false);
    expect((await confirm('key = SUP-1', 'a-guessed-token')).ok).toBe(false);
    expect((await confirm('key = SUP-1', countToken)).ok).toBe(true);
    const again = await confirm('key = SUP-1', countToken);
    expect(!again.ok && again.error).toEqual({
      code: 'RECOUNT_REQUIRED',
      message: 'This link does not belong to your latest count (it was used already, or you counted again since); count again.',
      fields: [{ path: 'countToken', message: 'must come from a count of this query that is still current' }],
    });

    const later = await tokenFor('key = SUP-3');
    clock.current += 15 * 60_000;
    const expired = await confirm('key = SUP-3', later);
    expect(!expired.ok && [expired.error.code, expired.error.message]).toEqual(['RECOUNT_REQUIRED', 'The count is more than 15 minutes old; count again.']);
  });

  it('replaces an admin\'s earlier count with a newer one', async () => {
    const first = await tokenFor('key = SUP-1');
    const second = await tokenFor('key = SUP-1');
    expect((await confirm('key = SUP-1', first)).ok).toBe(false);
    expect((await confirm('key = SUP-1', second)).ok).toBe(true);
  });
});

import { BULK_QUEUE_KEY } from '../../src/app/bulk/bulk-job';
import { createBulkConsumer } from '../../src/forge/resolvers/bulk-consumer';
import { as, backendFixture, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

describe('bulk linking resolvers', () => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = backendFixture();
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
  });

  it('previews how many of the project\'s issues the JQL matches, never another project\'s', async () => {
    const preview = await fixture.invoker.invoke('bulk/preview', { jql: 'summary ~ "Issue"' }, as(USERS.admin), on.settings());
    expect(preview).toEqual({ ok: true, data: { jql: 'project = 10000 AND (summary ~ "Issue")', count: 3 } });
  });

  it('links every match through the queue and reports progress', async () => {
    const started = await fixture.invoker.invoke('bulk/link', { jql: 'summary ~ "Issue"', planId: 'acme-gold' }, as(USERS.admin), on.settings());
    if (!started.ok) throw new Error(started.error.message);
    expect([started.data.state, started.data.total, started.data.linked]).toEqual(['queued', 3, 0]);
    await fixture.queue.drain();
    const status = await fixture.invoker.invoke('bulk/status', { jobId: started.data.jobId }, as(USERS.admin), on.settings());
    expect(status.ok && [status.data.state, status.data.total, status.data.linked, status.data.failed, status.data.billingClass]).toEqual(['done', 3, 3, 0, 'covered']);
    const properties = fixture.simulator.snapshot().issues.map((issue) => [issue.key, issue.properties['support-plan'] ?? null]);
    expect(properties).toEqual([
      ['SUP-1', { planId: 'acme-gold', billingClass: 'covered' }],
      ['SUP-2', { planId: 'acme-gold', billingClass: 'covered' }],
      ['SUP-3', { planId: 'acme-gold', billingClass: 'covered' }],
      ['OTH-1', null],
    ]);
    const overview = await fixture.invoker.invoke('usage/overview', {}, as(USERS.admin), on.projectPage());
    expect(overview.ok && overview.data.cards[0]?.usedCoveredSeconds).toBe(37_800);
  });

  it('passes Jira\'s own words back when the JQL is wrong, naming the field', async () => {
    const preview = await fixture.invoker.invoke('bulk/preview', { jql: 'colour = "red"' }, as(USERS.admin), on.settings());
    expect(!preview.ok && [preview.error.code, preview.error.fields?.map((field) => field.path)]).toEqual(['VALIDATION_FAILED', ['jql']]);
  });

  it('is for project admins only', async () => {
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('bulk/link', { jql: 'summary ~ "Issue"', planId: 'acme-gold' }, as(USERS.agent), on.settings());
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(await fixture.snapshot()).toEqual(before);
    expect(fixture.queue.runs).toEqual([]);
  });

  it('links a large set in chunks of 200, counting a chunk delivered twice once', async () => {
    const large = backendFixture({ extraIssues: 401 });
    await large.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    const started = await large.invoker.invoke('bulk/link', { jql: 'summary ~ "Bulk"', planId: 'acme-gold', billingClass: 'extra' }, as(USERS.admin), on.settings());
    if (!started.ok) throw new Error(started.error.message);
    await large.queue.drain();
    expect(large.queue.runs.filter((run) => run.queueKey === BULK_QUEUE_KEY).length).toBe(3);
    const redelivered = { kind: 'bulk-link-chunk', jobId: started.data.jobId, chunk: 0, projectId: '10000', planId: 'acme-gold', billingClass: 'extra', issueIds: ['11000'] };
    await createBulkConsumer(large.services)({ body: redelivered });
    const status = await large.invoker.invoke('bulk/status', { jobId: started.data.jobId }, as(USERS.admin), on.settings());
    expect(status.ok && [status.data.state, status.data.total, status.data.linked, status.data.failed]).toEqual(['done', 401, 401, 0]);
    const linked = large.simulator.snapshot().issues.filter((issue) => JSON.stringify(issue.properties) === '{"support-plan":{"planId":"acme-gold","billingClass":"extra"}}');
    expect(linked.length).toBe(401);
  });

  it('answers NOT_FOUND for an unknown job', async () => {
    const status = await fixture.invoker.invoke('bulk/status', { jobId: 'no-such-job' }, as(USERS.admin), on.settings());
    expect(status).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no bulk-linking job "no-such-job" in this project.' } });
  });
});

/**
 * Scope at entry: an issue's `support-plan` property counts only when it names a plan of the
 * issue's own project. Anything else is ignored for billing, stores nothing for the plan it
 * names, and is listed for the issue's project admins to repair — at a bounded cost.
 */
import { reconcile } from '../../src/app/sync/reconcile';
import { placeIssue } from '../../src/app/aggregates/place-issue';
import type { PlanInternalId } from '../../src/app/plans/plan-identity';
import { MAX_INVALID_LINKS } from '../../src/app/scope/invalid-links';
import type { SimUser } from '../../src/jira-simulator/model';
import { call } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, NOW, on, OTHER_PROJECT, PROJECT, planInput, USERS, type BackendFixture } from './support/backend-fixture';

async function jira(fixture: BackendFixture, who: SimUser, method: string, path: string, body?: unknown): Promise<void> {
  const answer = await call(fixture.simulator, who, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** What someone who may edit the issue can do without the app: write any plan id into the property, then log work. */
async function nameAndLog(fixture: BackendFixture, who: SimUser, issueId: string, planId: string, seconds: number): Promise<void> {
  await jira(fixture, who, 'PUT', `/rest/api/3/issue/${issueId}/properties/support-plan`, { planId, billingClass: 'covered' });
  await jira(fixture, who, 'POST', `/rest/api/3/issue/${issueId}/worklog`, { timeSpentSeconds: seconds, started: '2026-10-15T09:00:00.000+0200' });
}

async function settle(fixture: BackendFixture): Promise<void> {
  await fixture.simulator.idle();
  await fixture.queue.drain();
}

const storedKeys = async (fixture: BackendFixture): Promise<string[]> => (await fixture.snapshot()).store.map((entry) => entry.key);

function reconcileNow(fixture: BackendFixture) {
  return reconcile({ jira: fixture.jira.app, store: fixture.store, queue: fixture.queue, clock: fixture.services.clock });
}

describe('an issue property naming another project\'s plan', () => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = backendFixture();
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    expect(created.ok).toBe(true);
    const linked = await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup2));
    expect(linked.ok).toBe(true);
    await settle(fixture);
  });

  it('bills nothing to that plan, raises none of its alerts, and is listed for the issue\'s project admins', async () => {
    const statement = () => fixture.invoker.invoke('usage/statement', { planId: 'acme-gold' }, as(USERS.admin), on.projectPage());
    const before = await statement();
    const keysBefore = await storedKeys(fixture);

    await nameAndLog(fixture, USERS.outsider, ISSUES.oth1.id, 'acme-gold', 8 * 3600);
    await settle(fixture);
    await reconcileNow(fixture);
    await settle(fixture);

    const after = await statement();
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('OTH-1');
    const newKeys = (await storedKeys(fixture)).filter((key) => !keysBefore.includes(key));
    expect(newKeys.filter((key) => !key.startsWith('sync:watermark'))).toEqual([`invalid-links:${OTHER_PROJECT.id}`]);

    const repair = await fixture.invoker.invoke('settings/invalidLinks', {}, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(repair).toEqual({ ok: true, data: { links: [{ issueId: ISSUES.oth1.id, issueKey: 'OTH-1', planId: 'acme-gold', seenAt: NOW }], dropped: 0 } });
    const own = await fixture.invoker.invoke('settings/invalidLinks', {}, as(USERS.admin), on.settings());
    expect(own).toEqual({ ok: true, data: { links: [], dropped: 0 } });
  });

  it('leaves the repair list once the issue names a plan of its own project, or none', async () => {
    await nameAndLog(fixture, USERS.outsider, ISSUES.oth1.id, 'acme-gold', 3600);
    await settle(fixture);
    await jira(fixture, USERS.outsider, 'DELETE', `/rest/api/3/issue/${ISSUES.oth1.id}/properties/support-plan`);
    await jira(fixture, USERS.outsider, 'POST', `/rest/api/3/issue/${ISSUES.oth1.id}/worklog`, { timeSpentSeconds: 600, started: '2026-10-16T09:00:00.000+0200' });
    await settle(fixture);
    const repair = await fixture.invoker.invoke('settings/invalidLinks', {}, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(repair.ok && repair.data.links).toEqual([]);
  });

  it('shows the repair list to project administrators only', async () => {
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('settings/invalidLinks', {}, as(USERS.agent), on.settings());
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(await fixture.snapshot()).toEqual(before);
  });
});

describe('made-up plan ids', () => {
  const BOGUS = 200;

  it(`cost one bounded value for ${BOGUS} ids, and no reconciliation call`, async () => {
    const fixture = backendFixture({ extraIssues: BOGUS });
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1));
    await settle(fixture);
    await reconcileNow(fixture);
    fixture.jira.resetStats();
    await reconcileNow(fixture);
    const baselineCalls = fixture.jira.app.stats().calls;
    const keysBefore = await storedKeys(fixture);

    for (let index = 0; index < BOGUS; index += 1) await nameAndLog(fixture, USERS.agent, String(11000 + index), `made-up-${index}`, 600);
    await settle(fixture);

    const newKeys = (await storedKeys(fixture)).filter((key) => !keysBefore.includes(key));
    expect(newKeys).toEqual([`invalid-links:${PROJECT.id}`]);
    const repair = await fixture.invoker.invoke('settings/invalidLinks', {}, as(USERS.admin), on.settings());
    if (!repair.ok) throw new Error(repair.error.message);
    expect([repair.data.links.length, repair.data.dropped]).toEqual([MAX_INVALID_LINKS, BOGUS - MAX_INVALID_LINKS]);
    expect(repair.data.links.at(-1)?.planId).toBe(`made-up-${BOGUS - 1}`);

    fixture.jira.resetStats();
    await reconcileNow(fixture);
    expect(fixture.jira.app.stats().calls).toBe(baselineCalls);
  }, 60_000);

  it('left behind by an earlier release are dropped by the next reconciliation, without a Jira call for them', async () => {
    const fixture = backendFixture();
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    await settle(fixture);
    fixture.jira.resetStats();
    await reconcileNow(fixture);
    const baselineCalls = fixture.jira.app.stats().calls;
    // What an earlier release stored for a property naming a made-up plan: a head, a part and a link.
    const facts = { billingClass: 'covered' as const, issueKey: 'SUP-3', summary: '' };
    // Today no plan id comes from anywhere but a stored plan; an earlier release took it from the property.
    const madeUp = 'made-up' as PlanInternalId;
    await placeIssue(fixture.store, { issueId: ISSUES.sup3.id, target: { planId: madeUp, facts } }, NOW);
    expect((await storedKeys(fixture)).some((key) => key.startsWith('sync:plan:made-up'))).toBe(true);

    fixture.jira.resetStats();
    const report = await reconcileNow(fixture);
    expect(report.orphansDropped).toBe(1);
    expect(fixture.jira.app.stats().calls).toBe(baselineCalls);
    expect((await storedKeys(fixture)).filter((key) => key.includes('made-up'))).toEqual([]);
    expect(JSON.stringify((await fixture.snapshot()).store)).not.toContain('made-up');
  });
});

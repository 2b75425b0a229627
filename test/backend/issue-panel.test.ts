import { call } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, NOW, on, OTHER_PROJECT, planInput, USERS, type BackendFixture } from './support/backend-fixture';

async function linkIssues(fixture: BackendFixture, issues: readonly (typeof ISSUES)[keyof typeof ISSUES][]) {
  for (const issue of issues) {
    const linked = await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(issue));
    if (!linked.ok) throw new Error(linked.error.message);
  }
  await fixture.queue.drain();
}

describe('issue panel resolvers', () => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = backendFixture();
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    expect(created.ok).toBe(true);
  });

  it('shows an unlinked issue, and gives an editor the project\'s active plans to choose from when asked', async () => {
    const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.agent), on.issue(ISSUES.sup1));
    expect(view).toEqual({ ok: true, data: { issue: { id: '10001', key: 'SUP-1' }, canEdit: true, link: null, balance: null, issueUsage: null } });
    const archived = await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'acme-old', name: 'Acme Old' }) }, as(USERS.admin), on.settings());
    expect(archived.ok).toBe(true);
    expect((await fixture.invoker.invoke('plans/archive', { planId: 'acme-old', expectedVersion: 1 }, as(USERS.admin), on.settings())).ok).toBe(true);
    const choices = await fixture.invoker.invoke('issue/plans', {}, as(USERS.agent), on.issue(ISSUES.sup1));
    expect(choices).toEqual({ ok: true, data: { plans: [{ id: 'acme-gold', name: 'Acme Gold' }] } });
  });

  it('links an issue (writing the Jira property) and shows the plan\'s balance with the issue\'s share', async () => {
    await linkIssues(fixture, [ISSUES.sup1]);
    expect(fixture.simulator.snapshot().issues.find((issue) => issue.id === ISSUES.sup1.id)?.properties).toEqual({
      'support-plan': { planId: 'acme-gold', billingClass: 'covered', linkedBy: 'hand' },
    });
    const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.manager), on.issue(ISSUES.sup1));
    if (!view.ok) throw new Error(view.error.message);
    const { forecast, period, ...card } = view.data.balance ?? { forecast: null, period: null };
    expect(period?.label).toBe('2026-10');
    expect(forecast?.asOf).toBe(NOW);
    expect(card).toEqual({
      planId: 'acme-gold',
      planName: 'Acme Gold',
      kind: 'buckets',
      status: 'active',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      daysLeft: 12,
      availableSeconds: 36_000,
      usedCoveredSeconds: 12_600,
      remainingSeconds: 23_400,
      overageSeconds: 0,
      overageMinor: 0,
      extraSeconds: 0,
      nonBillableSeconds: 0,
      totalMinor: 100_000,
      thresholdsCrossed: [],
      thresholdState: 'ok',
      refreshing: false,
      activeAlerts: [],
    });
    const share = { rawSeconds: 12_600, roundedSeconds: 12_600, coveredSeconds: 12_600, overageSeconds: 0, extraSeconds: 0, nonBillableSeconds: 0, worklogCount: 2 };
    expect(view.data.issueUsage).toEqual({ period: share, allTime: share });
    expect(view.data.canEdit).toBe(false);
  });

  it('shows overage and exhaustion once the plan is used up, and the issue\'s all-time share across periods', async () => {
    await linkIssues(fixture, [ISSUES.sup1, ISSUES.sup2]);
    const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.agent), on.issue(ISSUES.sup2));
    if (!view.ok) throw new Error(view.error.message);
    expect(view.data.balance).toMatchObject({ usedCoveredSeconds: 37_800, remainingSeconds: 0, overageSeconds: 1800, overageMinor: 6000, thresholdsCrossed: [80, 100], thresholdState: 'exhausted' });
    expect([view.data.issueUsage?.period.rawSeconds, view.data.issueUsage?.allTime.rawSeconds, view.data.issueUsage?.allTime.worklogCount]).toEqual([25_200, 36_000, 2]);
  });

  it('counts late work in a closed period in the issue\'s all-time hours, not in this period\'s', async () => {
    await linkIssues(fixture, [ISSUES.sup1, ISSUES.sup2]);
    await fixture.reconcile();
    const closed = await fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period: '2026-09' }, as(USERS.admin), on.projectPage());
    expect(closed.ok).toBe(true);
    // 12 h more September work on SUP-2 (3 h logged before the close), logged after September was closed.
    const late = await call(fixture.simulator, USERS.agent, 'POST', `/rest/api/3/issue/${ISSUES.sup2.id}/worklog`, { timeSpentSeconds: 12 * 3600, started: '2026-09-21T09:00:00.000+0200' });
    expect(late.status).toBe(201);
    await fixture.simulator.idle();
    await fixture.queue.drain();
    const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.agent), on.issue(ISSUES.sup2));
    if (!view.ok) throw new Error(view.error.message);
    // September 3 h + 12 h late, October 7 h.
    expect([view.data.issueUsage?.period.rawSeconds, view.data.issueUsage?.allTime.rawSeconds, view.data.issueUsage?.allTime.worklogCount]).toEqual([7 * 3600, 22 * 3600, 3]);
  });

  it('answers the panel with one Jira call (the caller\'s permissions) and no worklog fetch', async () => {
    await linkIssues(fixture, [ISSUES.sup1, ISSUES.sup2]);
    fixture.jira.resetStats();
    fixture.simulator.resetStats();
    const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.agent), on.issue(ISSUES.sup1));
    expect(view.ok).toBe(true);
    expect(fixture.jira.forUser(USERS.agent.accountId).stats()).toEqual({ calls: 1, points: 1, retries: 0, byOperation: { 'my-permissions': { calls: 1, points: 1, retries: 0 } } });
    expect(fixture.jira.app.stats().calls).toBe(0);
    expect(Object.keys(fixture.simulator.stats.byRoute)).toEqual(['GET /rest/api/3/mypermissions']);
  });

  it('reads four records for the panel (link, figures head with the active alerts, plan, issue shard), also while a threshold is crossed', async () => {
    const panelReads = async (issue: (typeof ISSUES)[keyof typeof ISSUES]) => {
      fixture.runtime.resetKvsUsage();
      const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.agent), on.issue(issue));
      expect(view.ok).toBe(true);
      return [fixture.runtime.kvsUsage().reads, view.ok ? view.data.balance?.activeAlerts?.map((alert) => alert.percent) : null];
    };
    await linkIssues(fixture, [ISSUES.sup1]);
    expect(await panelReads(ISSUES.sup1)).toEqual([4, []]);
    await linkIssues(fixture, [ISSUES.sup2]);
    expect(await panelReads(ISSUES.sup1)).toEqual([4, [80, 100]]);
  });

  it('tells someone who cannot browse the issue nothing about it', async () => {
    await linkIssues(fixture, [ISSUES.sup1]);
    const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.outsider), on.issue(ISSUES.sup1));
    expect(view).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'This issue does not exist or you are not allowed to see it.' } });
  });

  it('refuses to link an issue to another project\'s plan as if it did not exist, and changes nothing', async () => {
    const other = await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'other-plan', name: 'Other' }) }, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(other.ok).toBe(true);
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('issue/setLink', { planId: 'other-plan', billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1));
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'PLAN_NOT_FOUND',
        message: 'There is no plan "other-plan" in this project.',
        fields: [{ path: 'planId', message: 'is not a plan of this project' }],
      },
    });
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('refuses a link change from someone who may not edit the issue, and changes nothing', async () => {
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'extra' }, as(USERS.manager), on.issue(ISSUES.sup1));
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'You need permission to edit this issue to change its support plan.' } });
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('keeps an issue on its archived plan editable: its billing class changes, while no other issue may join the plan', async () => {
    await linkIssues(fixture, [ISSUES.sup1]);
    expect((await fixture.invoker.invoke('plans/archive', { planId: 'acme-gold', expectedVersion: 1 }, as(USERS.admin), on.settings())).ok).toBe(true);
    const changed = await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'extra' }, as(USERS.agent), on.issue(ISSUES.sup1));
    if (!changed.ok) throw new Error(changed.error.message);
    expect([changed.data.link, changed.data.balance?.status]).toEqual([{ planId: 'acme-gold', billingClass: 'extra' }, 'archived']);
    expect(fixture.simulator.snapshot().issues.find((issue) => issue.id === ISSUES.sup1.id)?.properties).toEqual({
      'support-plan': { planId: 'acme-gold', billingClass: 'extra', linkedBy: 'hand' },
    });
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup2));
    expect(refused.ok ? null : refused.error.code).toBe('VALIDATION_FAILED');
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('clears the link: the issue stops counting against the plan', async () => {
    await linkIssues(fixture, [ISSUES.sup1]);
    const cleared = await fixture.invoker.invoke('issue/clearLink', {}, as(USERS.agent), on.issue(ISSUES.sup1));
    expect(cleared.ok && [cleared.data.link, cleared.data.balance]).toEqual([null, null]);
    expect(fixture.simulator.snapshot().issues.find((issue) => issue.id === ISSUES.sup1.id)?.properties).toEqual({});
  });
});

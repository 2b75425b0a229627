import { as, backendFixture, ISSUES, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

describe('usage resolvers', () => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = backendFixture();
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    for (const issue of [ISSUES.sup1, ISSUES.sup2]) {
      await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(issue));
    }
    await fixture.queue.drain();
  });

  it('answers the ledger\'s full statement of the current period', async () => {
    const statement = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold' }, as(USERS.manager), on.projectPage());
    if (!statement.ok) throw new Error(statement.error.message);
    expect([statement.data.period.label, statement.data.usedCoveredSeconds, statement.data.overageSeconds, statement.data.totalMinor]).toEqual(['2026-10', 37_800, 1800, 106_000]);
    expect(statement.data.charges.map((charge) => [charge.kind, charge.amountMinor])).toEqual([
      ['fixed-fee', 100_000],
      ['overage', 6000],
    ]);
    expect(statement.data.lines.items.map((line) => line.worklogId)).toEqual(['50001', '50002', '50004']);
  });

  it('answers a past period by its label, and refuses a month the plan has no period in', async () => {
    const september = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold', period: '2026-09' }, as(USERS.manager), on.projectPage());
    expect(september.ok && [september.data.usedCoveredSeconds, september.data.remainingSeconds, september.data.totalMinor]).toEqual([10_800, 25_200, 100_000]);
    const august = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold', period: '2026-08' }, as(USERS.manager), on.projectPage());
    expect(august).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The plan "Acme Gold" has no period starting in 2026-08.', fields: [{ path: 'period', message: 'no period of this plan starts in 2026-08' }] },
    });
  });

  it('answers the period history, oldest first, through the current period', async () => {
    const history = await fixture.invoker.invoke('usage/history', { planId: 'acme-gold' }, as(USERS.manager), on.projectPage());
    expect(history.ok && history.data.periods.map((period) => [period.period.label, period.usedCoveredSeconds, period.totalMinor])).toEqual([
      ['2026-09', 10_800, 100_000],
      ['2026-10', 37_800, 106_000],
    ]);
  });

  it('answers the project overview: every plan as a card', async () => {
    const overview = await fixture.invoker.invoke('usage/overview', {}, as(USERS.manager), on.projectPage());
    expect(overview.ok && overview.data.project).toEqual({ id: '10000', key: 'SUP' });
    expect(overview.ok && overview.data.cards.map((card) => [card.planId, card.remainingSeconds, card.overageMinor, card.thresholdState])).toEqual([['acme-gold', 0, 6000, 'exhausted']]);
  });

  it('refuses statements to someone who cannot browse the project', async () => {
    const refused = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold' }, as(USERS.outsider), on.projectPage());
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'You need permission to browse this project to see its support plans.' } });
  });

  describe('the gadget', () => {
    it('says when it is not configured yet', async () => {
      expect(await fixture.invoker.invoke('usage/gadget', {}, as(USERS.manager), on.gadget())).toEqual({ ok: true, data: { configured: false } });
    });

    it('shows the configured plan\'s card, with one Jira call', async () => {
      fixture.jira.resetStats();
      const gadget = await fixture.invoker.invoke('usage/gadget', {}, as(USERS.manager), on.gadget({ projectKey: 'SUP', planId: 'acme-gold' }));
      expect(gadget.ok && gadget.data.configured && [gadget.data.projectKey, gadget.data.card.planId, gadget.data.card.daysLeft]).toEqual(['SUP', 'acme-gold', 12]);
      expect(fixture.jira.forUser(USERS.manager.accountId).stats().calls).toBe(1);
    });

    it('says clearly when its plan was deleted', async () => {
      await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'short-lived', name: 'Short lived' }) }, as(USERS.admin), on.settings());
      const deleted = await fixture.invoker.invoke('plans/delete', { planId: 'short-lived', expectedVersion: 1 }, as(USERS.admin), on.settings());
      expect(deleted.ok).toBe(true);
      const gadget = await fixture.invoker.invoke('usage/gadget', {}, as(USERS.manager), on.gadget({ projectKey: 'SUP', planId: 'short-lived' }));
      expect(gadget).toEqual({
        ok: false,
        error: { code: 'PLAN_NOT_FOUND', message: 'The plan "short-lived" no longer exists in project SUP. Edit the gadget to choose another plan.' },
      });
    });

    it('refuses a configuration it cannot read, naming the field', async () => {
      const gadget = await fixture.invoker.invoke('usage/gadget', {}, as(USERS.manager), on.gadget({ projectKey: 'SUP', planId: 'Not A Slug' }));
      expect(!gadget.ok && [gadget.error.code, gadget.error.fields?.map((field) => field.path)]).toEqual(['VALIDATION_FAILED', ['gadgetConfiguration.planId']]);
    });

    it('shows nothing to someone who cannot browse the configured project', async () => {
      const gadget = await fixture.invoker.invoke('usage/gadget', {}, as(USERS.outsider), on.gadget({ projectKey: 'SUP', planId: 'acme-gold' }));
      expect(gadget).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'You need permission to browse project SUP to see this gadget.' } });
    });
  });
});

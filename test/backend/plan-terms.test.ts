/**
 * Editing a plan after a period was closed: the edit applies from a period on as a new term version and never
 * changes a closed period. On the release before term versions, changing month → quarter made the current quarter
 * return the frozen September month and October's work and a late +2 h disappeared; moving the start to July as
 * well made the closed September vanish from closing/list, and Q3 was recomputed including the invoiced September.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/app/closing/canonical-json';
import { call } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

async function jira(fixture: BackendFixture, method: string, path: string, body?: unknown): Promise<void> {
  const answer = await call(fixture.simulator, USERS.agent, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}`);
  await fixture.simulator.idle();
  await fixture.queue.drain();
}

const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

describe('editing a plan once a period is closed', () => {
  let fixture: BackendFixture;
  const statement = (period: string) => fixture.invoker.invoke('usage/statement', { planId: 'acme-gold', period }, as(USERS.manager), on.projectPage());
  const closingList = () => fixture.invoker.invoke('closing/list', { planId: 'acme-gold' }, as(USERS.manager), on.projectPage());
  const get = () => fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, as(USERS.admin), on.settings());
  const update = async (edits: Partial<ReturnType<typeof planInput>>, effectiveFrom?: string) => {
    const current = await get();
    if (!current.ok) throw new Error(current.error.message);
    const payload = { planId: 'acme-gold', expectedVersion: current.data.plan.version, plan: planInput(edits), ...(effectiveFrom === undefined ? {} : { effectiveFrom }) };
    return fixture.invoker.invoke('plans/update', payload, as(USERS.admin), on.settings());
  };
  let frozenSeptember = '';
  /** October as a month, before the edit: its work must all be in the quarter that replaces it. */
  let octoberLines: readonly string[] = [];

  beforeAll(async () => {
    fixture = backendFixture();
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1));
    await fixture.queue.drain();
    await jira(fixture, 'POST', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog`, { timeSpentSeconds: 9 * 3600, started: '2026-09-10T09:00:00.000+0200' });
    // Closing waits until reconciliation has read past September's end.
    await fixture.reconcile();
    const closed = await fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period: '2026-09' }, as(USERS.admin), on.projectPage());
    if (!closed.ok) throw new Error(closed.error.message);
    const september = await statement('2026-09');
    frozenSeptember = september.ok ? sha256(september.data) : '';
    await jira(fixture, 'POST', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog`, { timeSpentSeconds: 2 * 3600, started: '2026-09-28T09:00:00.000+0200' });
    await jira(fixture, 'POST', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog`, { timeSpentSeconds: 3 * 3600, started: '2026-10-05T09:00:00.000+0200' });
    const october = await statement('2026-10');
    octoberLines = october.ok ? october.data.lines.items.map((line) => `${line.worklogId} ${line.coveredSeconds}`) : [];
  });

  it('applies month → quarter from the current open period: the quarter holds October\'s work and the late +2 h on September', async () => {
    const updated = await update({ period: 'quarter' });
    expect(updated.ok && updated.data.terms.map(({ version, from, madeBy }) => [version, from, madeBy])).toEqual([
      [1, '2026-09', 'acc-admin'],
      [2, '2026-10', 'acc-admin'],
    ]);
    const quarter = await statement('2026-10');
    if (!quarter.ok) throw new Error(quarter.error.message);
    expect([quarter.data.period.startDate, quarter.data.period.endDateExclusive, quarter.data.termsVersion, quarter.data.closedVersion]).toEqual(['2026-10-01', '2027-01-01', 2, null]);
    expect(octoberLines).toContainEqual(expect.stringMatching(/ 10800$/));
    expect(quarter.data.lines.items.map((line) => `${line.worklogId} ${line.coveredSeconds}`)).toEqual(octoberLines);
    expect(quarter.data.lateAdjustments.items.map((adjustment) => [adjustment.periodLabel, adjustment.kind, adjustment.coveredSeconds])).toEqual([['2026-09', 'added', 2 * 3600]]);
    const september = await statement('2026-09');
    expect(september.ok && [september.data.closedVersion, september.data.termsVersion, sha256(september.data)]).toEqual([1, 1, frozenSeptember]);
  });

  it('refuses to move the start to July, naming the closed September; it stays closed and frozen', async () => {
    const before = await fixture.snapshot();
    expect(await update({ period: 'quarter', startDate: '2026-07-01' })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: "2026-09 is closed; reopen it first: the plan's start date applies to every period, closed ones too.",
        fields: [{ path: 'plan.startDate', message: 'cannot change while a period is closed' }],
      },
    });
    expect(await fixture.snapshot()).toEqual(before);
    const periods = await closingList();
    expect(periods.ok && periods.data.periods.map((state) => [state.period.label, state.status])).toEqual([
      ['2026-09', 'closed'],
      ['2026-10', 'open'],
    ]);
    const september = await statement('2026-09');
    expect(september.ok && sha256(september.data)).toBe(frozenSeptember);
  });

  it('refuses a change effective from a closed period with a message that names it and the first open one', async () => {
    expect(await update({ period: 'quarter', overageRateMinor: 20_000 }, '2026-09')).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '2026-09 is closed; reopen it first or make the change effective from 2026-10.',
        fields: [{ path: 'effectiveFrom', message: 'is not after the last closed period' }],
      },
    });
  });

  it('lists each term version with who made it, when and from which period in the plan\'s history', async () => {
    const plan = await get();
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.data.plan.terms.map(({ version, from, madeAt }) => [version, from, madeAt])).toEqual([
      [1, '2026-09', Date.parse('2026-10-20T12:00:00Z')],
      [2, '2026-10', Date.parse('2026-10-20T12:00:00Z')],
    ]);
    expect(plan.data.history.map((entry) => [entry.version, entry.action, entry.effectiveFrom])).toEqual([
      [1, 'created', undefined],
      [2, 'updated', '2026-10'],
    ]);
  });
});

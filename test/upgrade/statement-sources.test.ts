/**
 * An installation whose figures were stored by a release before statement sources (4bfaf92, main when they came):
 * its store is this release's without the sources' records and their chunks (the change is additive: nothing else
 * differs). Its statements answer as before, replayed over the whole plan, until the hourly reconciliation asks for
 * the refresh of the plan that writes the sources; then they come from the period's own data, the same answers.
 */
import { entryChunksPrefix, statementSourcePrefix } from '../../src/app/figures/figures-keys';
import { listAll } from '../../src/app/plans/list-all';
import { internalIdOf, loadPlan } from '../../src/app/plans/plan-repository';
import { periodByLabel } from '../../src/ledger';
import { storedPeriodStatement } from '../../src/app/usage/stored-statement';
import { call, ManualClock } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, NOW, on, planInput, USERS, type BackendFixture } from '../backend/support/backend-fixture';

const PLAN_ID = 'acme-gold';
const PERIODS = ['2026-09', '2026-10'] as const;

async function settle(fixture: BackendFixture): Promise<void> {
  await fixture.simulator.idle();
  await fixture.queue.drain();
}

async function siteWithWork(): Promise<{ readonly fixture: BackendFixture; readonly clock: ManualClock }> {
  const clock = new ManualClock(NOW);
  const fixture = backendFixture({ clock });
  const plan = planInput({ startDate: '2026-09-01', allowance: { includedSeconds: 3 * 3600, fixedFeeMinor: 100_000, rollover: { capSeconds: 2 * 3600, expiresAfterPeriods: 2 } } });
  const created = await fixture.invoker.invoke('plans/create', { plan }, as(USERS.admin), on.settings());
  if (!created.ok) throw new Error(created.error.message);
  await fixture.invoker.invoke('issue/setLink', { planId: PLAN_ID, billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1));
  for (const [day, hours] of [['2026-09-10', 2], ['2026-10-05', 4], ['2026-10-12', 1]] as const) {
    clock.advance(1000);
    await call(fixture.simulator, USERS.agent, 'POST', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog`, { timeSpentSeconds: hours * 3600, started: `${day}T09:00:00.000+0000` });
  }
  await settle(fixture);
  await fixture.reconcile();
  const closed = await fixture.invoker.invoke('closing/close', { planId: PLAN_ID, period: PERIODS[0] }, as(USERS.admin), on.projectPage());
  if (!closed.ok) throw new Error(closed.error.message);
  await settle(fixture);
  await reconcileAnHourLater(fixture, clock);
  return { fixture, clock };
}

/** The hourly reconciliation, and what it asks for run. */
async function reconcileAnHourLater(fixture: BackendFixture, clock: ManualClock): Promise<void> {
  clock.advance(3_600_000);
  await fixture.reconcile();
  await settle(fixture);
}

/** Each period's `usage/statement` answer, without its forecast (which moves with the clock). */
async function answers(fixture: BackendFixture): Promise<unknown[]> {
  return Promise.all(
    PERIODS.map(async (period) => {
      const answer = await fixture.invoker.invoke('usage/statement', { planId: PLAN_ID, period }, as(USERS.manager), on.projectPage());
      if (!answer.ok) throw new Error(answer.error.message);
      const { forecast: _moves, ...rest } = answer.data;
      return rest;
    }),
  );
}

/** Whether each period's statement comes from the period's stored data (else the plan is replayed). */
async function readFromStoredData(fixture: BackendFixture, now: number): Promise<boolean[]> {
  const stored = await loadPlan(fixture.store, PLAN_ID);
  if (stored === undefined) throw new Error('no plan');
  return Promise.all(
    PERIODS.map(async (label) => {
      const period = periodByLabel(stored.plan, label);
      if (period === null) throw new Error(`no ${label}`);
      return (await storedPeriodStatement(fixture.store, stored, period, now, 'current')) !== undefined;
    }),
  );
}

/** Leaves the store as the release before statement sources left it. */
async function asBeforeStatementSources(fixture: BackendFixture): Promise<void> {
  const stored = await loadPlan(fixture.store, PLAN_ID);
  if (stored === undefined) throw new Error('no plan');
  const planId = internalIdOf(stored);
  const added = [...(await listAll(fixture.store, statementSourcePrefix(planId))), ...(await listAll(fixture.store, entryChunksPrefix(planId)))];
  expect(added.length).toBeGreaterThan(0);
  for (const { key } of added) await fixture.store.delete(key);
}

describe('an installation from before statement sources', () => {
  it('answers every statement as before, replayed, until the reconciliation has the sources written, then from them', async () => {
    const { fixture, clock } = await siteWithWork();
    const expected = await answers(fixture);
    // The closed period is read from its frozen statement either way; the open one from its source.
    expect(await readFromStoredData(fixture, clock.now())).toEqual([true, true]);

    await asBeforeStatementSources(fixture);
    expect(await readFromStoredData(fixture, clock.now())).toEqual([true, false]);
    expect(await answers(fixture)).toEqual(expected);

    await reconcileAnHourLater(fixture, clock);
    expect(await readFromStoredData(fixture, clock.now())).toEqual([true, true]);
    expect(await answers(fixture)).toEqual(expected);
  });
});

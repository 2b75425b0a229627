/**
 * A refresh resumes after the closed periods its summary shows settled and unchanged, without
 * reading their frozen statements, and stores exactly what a refresh that reads every frozen
 * statement stores (the one an installation upgraded from a release without summaries makes):
 * through late work in a closed period, a reopen and re-close, and a later close.
 */
import { figuresPrefix } from '../../src/app/figures/figures-keys';
import { refreshNow } from './refresh-now';
import { listAll } from '../../src/app/plans/list-all';
import { internalIdOf, loadPlan } from '../../src/app/plans/plan-repository';
import type { StoreEntry } from '../../src/app/ports/store';
import { call, ManualClock } from '../jira-simulator/site';
import { storeOverriding } from '../support/store-overriding';
import { as, backendFixture, ISSUES, NOW, on, planInput, USERS, type BackendFixture } from '../backend/support/backend-fixture';

const PLAN_ID = 'acme-gold';

interface Site {
  readonly fixture: BackendFixture;
  readonly clock: ManualClock;
  readonly internalId: string;
}

async function startSite(): Promise<Site> {
  const clock = new ManualClock(NOW);
  const fixture = backendFixture({ clock });
  const plan = planInput({
    allowance: { includedSeconds: 3 * 3600, fixedFeeMinor: 100_000, rollover: { capSeconds: 2 * 3600, expiresAfterPeriods: 2 } },
    blocks: [{ id: 'b1', purchasedOn: '2026-10-10', seconds: 4 * 3600, priceMinor: 50_000 }],
  });
  const created = await fixture.invoker.invoke('plans/create', { plan }, as(USERS.admin), on.settings());
  if (!created.ok) throw new Error(created.error.message);
  await fixture.invoker.invoke('issue/setLink', { planId: PLAN_ID, billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1));
  await settle({ fixture, clock, internalId: '' });
  const stored = await loadPlan(fixture.store, PLAN_ID);
  if (stored === undefined) throw new Error('no plan');
  return { fixture, clock, internalId: internalIdOf(stored) };
}

async function settle(site: Site): Promise<void> {
  await site.fixture.simulator.idle();
  await site.fixture.queue.drain();
}

async function logWork(site: Site, startedAt: string, hours: number): Promise<string> {
  site.clock.advance(1000);
  const answer = await call(site.fixture.simulator, USERS.agent, 'POST', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog`, { timeSpentSeconds: hours * 3600, started: `${startedAt}T09:00:00.000+0000` });
  await settle(site);
  const { body } = answer;
  if (typeof body !== 'object' || body === null || !('id' in body) || typeof body.id !== 'string') throw new Error('no worklog id');
  return body.id;
}

/** Changes a worklog's time; its event is handled, the refresh it asks for waits in the queue. */
async function editWork(site: Site, worklogId: string, hours: number): Promise<void> {
  site.clock.advance(1000);
  await call(site.fixture.simulator, USERS.agent, 'PUT', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog/${worklogId}`, { timeSpentSeconds: hours * 3600 });
  await site.fixture.simulator.idle();
}

/** Time passes to `date` with the hourly reconciliation, so every ended period can be closed. */
async function passTo(site: Site, date: string): Promise<void> {
  site.clock.advance(Date.parse(`${date}T12:00:00Z`) - site.clock.now());
  await site.fixture.simulator.idle();
  await site.fixture.reconcile();
}

async function closing(site: Site, action: 'closing/close' | 'closing/reopen', period: string): Promise<void> {
  const request = action === 'closing/close' ? { planId: PLAN_ID, period } : { planId: PLAN_ID, period, reason: 'Corrections' };
  const answer = await site.fixture.invoker.invoke(action, request, as(USERS.admin), on.projectPage());
  if (!answer.ok) throw new Error(`${action} ${period}: ${answer.error.message}`);
  await settle(site);
}

/** A refresh run now, and the closed periods whose frozen statements it read. */
async function refreshReadingFrozen(site: Site): Promise<string[]> {
  const read = new Set<string>();
  const store = site.fixture.store;
  const get = (key: string) => {
    const version = /^closing-version:[^:]+:([0-9-]+):/.exec(key);
    if (version?.[1] !== undefined) read.add(version[1]);
    return store.get(key);
  };
  const counting = storeOverriding(store, { get });
  await refreshNow({ store: counting, clock: site.clock }, site.internalId);
  return [...read].sort();
}

const figures = (site: Site): Promise<StoreEntry[]> => listAll(site.fixture.store, figuresPrefix(site.internalId));

/** What a refresh with summaries stored, against what one stores after they are dropped (as before this release). */
async function expectSameAsWithoutSummaries(site: Site): Promise<void> {
  await refreshNow({ store: site.fixture.store, clock: site.clock }, site.internalId);
  const withSummaries = await figures(site);
  const summaryKeys = withSummaries.map((entry) => entry.key).filter((key) => /:(closed|c:.*)$/.test(key));
  expect(summaryKeys.length).toBeGreaterThan(0);
  for (const key of summaryKeys) await site.fixture.store.delete(key);
  await refreshNow({ store: site.fixture.store, clock: site.clock }, site.internalId);
  expect(await figures(site)).toEqual(withSummaries);
}

describe('refreshes over closed periods', () => {
  it('read only the frozen statements of closed periods with late changes or closed since, and store what reading them all stores', async () => {
    const site = await startSite();
    await logWork(site, '2026-09-10', 2);
    await logWork(site, '2026-10-05', 4);
    await logWork(site, '2026-10-20', 3);
    await passTo(site, '2026-11-15');
    await logWork(site, '2026-11-12', 5);
    await passTo(site, '2027-01-12');
    await logWork(site, '2026-12-03', 1);
    await passTo(site, '2027-01-14');
    for (const period of ['2026-09', '2026-10', '2026-11', '2026-12']) await closing(site, 'closing/close', period);

    // Settled: nothing closed is read again.
    expect(await refreshReadingFrozen(site)).toEqual([]);
    await expectSameAsWithoutSummaries(site);
    expect(await refreshReadingFrozen(site)).toEqual([]);

    // Late work in October: October on is replayed (its balances carry into November and December), September is not.
    await logWork(site, '2026-10-25', 2);
    expect(await refreshReadingFrozen(site)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(await refreshReadingFrozen(site)).toEqual(['2026-10', '2026-11', '2026-12']);
    await expectSameAsWithoutSummaries(site);

    // December reopened and closed again: version 2 books October's late work, and October is settled from then on.
    await closing(site, 'closing/reopen', '2026-12');
    await expectSameAsWithoutSummaries(site);
    await closing(site, 'closing/close', '2026-12');
    await expectSameAsWithoutSummaries(site);
    expect(await refreshReadingFrozen(site)).toEqual([]);

    // January closed: the refresh its close asked for read it (the third test counts that read), so the next reads nothing.
    await logWork(site, '2027-01-08', 2);
    await passTo(site, '2027-02-12');
    await closing(site, 'closing/close', '2027-01');
    expect(await refreshReadingFrozen(site)).toEqual([]);
    await expectSameAsWithoutSummaries(site);
  });

  it('replay a settled period again when a period closed since booked a change that was undone', async () => {
    const site = await startSite();
    const october = await logWork(site, '2026-10-05', 4);
    await passTo(site, '2026-12-12');
    await closing(site, 'closing/close', '2026-09');
    await closing(site, 'closing/close', '2026-10');
    expect(await refreshReadingFrozen(site)).toEqual([]);

    // October's work grows by an hour, November is closed with that late hour booked, then the hour is taken back.
    await editWork(site, october, 5);
    const closed = await site.fixture.invoker.invoke('closing/close', { planId: PLAN_ID, period: '2026-11' }, as(USERS.admin), on.projectPage());
    expect(closed.ok).toBe(true);
    await editWork(site, october, 4);
    expect(await refreshReadingFrozen(site)).toEqual(['2026-10', '2026-11']);
    await expectSameAsWithoutSummaries(site);
  });

  it('read a period closed since the last refresh, and nothing closed before it', async () => {
    const site = await startSite();
    await logWork(site, '2026-09-10', 2);
    await passTo(site, '2026-11-12');
    await closing(site, 'closing/close', '2026-09');
    await closing(site, 'closing/close', '2026-10');
    await site.fixture.store.delete(`${figuresPrefix(site.internalId)}closed`);
    expect(await refreshReadingFrozen(site)).toEqual(['2026-09', '2026-10']);

    await passTo(site, '2026-12-12');
    const closed = await site.fixture.invoker.invoke('closing/close', { planId: PLAN_ID, period: '2026-11' }, as(USERS.admin), on.projectPage());
    expect(closed.ok).toBe(true);
    expect(await refreshReadingFrozen(site)).toEqual(['2026-11']);
    expect(await refreshReadingFrozen(site)).toEqual([]);
    await expectSameAsWithoutSummaries(site);
  });
});

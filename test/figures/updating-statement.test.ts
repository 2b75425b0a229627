/**
 * While a plan's figures refresh is asked for and not run (the common state of a busy large plan), a period's
 * statement is the last refreshed one, read from the period's own stored data and marked `updating` with that
 * refresh's instant (decision 0064); once the refresh has run it is unmarked and equals a full replay. Terms edited
 * since, no source, and closing replay the plan instead (decision 0065).
 */
import { closePeriod } from '../../src/app/closing/close-period';
import { figuresHeadKey, statementSourceKey } from '../../src/app/figures/figures-keys';
import { figuresHeadOf } from '../../src/app/figures/figures-records';
import { toJsonValue } from '../../src/app/plans/to-json-value';
import { internalIdOf, loadPlan } from '../../src/app/plans/plan-repository';
import { replayedStatement } from '../../src/app/usage/plan-statements';
import { statementSummary, type StatementSummary } from '../../src/app/usage/statement-pages';
import { closedVersionKey } from '../../src/app/closing/closing-keys';
import { periodByLabel } from '../../src/ledger';
import { call, ManualClock } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, NOW, on, planInput, USERS, type BackendFixture } from '../backend/support/backend-fixture';

const PLAN_ID = 'acme-gold';
const SEPTEMBER = '2026-09';
const OCTOBER = '2026-10';
const HOUR = 3600;

interface Site {
  readonly fixture: BackendFixture;
  readonly clock: ManualClock;
}

async function logWork(site: Site, day: string, hours: number): Promise<void> {
  site.clock.advance(1000);
  await call(site.fixture.simulator, USERS.agent, 'POST', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog`, { timeSpentSeconds: hours * HOUR, started: `${day}T09:00:00.000+0000` });
}

/** A plan with work in September and October, its figures current. */
async function siteWithWork(): Promise<Site> {
  const clock = new ManualClock(NOW);
  const fixture = backendFixture({ clock });
  const plan = planInput({ startDate: '2026-09-01', allowance: { includedSeconds: 100 * HOUR, fixedFeeMinor: 100_000 } });
  const created = await fixture.invoker.invoke('plans/create', { plan }, as(USERS.admin), on.settings());
  if (!created.ok) throw new Error(created.error.message);
  await fixture.invoker.invoke('issue/setLink', { planId: PLAN_ID, billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1));
  const site = { fixture, clock };
  for (const [day, hours] of [['2026-09-10', 2], ['2026-10-05', 4], ['2026-10-12', 1]] as const) await logWork(site, day, hours);
  await fixture.simulator.idle();
  await fixture.queue.drain();
  await fixture.reconcile();
  await fixture.queue.drain();
  return site;
}

/** Work logged and its event handled, the refresh it asks for not run yet. */
async function logWorkNotRefreshed(site: Site, day: string, hours: number): Promise<void> {
  await logWork(site, day, hours);
  await site.fixture.simulator.idle();
  expect((await head(site)).request).not.toBeNull();
}

async function head(site: Site) {
  const stored = await loadPlan(site.fixture.store, PLAN_ID);
  if (stored === undefined) throw new Error('no plan');
  return figuresHeadOf(await site.fixture.store.get(figuresHeadKey(internalIdOf(stored))));
}

async function summary(site: Site, period: string) {
  const answer = await site.fixture.invoker.invoke('usage/statement', { planId: PLAN_ID, period }, as(USERS.manager), on.projectPage());
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

/** The period's statement replayed over the plan's whole aggregate and closed periods, as of now, as `usage/statement` answers it. */
async function replayed(site: Site, label: string): Promise<StatementSummary> {
  const stored = await loadPlan(site.fixture.store, PLAN_ID);
  const period = stored && periodByLabel(stored.plan, label);
  if (stored === undefined || !period) throw new Error(`no ${label}`);
  return statementSummary(await replayedStatement({ store: site.fixture.store }, stored, period, site.clock.now()));
}

/** A statement's figures without what moves with the clock or says how it was read. */
function content(statement: StatementSummary) {
  const { forecast: _forecast, updating: _updating, revision: _revision, ...rest } = statement;
  return rest;
}

describe("a period's statement while the plan's figures are updating", () => {
  it('is the last refreshed one, marked with its instant, at the cost of a current read; then the replay, unmarked', async () => {
    const site = await siteWithWork();
    const refreshedAt = (await head(site)).refreshed?.refreshedAt;
    site.fixture.runtime.resetKvsUsage();
    const current = await summary(site, OCTOBER);
    const currentReads = site.fixture.runtime.kvsUsage();
    expect(current.updating).toBeNull();
    const before = current.usedCoveredSeconds;

    await logWorkNotRefreshed(site, '2026-10-15', 2);
    site.fixture.runtime.resetKvsUsage();
    const marked = await summary(site, OCTOBER);
    // The same values read as with the figures current: no replay of the plan's aggregate.
    expect(site.fixture.runtime.kvsUsage()).toEqual(currentReads);
    expect(marked.updating).toEqual({ asOf: refreshedAt });
    expect(content(marked)).toEqual(content(current));
    expect(marked.revision).toBe(current.revision);
    // The work since is in the aggregate, not in the marked statement.
    expect((await replayed(site, OCTOBER)).usedCoveredSeconds).toBe(before + 2 * HOUR);
    const page = await site.fixture.invoker.invoke('usage/statementPage', { planId: PLAN_ID, period: OCTOBER, list: 'lines' }, as(USERS.manager), on.projectPage());
    if (!page.ok) throw new Error(page.error.message);
    expect([page.data.updating, page.data.revision, page.data.page.total]).toEqual([{ asOf: refreshedAt }, current.revision, current.lines.total]);

    await site.fixture.queue.drain();
    const refreshed = await summary(site, OCTOBER);
    expect(refreshed.updating).toBeNull();
    expect(refreshed.usedCoveredSeconds).toBe(before + 2 * HOUR);
    expect(content(refreshed)).toEqual(content(await replayed(site, OCTOBER)));
  });

  it('is marked while the plan is recomputed from Jira', async () => {
    const site = await siteWithWork();
    const stored = await loadPlan(site.fixture.store, PLAN_ID);
    if (stored === undefined) throw new Error('no plan');
    await site.fixture.store.update(figuresHeadKey(internalIdOf(stored)), (current) => toJsonValue({ ...figuresHeadOf(current), rebuilding: true }));
    const answer = await summary(site, OCTOBER);
    expect(answer.updating).toEqual({ asOf: (await head(site)).refreshed?.refreshedAt });
    expect(content(answer)).toEqual(content(await replayed(site, OCTOBER)));
  });

  it('is replayed, unmarked, when the terms were edited since the refresh or the period has no source', async () => {
    const site = await siteWithWork();
    const before = (await summary(site, OCTOBER)).usedCoveredSeconds;
    await logWorkNotRefreshed(site, '2026-10-15', 2);
    const stored = await loadPlan(site.fixture.store, PLAN_ID);
    if (stored === undefined) throw new Error('no plan');
    await site.fixture.store.delete(statementSourceKey(internalIdOf(stored), OCTOBER));
    const withoutSource = await summary(site, OCTOBER);
    expect([withoutSource.updating, withoutSource.usedCoveredSeconds]).toEqual([null, before + 2 * HOUR]);

    await site.fixture.queue.drain();
    await logWorkNotRefreshed(site, '2026-10-16', 1);
    const plan = planInput({ startDate: '2026-09-01', allowance: { includedSeconds: 6 * HOUR, fixedFeeMinor: 100_000 } });
    expect(before).toBeGreaterThan(6 * HOUR);
    const edited = await site.fixture.invoker.invoke('plans/update', { planId: PLAN_ID, plan, expectedVersion: stored.version }, as(USERS.admin), on.settings());
    if (!edited.ok) throw new Error(edited.error.message);
    const answer = await summary(site, OCTOBER);
    expect(answer.updating).toBeNull();
    // Priced by the terms as edited, over every worklog recorded.
    expect(answer.includedSeconds).toBe(6 * HOUR);
    expect(answer.overageSeconds).toBeGreaterThan(0);
    expect(content(answer)).toEqual(content(await replayed(site, OCTOBER)));
  });

  it('is never what closing freezes: a close while the refresh is pending freezes the replay of everything recorded', async () => {
    const site = await siteWithWork();
    // Late work in September, its refresh not run: September's stored source lacks it.
    await logWorkNotRefreshed(site, '2026-09-20', 3);
    expect((await summary(site, SEPTEMBER)).updating).not.toBeNull();
    const stored = await loadPlan(site.fixture.store, PLAN_ID);
    if (stored === undefined) throw new Error('no plan');
    const expected = await replayed(site, SEPTEMBER);
    expect(expected.usedCoveredSeconds).toBe((await summary(site, SEPTEMBER)).usedCoveredSeconds + 3 * HOUR);
    const ports = { store: site.fixture.store, clock: site.clock, queue: site.fixture.queue, newId: () => 'close-1' };
    const context = { actor: { accountId: USERS.admin.accountId }, project: { id: stored.projectId, key: 'SUP' } };
    const closed = await closePeriod(ports, context, { planId: PLAN_ID, period: SEPTEMBER });
    if (!closed.ok) throw new Error(JSON.stringify(closed));
    expect(await site.fixture.store.get(closedVersionKey(internalIdOf(stored), SEPTEMBER, 1))).toBeDefined();
    const frozen = await summary(site, SEPTEMBER);
    expect([frozen.updating, frozen.closedVersion]).toEqual([null, 1]);
    expect(content({ ...frozen, closedVersion: null })).toEqual(content(expected));
  });
});

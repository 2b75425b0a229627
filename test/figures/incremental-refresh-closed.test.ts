/**
 * The refresh after worklog events over closed periods: an issue whose usage before the reporting period adds up to
 * nothing (its closed work deleted since, booked as a late adjustment) keeps that usage when its work in the
 * reporting period comes and goes, as the full refresh keeps it (decision 0067).
 */
import { earlierWorkKey } from '../../src/app/figures/figures-keys';
import { earlierWorkSchema } from '../../src/app/figures/figures-records';
import { runFiguresRefresh } from '../../src/app/figures/run-figures-refresh';
import { internalIdOf, loadPlan } from '../../src/app/plans/plan-repository';
import { call, ManualClock } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, NOW, on, planInput, USERS, type BackendFixture } from '../backend/support/backend-fixture';
import { expectFullRefreshFindsStored } from './refresh-now';

const PLAN_ID = 'acme-gold';

async function worklog(fixture: BackendFixture, clock: ManualClock, method: string, path: string, body?: unknown): Promise<unknown> {
  clock.advance(1000);
  const answer = await call(fixture.simulator, USERS.agent, method, `/rest/api/3/issue/${ISSUES.sup3.id}/worklog${path}`, body);
  await fixture.simulator.idle();
  return answer.body;
}

const idOf = (body: unknown): string => {
  if (typeof body !== 'object' || body === null || !('id' in body) || typeof body.id !== 'string') throw new Error('no worklog id');
  return body.id;
};

describe('a refresh after worklog events over closed periods', () => {
  it('keeps an issue whose usage before the reporting period adds up to nothing, as the full refresh does', async () => {
    const clock = new ManualClock(NOW);
    const fixture = backendFixture({ clock });
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput({}) }, as(USERS.admin), on.settings());
    if (!created.ok) throw new Error(created.error.message);
    await fixture.invoker.invoke('issue/setLink', { planId: PLAN_ID, billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup3));
    const september = idOf(await worklog(fixture, clock, 'POST', '', { timeSpentSeconds: 3600, started: '2026-09-10T09:00:00.000+0000' }));
    await fixture.queue.drain();
    await fixture.reconcile();
    const closed = await fixture.invoker.invoke('closing/close', { planId: PLAN_ID, period: '2026-09' }, as(USERS.admin), on.projectPage());
    if (!closed.ok) throw new Error(closed.error.message);
    // SUP-3 has no other work. Deleted after the close: October books it back; through October the issue's usage adds up to nothing.
    await worklog(fixture, clock, 'DELETE', `/${september}`);
    await fixture.queue.drain();
    clock.advance(Date.parse('2026-11-05T12:00:00Z') - clock.now());
    await fixture.reconcile();
    const stored = await loadPlan(fixture.store, PLAN_ID);
    if (stored === undefined) throw new Error('no plan');
    const planId = internalIdOf(stored);
    const deps = { jira: fixture.jira.app, store: fixture.store, queue: fixture.queue, clock };
    expect(earlierWorkSchema.parse(await fixture.store.get(earlierWorkKey(planId)))).toMatchObject({ reportingLabel: '2026-11', zeroBefore: [ISSUES.sup3.id] });

    const november = idOf(await worklog(fixture, clock, 'POST', '', { timeSpentSeconds: 1800, started: '2026-11-02T09:00:00.000+0000' }));
    expect(await runFiguresRefresh(deps, { kind: 'refresh-figures', planId })).toMatchObject({ read: { scope: 'issues' } });
    await expectFullRefreshFindsStored(deps, planId);
    // Its November work gone again, the issue keeps its usage through November: nothing, but there.
    await worklog(fixture, clock, 'DELETE', `/${november}`);
    expect(await runFiguresRefresh(deps, { kind: 'refresh-figures', planId })).toMatchObject({ read: { scope: 'issues' } });
    await expectFullRefreshFindsStored(deps, planId);
  });
});

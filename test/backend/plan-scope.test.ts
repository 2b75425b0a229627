/**
 * Every resolver that takes a plan id answers another project's plan exactly as it answers an
 * id no plan has: same code, same message, same fields (the id aside), no name, and no write.
 */
import type { ResolverName, ResultOf } from '../../src/contract';
import { as, backendFixture, ISSUES, on, OTHER_PROJECT, planInput, USERS, type BackendFixture } from './support/backend-fixture';

const FOREIGN = 'other-plan';
const UNKNOWN = 'ghost-plan';
const FOREIGN_NAME = 'Confidential Customer';

type Call = (fixture: BackendFixture, planId: string) => Promise<ResultOf<ResolverName>>;

const admin = as(USERS.admin);

const calls: Readonly<Record<string, Call>> = {
  'plans/get': (f, planId) => f.invoker.invoke('plans/get', { planId }, admin, on.settings()),
  'plans/update': (f, planId) => f.invoker.invoke('plans/update', { planId, expectedVersion: 1, plan: planInput({ id: planId }) }, admin, on.settings()),
  'plans/archive': (f, planId) => f.invoker.invoke('plans/archive', { planId, expectedVersion: 1 }, admin, on.settings()),
  'plans/delete': (f, planId) => f.invoker.invoke('plans/delete', { planId, expectedVersion: 1 }, admin, on.settings()),
  'settings/update': (f, planId) => f.invoker.invoke('settings/update', { defaultPlanId: planId, expectedVersion: 0 }, admin, on.settings()),
  'issue/setLink': (f, planId) => f.invoker.invoke('issue/setLink', { planId, billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1)),
  'usage/statement': (f, planId) => f.invoker.invoke('usage/statement', { planId }, admin, on.projectPage()),
  'usage/history': (f, planId) => f.invoker.invoke('usage/history', { planId }, admin, on.projectPage()),
  'usage/gadget': (f, planId) => f.invoker.invoke('usage/gadget', {}, admin, on.gadget({ projectKey: 'SUP', planId })),
  'bulk/link': (f, planId) => f.invoker.invoke('bulk/link', { jql: 'key = SUP-1', planId, billingClass: 'covered', countToken: 'not-counted' }, admin, on.settings()),
  'closing/list': (f, planId) => f.invoker.invoke('closing/list', { planId }, admin, on.projectPage()),
  'closing/close': (f, planId) => f.invoker.invoke('closing/close', { planId, period: '2026-09' }, admin, on.projectPage()),
  'closing/reopen': (f, planId) => f.invoker.invoke('closing/reopen', { planId, period: '2026-09', reason: 'check' }, admin, on.projectPage()),
  'closing/version': (f, planId) => f.invoker.invoke('closing/version', { planId, period: '2026-09', version: 1 }, admin, on.projectPage()),
};

describe('a plan id from a payload', () => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = backendFixture();
    const own = await fixture.invoker.invoke('plans/create', { plan: planInput() }, admin, on.settings());
    const foreign = await fixture.invoker.invoke('plans/create', { plan: planInput({ id: FOREIGN, name: FOREIGN_NAME }) }, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect([own.ok, foreign.ok]).toEqual([true, true]);
    await fixture.reconcile();
    const closed = await fixture.invoker.invoke('closing/close', { planId: FOREIGN, period: '2026-09' }, as(USERS.outsider), on.projectPage(OTHER_PROJECT));
    expect(closed.ok).toBe(true);
    await fixture.queue.drain();
  });

  it.each(Object.keys(calls))('%s answers another project\'s plan like a plan that does not exist, and writes nothing', async (name) => {
    const call = calls[name];
    if (call === undefined) throw new Error(name);
    const before = await fixture.snapshot();
    const foreign = await call(fixture, FOREIGN);
    const unknown = await call(fixture, UNKNOWN);
    await fixture.queue.drain();
    expect(await fixture.snapshot()).toEqual(before);
    expect(!foreign.ok && foreign.error.code).toBe('PLAN_NOT_FOUND');
    expect(JSON.stringify(foreign).replaceAll(FOREIGN, UNKNOWN)).toBe(JSON.stringify(unknown));
    expect(JSON.stringify(foreign)).not.toContain(FOREIGN_NAME);
  });
});

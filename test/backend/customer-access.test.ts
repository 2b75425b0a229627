import { expect } from '@jest/globals';
import { NO_CUSTOMER_ACCESS, type CustomerAccess } from '../../src/contract';
import { as, backendFixture, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

const ORGANISATIONS: CustomerAccess = { audience: 'organizations', accountIds: [], showAmounts: true, showAgentNames: false };

async function createAcmeGold(fixture: BackendFixture) {
  const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
  if (!created.ok) throw new Error(created.error.message);
  return created.data;
}

const setAccess = (fixture: BackendFixture, expectedVersion: number, customerAccess: unknown, who = USERS.admin) =>
  fixture.invoker.invokeWithAnyPayload('plans/setCustomerAccess', { planId: 'acme-gold', expectedVersion, customerAccess }, as(who), on.settings());

describe('a plan’s customer access', () => {
  let fixture: BackendFixture;
  beforeEach(() => {
    fixture = backendFixture();
  });

  it('is absent on a new plan: nobody sees it, without amounts or names', async () => {
    const stored = await createAcmeGold(fixture);
    expect(stored.customerAccess).toBeUndefined();
    expect(NO_CUSTOMER_ACCESS).toEqual({ audience: 'nobody', accountIds: [], showAmounts: false, showAgentNames: false });
  });

  it('is set by a project admin as a new plan revision whose history names each changed setting, terms untouched', async () => {
    const created = await createAcmeGold(fixture);
    const set = await setAccess(fixture, 1, ORGANISATIONS);
    expect(set.ok && [set.data.version, set.data.customerAccess, set.data.terms]).toEqual([2, ORGANISATIONS, created.terms]);
    const got = await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, as(USERS.manager), on.projectPage());
    expect(got.ok && got.data.plan.customerAccess).toEqual(ORGANISATIONS);
    expect(got.ok && got.data.history.at(-1)).toEqual(
      expect.objectContaining({
        version: 2,
        action: 'updated',
        by: USERS.admin.accountId,
        changes: [
          { path: 'customerAccess.audience', before: 'nobody', after: 'organizations' },
          { path: 'customerAccess.showAmounts', before: false, after: true },
        ],
      }),
    );
    expect(got.ok && got.data.history.at(-1)?.effectiveFrom).toBeUndefined();
  });

  it('writes nothing when the access asked for is the one the plan has', async () => {
    await createAcmeGold(fixture);
    const before = await fixture.snapshot();
    const same = await setAccess(fixture, 1, NO_CUSTOMER_ACCESS);
    expect(same.ok && same.data.version).toBe(1);
    expect(await fixture.snapshot()).toStrictEqual(before);
  });

  it('refuses a stale version, an archived plan, and anyone who may not edit the plan', async () => {
    await createAcmeGold(fixture);
    expect(await setAccess(fixture, 2, ORGANISATIONS)).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'STALE_VERSION' }) }));
    expect(await setAccess(fixture, 1, ORGANISATIONS, USERS.agent)).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    await fixture.invoker.invoke('plans/archive', { planId: 'acme-gold', expectedVersion: 1 }, as(USERS.admin), on.settings());
    expect(await setAccess(fixture, 2, ORGANISATIONS)).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) }));
  });

  it.each([
    ['named customers without a name', { audience: 'named-customers', accountIds: [], showAmounts: false, showAgentNames: false }, 'customerAccess.accountIds'],
    ['names with another audience', { audience: 'organizations', accountIds: ['customer-1'], showAmounts: false, showAgentNames: false }, 'customerAccess.accountIds'],
    ['a customer named twice', { audience: 'named-customers', accountIds: ['customer-1', 'customer-1'], showAmounts: false, showAgentNames: false }, 'customerAccess.accountIds'],
    ['a missing toggle', { audience: 'nobody', accountIds: [], showAmounts: false }, 'customerAccess.showAgentNames'],
    ['an audience it does not know', { audience: 'everyone', accountIds: [], showAmounts: false, showAgentNames: false }, 'customerAccess.audience'],
  ])('refuses %s', async (_what, customerAccess, path) => {
    await createAcmeGold(fixture);
    const refused = await setAccess(fixture, 1, customerAccess);
    expect(refused.ok ? [] : (refused.error.fields ?? []).map((field) => field.path)).toContain(path);
  });
});

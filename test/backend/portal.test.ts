/**
 * The customer portal's resolvers on a service desk: what a customer sees of a request's plan and of the plans shared
 * with them, from the stored figures, with Jira asked as the customer whether they may view the request.
 */
import { expect } from '@jest/globals';
import type { CustomerAccess } from '../../src/contract';
import { call } from '../jira-simulator/site';
import { as, backendFixture, CUSTOMERS, ISSUES, on, ORGANIZATIONS, planInput, USERS, type BackendFixture } from './support/backend-fixture';

const GLOBEX_PLAN = { id: 'globex-silver', name: 'Globex Silver' } as const;
const hidden: CustomerAccess = { audience: 'nobody', accountIds: [], showAmounts: false, showAgentNames: false };
const namedAcme: CustomerAccess = { ...hidden, audience: 'named-customers', accountIds: [CUSTOMERS.acme.accountId] };

async function ok<T>(outcome: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await outcome;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

/** Acme Gold (10 h a month) holds SUP-1 (3.5 h in October), Globex Silver holds SUP-2 (7 h in October). */
async function serviceDeskSite(): Promise<BackendFixture> {
  const fixture = backendFixture({ serviceDesk: true, sharedRequests: true });
  for (const plan of [planInput(), planInput(GLOBEX_PLAN)]) await ok(fixture.invoker.invoke('plans/create', { plan }, as(USERS.admin), on.settings()));
  await ok(fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1)));
  await ok(fixture.invoker.invoke('issue/setLink', { planId: GLOBEX_PLAN.id, billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup2)));
  await fixture.queue.drain();
  return fixture;
}

async function share(fixture: BackendFixture, planId: string, customerAccess: CustomerAccess): Promise<void> {
  const { plan } = await ok(fixture.invoker.invoke('plans/get', { planId }, as(USERS.admin), on.settings()));
  await ok(fixture.invoker.invoke('plans/setCustomerAccess', { planId, expectedVersion: plan.version, customerAccess }, as(USERS.admin), on.settings()));
  await fixture.queue.drain();
}

describe('the customer portal', () => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = await serviceDeskSite();
  });

  it('shows a request\'s plan to nobody until the admin shares it', async () => {
    expect(await fixture.invoker.invoke('portal/request', {}, as(CUSTOMERS.acme), on.portalRequest(ISSUES.sup1))).toEqual({ ok: true, data: { balance: null } });
    expect(await fixture.invoker.invoke('portal/plans', {}, as(CUSTOMERS.acme), on.helpCenter())).toEqual({ ok: true, data: { plans: [] } });
  });

  it('shows a named customer the request\'s plan in hours, the request\'s own hours and the period\'s end, without money or names', async () => {
    await share(fixture, 'acme-gold', namedAcme);
    const { balance } = await ok(fixture.invoker.invoke('portal/request', {}, as(CUSTOMERS.acme), on.portalRequest(ISSUES.sup1)));
    expect(balance).toEqual(
      expect.objectContaining({
        planName: 'Acme Gold',
        availableSeconds: 10 * 3600,
        usedCoveredSeconds: 3.5 * 3600,
        remainingSeconds: 6.5 * 3600,
        requestSeconds: 3.5 * 3600,
        amounts: null,
        workedBy: null,
      }),
    );
    expect(balance?.period).toEqual(expect.objectContaining({ label: '2026-10', endDateExclusive: '2026-11-01' }));
    expect(balance).not.toHaveProperty('planId');
  });

  it('counts a request\'s hours once when its plan runs over: the overage is part of the request\'s work, not added to it', async () => {
    const small = backendFixture({ serviceDesk: true, sharedRequests: true });
    const plan = planInput({ id: 'acme-small', name: 'Acme Small', allowance: { includedSeconds: 3 * 3600, fixedFeeMinor: 100_000 } });
    await ok(small.invoker.invoke('plans/create', { plan }, as(USERS.admin), on.settings()));
    await ok(small.invoker.invoke('issue/setLink', { planId: plan.id, billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1)));
    await small.queue.drain();
    await share(small, plan.id, namedAcme);
    const { balance } = await ok(small.invoker.invoke('portal/request', {}, as(CUSTOMERS.acme), on.portalRequest(ISSUES.sup1)));
    // SUP-1 has 3.5 h in October against 3 h included: half an hour of it is overage.
    expect([balance?.requestSeconds, balance?.remainingSeconds, balance?.usedCoveredSeconds]).toEqual([3.5 * 3600, 0, 3.5 * 3600]);
  });

  it('adds money and the names of who worked on the request only when the admin allows them', async () => {
    await share(fixture, 'acme-gold', { ...namedAcme, showAmounts: true, showAgentNames: true });
    const { balance } = await ok(fixture.invoker.invoke('portal/request', {}, as(CUSTOMERS.acme), on.portalRequest(ISSUES.sup1)));
    expect([balance?.amounts, balance?.workedBy]).toEqual([{ currency: 'EUR', overageMinor: 0, totalMinor: 100_000 }, [USERS.agent.displayName]]);
  });

  it('lists on the Help Center only the plans shared with the signed-in customer', async () => {
    await share(fixture, 'acme-gold', namedAcme);
    await share(fixture, GLOBEX_PLAN.id, { ...hidden, audience: 'named-customers', accountIds: [CUSTOMERS.globex.accountId] });
    const names = async (who: (typeof CUSTOMERS)[keyof typeof CUSTOMERS]) =>
      (await ok(fixture.invoker.invoke('portal/plans', {}, as(who), on.helpCenter()))).plans.map((plan) => [plan.planName, plan.remainingSeconds]);
    expect(await names(CUSTOMERS.acme)).toEqual([['Acme Gold', 6.5 * 3600]]);
    expect(await names(CUSTOMERS.globex)).toEqual([['Globex Silver', 3 * 3600]]);
    expect(await names(CUSTOMERS.none)).toEqual([]);
  });

  it('shows a plan shown to its organisations to their members as Jira lists them now: a customer added later sees it at once', async () => {
    const { plan } = await ok(fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, as(USERS.admin), on.settings()));
    await ok(fixture.invoker.invoke('plans/setOrganizations', { planId: 'acme-gold', expectedVersion: plan.version, organizationIds: [ORGANIZATIONS.acme] }, as(USERS.admin), on.settings()));
    await share(fixture, 'acme-gold', { ...hidden, audience: 'organizations' });
    const plansOf = async (who: (typeof CUSTOMERS)[keyof typeof CUSTOMERS]) =>
      (await ok(fixture.invoker.invoke('portal/plans', {}, as(who), on.helpCenter()))).plans.map((shown) => shown.planName);
    expect([await plansOf(CUSTOMERS.acme), await plansOf(CUSTOMERS.globex)]).toEqual([['Acme Gold'], []]);
    const added = await call(fixture.simulator, USERS.admin, 'POST', `/rest/servicedeskapi/organization/${ORGANIZATIONS.acme}/user`, { accountIds: [CUSTOMERS.globex.accountId] });
    expect(added.status).toBe(204);
    expect(await plansOf(CUSTOMERS.globex)).toEqual(['Acme Gold']);
  });

  it('answers a request the customer cannot view exactly like one that does not exist', async () => {
    await share(fixture, 'acme-gold', { ...namedAcme, accountIds: [CUSTOMERS.acme.accountId, CUSTOMERS.globex.accountId] });
    const notTheirs = await fixture.invoker.invoke('portal/request', {}, as(CUSTOMERS.globex), on.portalRequest(ISSUES.sup1));
    const missing = await fixture.invoker.invoke('portal/request', {}, as(CUSTOMERS.globex), on.portalRequest({ ...ISSUES.sup1, key: 'SUP-999' }));
    expect(notTheirs).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'This request does not exist or you are not allowed to see it.' } });
    expect(missing).toEqual(notTheirs);
  });

  it('shows nothing of a request linked as non-billable work, even to a customer who sees its plan', async () => {
    await share(fixture, 'acme-gold', namedAcme);
    await ok(fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'non-billable' }, as(USERS.agent), on.issue(ISSUES.sup1)));
    await fixture.queue.drain();
    expect(await fixture.invoker.invoke('portal/request', {}, as(CUSTOMERS.acme), on.portalRequest(ISSUES.sup1))).toEqual({ ok: true, data: { balance: null } });
  });

  it('refuses an anonymous visitor and a payload that names a request, writing nothing', async () => {
    await share(fixture, 'acme-gold', namedAcme);
    const before = await fixture.snapshot();
    const anonymous = { locale: 'en-GB' };
    expect(await fixture.invoker.invoke('portal/plans', {}, anonymous, on.helpCenter())).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(await fixture.invoker.invoke('portal/request', {}, anonymous, on.portalRequest(ISSUES.sup1))).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    const forged = await fixture.invoker.invokeWithAnyPayload('portal/request', { requestKey: ISSUES.sup2.key }, as(CUSTOMERS.acme), on.portalRequest(ISSUES.sup1));
    expect(forged).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) }));
    expect(await fixture.snapshot()).toStrictEqual(before);
  });

  it('asks Jira once as the customer (may they view the request) and once as the app (the request\'s issue); the figures come from storage', async () => {
    await share(fixture, 'acme-gold', namedAcme);
    fixture.jira.resetStats();
    await ok(fixture.invoker.invoke('portal/request', {}, as(CUSTOMERS.acme), on.portalRequest(ISSUES.sup1)));
    expect(fixture.jira.forUser(CUSTOMERS.acme.accountId).stats().calls).toBe(1);
    expect(fixture.jira.app.stats().calls).toBe(1);
  });
});

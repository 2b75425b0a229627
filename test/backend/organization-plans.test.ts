/**
 * Plans that follow JSM organisations: naming them on a plan (validated), new requests linked by precedence (by hand →
 * the organisation's plan → the project's default plan), and requests following their organisations when they
 * change, whatever the number and order of the events.
 */
import { expect } from '@jest/globals';
import type { SimUser } from '../../src/jira-simulator/model';
import { call } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, on, ORGANIZATIONS, OTHER_PROJECT, planInput, USERS, type BackendFixture } from './support/backend-fixture';

const ORGANIZATIONS_FIELD = 'customfield_10002';

async function jira(fixture: BackendFixture, who: SimUser, method: string, path: string, body?: unknown) {
  const answer = await call(fixture.simulator, who, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function settle(fixture: BackendFixture): Promise<void> {
  await fixture.simulator.idle();
  await fixture.queue.drain();
  await fixture.simulator.idle();
}

async function createPlan(fixture: BackendFixture, id: string, name: string, organizationIds: readonly string[] = []): Promise<void> {
  const created = await fixture.invoker.invoke('plans/create', { plan: planInput({ id, name }) }, as(USERS.admin), on.settings());
  if (!created.ok) throw new Error(created.error.message);
  if (organizationIds.length === 0) return;
  const named = await fixture.invoker.invoke('plans/setOrganizations', { planId: id, expectedVersion: created.data.version, organizationIds: [...organizationIds] }, as(USERS.admin), on.settings());
  if (!named.ok) throw new Error(named.error.message);
}

async function setDefaultPlan(fixture: BackendFixture, planId: string): Promise<void> {
  const updated = await fixture.invoker.invoke('settings/update', { defaultPlanId: planId, expectedVersion: 0 }, as(USERS.admin), on.settings());
  if (!updated.ok) throw new Error(updated.error.message);
}

/** The issue's `support-plan` property as Jira holds it. */
function propertyOf(fixture: BackendFixture, issueId: string): unknown {
  return fixture.simulator.snapshot().issues.find((issue) => issue.id === issueId)?.properties['support-plan'];
}

async function newRequest(fixture: BackendFixture, organizationIds: readonly number[] | null): Promise<string> {
  const fields = { project: { key: 'SUP' }, summary: 'Printer on fire', issuetype: { name: 'Support' }, ...(organizationIds === null ? {} : { [ORGANIZATIONS_FIELD]: organizationIds }) };
  const created = (await jira(fixture, USERS.agent, 'POST', '/rest/api/3/issue', { fields })) as { id: string };
  await settle(fixture);
  return created.id;
}

function setOrganizationsOf(fixture: BackendFixture, issueId: string, organizationIds: readonly number[] | null) {
  return jira(fixture, USERS.agent, 'PUT', `/rest/api/3/issue/${issueId}`, { fields: { [ORGANIZATIONS_FIELD]: organizationIds } });
}

async function panel(fixture: BackendFixture, issue: { id: string; key: string; projectId: string }) {
  const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.agent), on.issue({ ...issue, summary: '', issueTypeId: '10001', created: 0, updated: 0, properties: {} }));
  if (!view.ok) throw new Error(view.error.message);
  return view.data;
}

describe("a plan's organisations", () => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = backendFixture({ serviceDesk: true });
    await createPlan(fixture, 'acme-gold', 'Acme Gold', [ORGANIZATIONS.acme]);
    await createPlan(fixture, 'globex-silver', 'Globex Silver');
  });

  it('offers the service desk\'s organisations to choose from, and keeps the ones chosen as a new revision', async () => {
    const choices = await fixture.invoker.invoke('plans/organizationChoices', {}, as(USERS.manager), on.settings());
    expect(choices).toEqual({
      ok: true,
      data: {
        organizations: [
          { id: ORGANIZATIONS.acme, name: 'Acme Corp', jql: 'project = 10000 AND Organizations = "Acme Corp"' },
          { id: ORGANIZATIONS.globex, name: 'Globex', jql: 'project = 10000 AND Organizations = "Globex"' },
          { id: ORGANIZATIONS.initech, name: 'Initech', jql: 'project = 10000 AND Organizations = "Initech"' },
        ],
        truncated: false,
      },
    });
    const named = await fixture.invoker.invoke('plans/setOrganizations', { planId: 'globex-silver', expectedVersion: 1, organizationIds: [ORGANIZATIONS.globex, ORGANIZATIONS.initech] }, as(USERS.admin), on.settings());
    expect(named.ok && [named.data.version, named.data.organizationIds]).toEqual([2, [ORGANIZATIONS.globex, ORGANIZATIONS.initech]]);
    const history = await fixture.invoker.invoke('plans/get', { planId: 'globex-silver' }, as(USERS.admin), on.settings());
    expect(history.ok && history.data.history.at(-1)?.changes).toEqual([{ path: 'organizationIds', before: [], after: [ORGANIZATIONS.globex, ORGANIZATIONS.initech] }]);
  });

  it("links an organisation's existing requests in bulk with the JQL its choice offers, as links set by hand", async () => {
    await setOrganizationsOf(fixture, ISSUES.sup2.id, [Number(ORGANIZATIONS.globex)]);
    await setOrganizationsOf(fixture, ISSUES.sup3.id, [Number(ORGANIZATIONS.globex), Number(ORGANIZATIONS.initech)]);
    await settle(fixture);
    const choices = await fixture.invoker.invoke('plans/organizationChoices', {}, as(USERS.admin), on.settings());
    const jql = choices.ok ? choices.data.organizations?.find((choice) => choice.id === ORGANIZATIONS.globex)?.jql : undefined;
    if (jql === undefined) throw new Error('no JQL for Globex');
    const counted = await fixture.invoker.invoke('bulk/preview', { jql }, as(USERS.admin), on.settings());
    if (!counted.ok) throw new Error(counted.error.message);
    const started = await fixture.invoker.invoke('bulk/link', { jql, planId: 'globex-silver', countToken: counted.data.countToken }, as(USERS.admin), on.settings());
    expect(started.ok).toBe(true);
    await settle(fixture);
    expect([ISSUES.sup1, ISSUES.sup2, ISSUES.sup3].map((issue) => propertyOf(fixture, issue.id))).toEqual([
      undefined,
      { planId: 'globex-silver', billingClass: 'covered', linkedBy: 'hand' },
      { planId: 'globex-silver', billingClass: 'covered', linkedBy: 'hand' },
    ]);
  });

  it('refuses an organisation another plan of the project names, and changes nothing', async () => {
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('plans/setOrganizations', { planId: 'globex-silver', expectedVersion: 1, organizationIds: [ORGANIZATIONS.globex, ORGANIZATIONS.acme] }, as(USERS.admin), on.settings());
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The organisation "Acme Corp" already belongs to the plan "Acme Gold". An organisation\'s requests can follow only one plan of a project: remove it there first.',
        fields: [{ path: 'organizationIds.1', message: 'already belongs to the plan "Acme Gold"' }],
      },
    });
    expect(await fixture.snapshot()).toEqual(before);
  });

  it.each([
    ['an organisation not added to the service desk', [ORGANIZATIONS.elsewhere], 'organizationIds.0'],
    ['an organisation that does not exist', ['999'], 'organizationIds.0'],
  ])('refuses %s', async (_, organizationIds, path) => {
    const refused = await fixture.invoker.invoke('plans/setOrganizations', { planId: 'globex-silver', expectedVersion: 1, organizationIds }, as(USERS.admin), on.settings());
    expect(!refused.ok && [refused.error.code, refused.error.fields?.[0]?.path]).toEqual(['VALIDATION_FAILED', path]);
  });

  it.each([
    ['an id that is not a number', ['acme']],
    ['the same organisation twice', [ORGANIZATIONS.globex, ORGANIZATIONS.globex]],
  ])('refuses %s before asking Jira', async (_, organizationIds) => {
    const refused = await fixture.invoker.invoke('plans/setOrganizations', { planId: 'globex-silver', expectedVersion: 1, organizationIds }, as(USERS.admin), on.settings());
    expect(!refused.ok && refused.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses organisations for a project without a service desk, and a project reader', async () => {
    const other = await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'other-plan', name: 'Other' }) }, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(other.ok).toBe(true);
    const refused = await fixture.invoker.invoke('plans/setOrganizations', { planId: 'other-plan', expectedVersion: 1, organizationIds: [ORGANIZATIONS.acme] }, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(!refused.ok && refused.error.message).toBe('Project OTH is not a Jira Service Management service project: its plans can\'t name organisations.');
    const choices = await fixture.invoker.invoke('plans/organizationChoices', {}, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(choices).toEqual({ ok: true, data: { organizations: null, truncated: false } });
    const reader = await fixture.invoker.invoke('plans/setOrganizations', { planId: 'globex-silver', expectedVersion: 1, organizationIds: [] }, as(USERS.manager), on.settings());
    expect(!reader.ok && reader.error.code).toBe('FORBIDDEN');
  });
});

describe('new requests, by precedence', () => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = backendFixture({ serviceDesk: true });
    await createPlan(fixture, 'acme-gold', 'Acme Gold', [ORGANIZATIONS.acme]);
    await createPlan(fixture, 'globex-silver', 'Globex Silver', [ORGANIZATIONS.globex]);
    await createPlan(fixture, 'house', 'House');
    await setDefaultPlan(fixture, 'house');
  });

  it("links a request to its organisation's plan, recorded as set by organisation", async () => {
    const issueId = await newRequest(fixture, [Number(ORGANIZATIONS.globex)]);
    expect(propertyOf(fixture, issueId)).toEqual({ planId: 'globex-silver', billingClass: 'covered', linkedBy: 'organization' });
  });

  it("falls back to the project's default plan without an organisation's plan", async () => {
    expect(propertyOf(fixture, await newRequest(fixture, null))).toEqual({ planId: 'house', billingClass: 'covered', linkedBy: 'project-default' });
    expect(propertyOf(fixture, await newRequest(fixture, [Number(ORGANIZATIONS.initech)]))).toEqual({ planId: 'house', billingClass: 'covered', linkedBy: 'project-default' });
  });

  it('takes the plan of the lowest organisation id when a request names organisations of two plans', async () => {
    const issueId = await newRequest(fixture, [Number(ORGANIZATIONS.globex), Number(ORGANIZATIONS.acme)]);
    expect(propertyOf(fixture, issueId)).toEqual({ planId: 'acme-gold', billingClass: 'covered', linkedBy: 'organization' });
  });

  it('links nothing twice when the created event comes twice', async () => {
    fixture.simulator.faults.events.duplicate = { probability: 1 };
    const issueId = await newRequest(fixture, [Number(ORGANIZATIONS.acme)]);
    expect(propertyOf(fixture, issueId)).toEqual({ planId: 'acme-gold', billingClass: 'covered', linkedBy: 'organization' });
    expect(fixture.simulator.stats.events.duplicated).toBeGreaterThan(0);
  });
});

describe('requests follow their organisations', () => {
  let fixture: BackendFixture;
  const sup1 = { id: ISSUES.sup1.id, key: ISSUES.sup1.key, projectId: ISSUES.sup1.projectId };
  beforeEach(async () => {
    fixture = backendFixture({ serviceDesk: true });
    await createPlan(fixture, 'acme-gold', 'Acme Gold', [ORGANIZATIONS.acme]);
    await createPlan(fixture, 'globex-silver', 'Globex Silver', [ORGANIZATIONS.globex]);
    await settle(fixture);
  });

  it('moves the link and the work to the new organisation\'s plan, and both balances follow', async () => {
    await setOrganizationsOf(fixture, sup1.id, [Number(ORGANIZATIONS.acme)]);
    await settle(fixture);
    const onAcme = await panel(fixture, sup1);
    expect([onAcme.link?.planId, onAcme.balance?.usedCoveredSeconds]).toEqual(['acme-gold', 12_600]);

    await setOrganizationsOf(fixture, sup1.id, [Number(ORGANIZATIONS.globex)]);
    await settle(fixture);
    const onGlobex = await panel(fixture, sup1);
    expect([onGlobex.link?.planId, onGlobex.balance?.usedCoveredSeconds]).toEqual(['globex-silver', 12_600]);
    expect(propertyOf(fixture, sup1.id)).toEqual({ planId: 'globex-silver', billingClass: 'covered', linkedBy: 'organization' });
    const acmeStatement = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold' }, as(USERS.admin), on.projectPage());
    expect(JSON.stringify(acmeStatement)).not.toContain(sup1.key);
  });

  it('keeps a plan chosen on the issue by hand', async () => {
    const chosen = await fixture.invoker.invoke('issue/setLink', { planId: 'globex-silver', billingClass: 'extra' }, as(USERS.agent), on.issue(ISSUES.sup1));
    expect(chosen.ok).toBe(true);
    await settle(fixture);
    await setOrganizationsOf(fixture, sup1.id, [Number(ORGANIZATIONS.acme)]);
    await settle(fixture);
    expect(propertyOf(fixture, sup1.id)).toEqual({ planId: 'globex-silver', billingClass: 'extra', linkedBy: 'hand' });
  });

  it('keeps a link written before links recorded how they were set (it counts as by hand)', async () => {
    await jira(fixture, USERS.agent, 'PUT', `/rest/api/3/issue/${sup1.id}/properties/support-plan`, { planId: 'globex-silver', billingClass: 'covered' });
    await setOrganizationsOf(fixture, sup1.id, [Number(ORGANIZATIONS.acme)]);
    await settle(fixture);
    expect(propertyOf(fixture, sup1.id)).toEqual({ planId: 'globex-silver', billingClass: 'covered' });
  });

  it('loses nothing when the events come twice and out of order: the request ends on the plan of its organisations now', async () => {
    fixture.simulator.faults.events.duplicate = { probability: 1 };
    fixture.simulator.faults.events.reorder = true;
    await setOrganizationsOf(fixture, sup1.id, [Number(ORGANIZATIONS.acme)]);
    await setOrganizationsOf(fixture, sup1.id, [Number(ORGANIZATIONS.globex)]);
    await settle(fixture);
    const view = await panel(fixture, sup1);
    expect([view.link?.planId, view.balance?.usedCoveredSeconds]).toEqual(['globex-silver', 12_600]);
  });

  it('unlinks a request whose organisations are gone when the project has no default plan', async () => {
    await setOrganizationsOf(fixture, sup1.id, [Number(ORGANIZATIONS.acme)]);
    await settle(fixture);
    await setOrganizationsOf(fixture, sup1.id, null);
    await settle(fixture);
    expect(propertyOf(fixture, sup1.id)).toBeUndefined();
    expect((await panel(fixture, sup1)).link).toBeNull();
  });

  it('ignores an edit that does not touch the Organizations field', async () => {
    const before = fixture.jira.app.stats().calls;
    await jira(fixture, USERS.agent, 'PUT', `/rest/api/3/issue/${sup1.id}`, { fields: { summary: 'Renamed' } });
    await settle(fixture);
    expect(fixture.jira.app.stats().calls).toBe(before);
  });
});

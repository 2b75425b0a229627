import { expect } from '@jest/globals';
import * as z from 'zod';
import type { ProductEvent } from '../../src/jira-simulator/events';
import { ORGANIZATIONS_FIELD_ID } from '../../src/jira-simulator/model';
import { simulatorStateSchema } from '../../src/jira-simulator/state-schema';
import { ACME, CUSTOMERS, DESK, GLOBEX, ORGANIZATIONS, REQUESTS, serviceDeskState } from './service-desk-site';
import { customerRequestModel, errorResponseModel, organizationModel, pageModel, serviceDeskModel, userModel } from './service-desk-models';
import { AGENT, APP, call, newSimulator, OUTSIDER, VIEWER, type Caller } from './site';
import { errorBody, searchPage } from './responses';

/** Jira Service Management's `/rest/servicedeskapi/` in the simulator: paging, caps, errors, who sees what. */

const organizationPage = pageModel(organizationModel);
const API = '/rest/servicedeskapi';

function site() {
  const { simulator, clock } = newSimulator(serviceDeskState());
  const events: ProductEvent[] = [];
  simulator.onEvent((event) => {
    events.push(event);
  });
  const get = (caller: Caller, path: string) => call(simulator, caller, 'GET', path);
  return { simulator, clock, events, get };
}

const ids = (body: unknown) => organizationPage.parse(body).values.map((organization) => organization.id);
const expectServiceDeskError = (body: unknown) => expect(errorResponseModel.safeParse(body).success).toBe(true);

describe('servicedeskapi paging', () => {
  it('pages organisations 50 at most, with size, isLastPage and links to the neighbours', async () => {
    const { get } = site();
    const first = organizationPage.parse((await get(AGENT, `${API}/organization?limit=500`)).body);
    expect([first.start, first.limit, first.size, first.isLastPage]).toEqual([0, 50, 50, false]);
    expect(first._links.prev).toBeUndefined();
    const next = first._links.next ?? '';
    expect(new URL(next).searchParams.get('start')).toBe('50');
    const second = organizationPage.parse((await get(AGENT, new URL(next).pathname + new URL(next).search)).body);
    expect([second.start, second.size, second.isLastPage]).toEqual([50, ORGANIZATIONS.length - 50, true]);
    expect(second._links.next).toBeUndefined();
    expect(second._links.prev).toBeDefined();
    expect([...first.values, ...second.values].map((organization) => organization.id)).toEqual(ORGANIZATIONS.map((organization) => organization.id));
  });

  it('defaults to 50 from the start and honours a smaller limit', async () => {
    const { get } = site();
    expect(organizationPage.parse((await get(AGENT, `${API}/organization`)).body).limit).toBe(50);
    const small = organizationPage.parse((await get(AGENT, `${API}/organization?start=1&limit=2`)).body);
    expect(small.values.map((organization) => organization.name)).toEqual(['Globex', 'Filler 0']);
    expect([small.size, small.isLastPage]).toEqual([2, false]);
  });

  it.each([['start=-1'], ['limit=0'], ['start=abc']])('refuses %s with JSM\'s error body', async (query) => {
    const { get } = site();
    const answer = await get(AGENT, `${API}/organization?${query}`);
    expect(answer.status).toBe(400);
    expectServiceDeskError(answer.body);
  });

  it('rate-limits these routes like the others (429 with Retry-After)', async () => {
    const { simulator, get } = site();
    simulator.faults.quota = { points: 2, windowMs: 60_000 };
    await get(AGENT, `${API}/organization`);
    await get(AGENT, `${API}/organization`);
    const limited = await get(AGENT, `${API}/organization`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 401 to a caller it does not know', async () => {
    const { get } = site();
    expect((await get({ email: 'nobody@example.com', apiToken: 'x' }, `${API}/servicedesk`)).status).toBe(401);
  });
});

describe('service desks', () => {
  it('lists the service desks an agent works in, and those a customer reaches', async () => {
    const { get } = site();
    const desks = pageModel(serviceDeskModel);
    expect(desks.parse((await get(AGENT, `${API}/servicedesk`)).body).values).toEqual([
      expect.objectContaining({ id: DESK.id, projectId: DESK.projectId, projectKey: 'SUP' }),
    ]);
    expect(desks.parse((await get(CUSTOMERS.acme, `${API}/servicedesk`)).body).values.map((desk) => desk.id)).toEqual([DESK.id]);
    expect(desks.parse((await get(CUSTOMERS.none, `${API}/servicedesk`)).body).values.map((desk) => desk.id)).toEqual([DESK.id]);
    expect(desks.parse((await get(OUTSIDER, `${API}/servicedesk`)).body).values).toEqual([]);
  });

  it('lists the organisations added to a service desk for its agents only', async () => {
    const { get } = site();
    const onDesk = ORGANIZATIONS.filter((organization) => organization.serviceDeskIds.includes(DESK.id)).map((organization) => organization.id);
    expect(ids((await get(AGENT, `${API}/servicedesk/${DESK.id}/organization?limit=50`)).body)).toEqual(onDesk.slice(0, 50));
    const customer = await get(CUSTOMERS.acme, `${API}/servicedesk/${DESK.id}/organization`);
    expect(customer.status).toBe(403);
    expectServiceDeskError(customer.body);
    expect((await get(OUTSIDER, `${API}/servicedesk/${DESK.id}/organization`)).status).toBe(404);
    expect((await get(AGENT, `${API}/servicedesk/999/organization`)).status).toBe(404);
  });

  it('lists a service desk\'s request types for its agents only', async () => {
    const { get } = site();
    const page = pageModel(z.looseObject({ id: z.string(), name: z.string(), serviceDeskId: z.string() })).parse((await get(AGENT, `${API}/servicedesk/${DESK.id}/requesttype`)).body);
    expect(page.values.map(({ id, name, serviceDeskId }) => [id, name, serviceDeskId])).toEqual([
      ['1', 'Get IT help', DESK.id],
      ['2', 'Report an incident', DESK.id],
    ]);
    expect((await get(CUSTOMERS.acme, `${API}/servicedesk/${DESK.id}/requesttype`)).status).toBe(403);
    expect((await get(OUTSIDER, `${API}/servicedesk/${DESK.id}/requesttype`)).status).toBe(404);
  });
});

describe('organisations', () => {
  it('filters by member for a licensed caller, and refuses the filter to a customer', async () => {
    const { get } = site();
    expect(ids((await get(APP, `${API}/organization?accountId=${CUSTOMERS.both.accountId}`)).body)).toEqual([ACME, GLOBEX]);
    expect(ids((await get(APP, `${API}/organization?accountId=${CUSTOMERS.none.accountId}`)).body)).toEqual([]);
    const refused = await get(CUSTOMERS.acme, `${API}/organization?accountId=${CUSTOMERS.globex.accountId}`);
    expect(refused.status).toBe(403);
    expectServiceDeskError(refused.body);
  });

  it('shows a customer only their own organisations', async () => {
    const { get } = site();
    expect(ids((await get(CUSTOMERS.acme, `${API}/organization`)).body)).toEqual([ACME]);
    expect(organizationModel.parse((await get(CUSTOMERS.acme, `${API}/organization/${ACME}`)).body).name).toBe('Acme Corp');
    const other = await get(CUSTOMERS.acme, `${API}/organization/${GLOBEX}`);
    const absent = await get(CUSTOMERS.acme, `${API}/organization/424242`);
    expect([other.status, absent.status]).toEqual([404, 404]);
    expectServiceDeskError(other.body);
  });

  it('lists members to agents and refuses customers', async () => {
    const { get } = site();
    const members = pageModel(userModel).parse((await get(AGENT, `${API}/organization/${ACME}/user`)).body);
    expect(members.values.map((member) => member.accountId)).toEqual([CUSTOMERS.acme.accountId, CUSTOMERS.both.accountId]);
    expect((await get(CUSTOMERS.acme, `${API}/organization/${ACME}/user`)).status).toBe(403);
    expect((await get(AGENT, `${API}/organization/424242/user`)).status).toBe(404);
  });

  it('adds customers to an organisation (once each), for agents only', async () => {
    const { simulator, get } = site();
    const add = (caller: Caller, organizationId: string, accountIds: readonly string[]) =>
      call(simulator, caller, 'POST', `${API}/organization/${organizationId}/user`, { accountIds });
    expect((await get(CUSTOMERS.none, `${API}/request/${REQUESTS.globex.key}`)).status).toBe(404);
    expect((await add(AGENT, GLOBEX, [CUSTOMERS.none.accountId, CUSTOMERS.globex.accountId])).status).toBe(204);
    expect((await get(CUSTOMERS.none, `${API}/request/${REQUESTS.globex.key}`)).status).toBe(200);
    const members = pageModel(userModel).parse((await get(AGENT, `${API}/organization/${GLOBEX}/user`)).body).values;
    expect(members.map((member) => member.accountId)).toEqual([CUSTOMERS.globex.accountId, CUSTOMERS.both.accountId, CUSTOMERS.none.accountId]);
    expect((await add(CUSTOMERS.acme, ACME, [CUSTOMERS.none.accountId])).status).toBe(403);
    expect((await add(AGENT, ACME, ['acc-nobody'])).status).toBe(400);
    expect((await add(AGENT, '424242', [CUSTOMERS.none.accountId])).status).toBe(404);
  });
});

describe('requests as customers see them', () => {
  it.each([
    ['a member of an organisation it is shared with', CUSTOMERS.acme, REQUESTS.acme],
    ['a member of two organisations', CUSTOMERS.both, REQUESTS.globex],
    ['its reporter', CUSTOMERS.none, REQUESTS.raisedByNone],
    ['a participant', CUSTOMERS.globex, REQUESTS.withParticipant],
    ['an agent of its service desk', AGENT, REQUESTS.raisedByNone],
  ])('shows a request to %s', async (_, caller, request) => {
    const { get } = site();
    const answer = await get(caller, `${API}/request/${request.key}`);
    expect(answer.status).toBe(200);
    const parsed = customerRequestModel.parse(answer.body);
    expect([parsed.issueId, parsed.issueKey, parsed.serviceDeskId]).toEqual([request.id, request.key, DESK.id]);
  });

  it('answers 404, the same as for a request that does not exist, to a customer who may not see it', async () => {
    const { get } = site();
    const hidden = await get(CUSTOMERS.acme, `${API}/request/${REQUESTS.globex.key}`);
    const missing = await get(CUSTOMERS.acme, `${API}/request/SUP-999`);
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(errorResponseModel.parse(hidden.body).errorMessage).toBe(errorResponseModel.parse(missing.body).errorMessage);
    expect((await get(CUSTOMERS.globex, `${API}/request/${REQUESTS.raisedByNone.id}`)).status).toBe(404);
  });

  it('knows no request outside a service project, even for those who may browse the issue', async () => {
    const { get } = site();
    expect((await get(APP, `${API}/request/${REQUESTS.internal.key}`)).status).toBe(404);
  });

  it('keeps customers out of the platform API, which needs project permissions', async () => {
    const { get } = site();
    expect((await get(CUSTOMERS.acme, `/rest/api/3/issue/${REQUESTS.acme.key}`)).status).toBe(404);
  });
});

describe('the Organizations field', () => {
  const organizationsOf = async (simulator: ReturnType<typeof site>['simulator'], key: string) => {
    const answer = await call(simulator, APP, 'GET', `/rest/api/3/issue/${key}?fields=${ORGANIZATIONS_FIELD_ID}`);
    const fields = (answer.body as { fields: Record<string, { id: string }[] | null> }).fields;
    return fields[ORGANIZATIONS_FIELD_ID]?.map((organization) => organization.id) ?? null;
  };

  it('is edited through PUT issue, which emits avi:jira:updated:issue with a changelog', async () => {
    const { simulator, events } = site();
    const edit = await call(simulator, AGENT, 'PUT', `/rest/api/3/issue/${REQUESTS.acme.key}`, { fields: { [ORGANIZATIONS_FIELD_ID]: [2, 1] } });
    expect(edit.status).toBe(204);
    expect(await organizationsOf(simulator, REQUESTS.acme.key)).toEqual([GLOBEX, ACME]);
    await simulator.idle();
    expect(events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:updated:issue',
        atlassianId: AGENT.accountId,
        issue: expect.objectContaining({ id: REQUESTS.acme.id, key: REQUESTS.acme.key }),
        changelog: {
          id: expect.any(String),
          items: [{ field: 'Organizations', fieldId: ORGANIZATIONS_FIELD_ID, fieldtype: 'custom', from: ACME, fromString: 'Acme Corp', to: `${GLOBEX}, ${ACME}`, toString: 'Globex, Acme Corp' }],
        },
      }),
    ]);
  });

  it('emits nothing when nothing changed, and empties the field with null', async () => {
    const { simulator, events } = site();
    await call(simulator, AGENT, 'PUT', `/rest/api/3/issue/${REQUESTS.acme.key}`, { fields: { [ORGANIZATIONS_FIELD_ID]: [1] } });
    await simulator.idle();
    expect(events).toEqual([]);
    await call(simulator, AGENT, 'PUT', `/rest/api/3/issue/${REQUESTS.acme.key}`, { fields: { [ORGANIZATIONS_FIELD_ID]: null } });
    expect(await organizationsOf(simulator, REQUESTS.acme.key)).toBeNull();
  });

  it.each([
    ['an organisation not added to the service desk', REQUESTS.acme.key, { [ORGANIZATIONS_FIELD_ID]: [100] }, AGENT, 400, ORGANIZATIONS_FIELD_ID],
    ['an organisation that does not exist', REQUESTS.acme.key, { [ORGANIZATIONS_FIELD_ID]: [424242] }, AGENT, 400, ORGANIZATIONS_FIELD_ID],
    ['an issue outside a service project', REQUESTS.internal.key, { [ORGANIZATIONS_FIELD_ID]: [1] }, APP, 400, ORGANIZATIONS_FIELD_ID],
    ['a field it does not know', REQUESTS.acme.key, { colour: 'red' }, AGENT, 400, 'colour'],
  ])('refuses %s (400, per field)', async (_, key, fields, caller, status, field) => {
    const { simulator } = site();
    const answer = await call(simulator, caller, 'PUT', `/rest/api/3/issue/${key}`, { fields });
    expect(answer.status).toBe(status);
    expect(Object.keys(errorBody.parse(answer.body).errors)).toEqual([field]);
  });

  it('needs Edit issues (403)', async () => {
    const { simulator } = site();
    expect((await call(simulator, VIEWER, 'PUT', `/rest/api/3/issue/${REQUESTS.acme.key}`, { fields: { [ORGANIZATIONS_FIELD_ID]: [2] } })).status).toBe(403);
  });

  it('can be given when a request is created; the creator is its reporter', async () => {
    const { simulator, get } = site();
    const created = await call(simulator, AGENT, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'SUP' }, summary: 'New', issuetype: { name: 'Support' }, [ORGANIZATIONS_FIELD_ID]: [2] },
    });
    const { key } = created.body as { key: string };
    expect(await organizationsOf(simulator, key)).toEqual([GLOBEX]);
    expect(customerRequestModel.parse((await get(CUSTOMERS.globex, `${API}/request/${key}`)).body).reporter?.accountId).toBe(AGENT.accountId);
  });

  it('is searchable by organisation id or name', async () => {
    const { simulator } = site();
    const keys = async (jql: string) => {
      const answer = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'] });
      return searchPage.parse(answer.body).issues.map((issue) => issue.key);
    };
    expect(await keys('organizations = 1')).toEqual([REQUESTS.acme.key]);
    expect(await keys('"Organizations" in ("Acme Corp", Globex) ORDER BY key')).toEqual([REQUESTS.acme.key, REQUESTS.globex.key]);
    expect(await keys(`cf[10002] = ${GLOBEX}`)).toEqual([REQUESTS.globex.key]);
    expect(await keys('project = SUP AND organizations is EMPTY ORDER BY key')).toEqual([REQUESTS.raisedByNone.key, REQUESTS.withParticipant.key]);
    const unknown = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'organizations = Nowhere' });
    expect(unknown.status).toBe(400);
  });
});

describe('saved state', () => {
  it('reads a state saved before the simulator knew JSM, with no service desks and no organisations', async () => {
    const { serviceDesks, organizations, ...older } = serviceDeskState();
    expect([serviceDesks?.length, organizations?.length]).toEqual([1, ORGANIZATIONS.length]);
    const { simulator } = newSimulator(simulatorStateSchema.parse(older));
    expect(organizationPage.parse((await call(simulator, AGENT, 'GET', `${API}/organization`)).body).values).toEqual([]);
    expect(simulator.snapshot()).toMatchObject({ serviceDesks: [], organizations: [] });
  });
});

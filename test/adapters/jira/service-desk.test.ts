/**
 * The port's Jira Service Management calls (organisations, service desks, requests as customers see them) over HTTP
 * and over `@forge/api` through the local Forge runtime, answered by the simulator.
 */
import { expect } from '@jest/globals';
import { ForgeTransport } from '../../../src/adapters/jira/forge-transport';
import { JiraAdapter } from '../../../src/adapters/jira/jira-adapter';
import { APP_ACCOUNT } from '../../../src/jira-simulator/model';
import { InvocationTransport } from '../../../src/local/forge-runtime/invocation-transport';
import { LocalForgeRuntime } from '../../../src/local/forge-runtime/local-forge-runtime';
import { ACME, CUSTOMERS, DESK, GLOBEX, ORGANIZATIONS, REQUESTS, serviceDeskState } from '../../jira-simulator/service-desk-site';
import { AGENT, APP, newSimulator, OUTSIDER, SUP } from '../../jira-simulator/site';
import { SimulatedJira } from './support/simulated-jira';

describe('the port over HTTP', () => {
  let jira: SimulatedJira;
  beforeAll(async () => {
    jira = await SimulatedJira.start(serviceDeskState());
  });
  afterAll(() => jira.close());

  const app = () => jira.connect({}, APP).adapter;

  it("reads a request's organisations from its Organizations field", async () => {
    expect(await app().organizationsOfIssue(REQUESTS.acme.id)).toEqual([ACME]);
    expect(await app().organizationsOfIssue(REQUESTS.raisedByNone.key)).toEqual([]);
    expect(await app().organizationsOfIssue(REQUESTS.internal.id)).toEqual([]);
    expect(await app().organizationsOfIssue('99999')).toBeNull();
  });

  it("lists a customer's organisations, for the app", async () => {
    expect(await app().organizationsOfCustomer(CUSTOMERS.both.accountId)).toEqual([
      { id: ACME, name: 'Acme Corp' },
      { id: GLOBEX, name: 'Globex' },
    ]);
    expect(await app().organizationsOfCustomer(CUSTOMERS.none.accountId)).toEqual([]);
  });

  it("lists every organisation of a project's service desk, paging past 50, and null for a project without one", async () => {
    const { adapter, transport } = jira.connect({}, APP);
    const onDesk = ORGANIZATIONS.filter((organization) => organization.serviceDeskIds.includes(DESK.id));
    expect(onDesk.length).toBeGreaterThan(50);
    const listed = await adapter.projectOrganizations(SUP.id);
    expect(listed?.map((organization) => organization.id)).toEqual(onDesk.map((organization) => organization.id));
    expect(transport.calls()).toEqual([
      'GET /rest/servicedeskapi/servicedesk',
      'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization',
      'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization',
    ]);
    expect(await adapter.projectOrganizations('10001')).toBeNull();
  });

  it("pages a customer's organisations when they belong to more than 50", async () => {
    const { adapter, transport } = jira.connect({}, APP);
    jira.simulator.load({
      ...serviceDeskState(),
      organizations: ORGANIZATIONS.map((organization) => ({ ...organization, memberAccountIds: [CUSTOMERS.none.accountId] })),
    });
    expect(await adapter.organizationsOfCustomer(CUSTOMERS.none.accountId)).toHaveLength(ORGANIZATIONS.length);
    expect(transport.calls()).toEqual(['GET /rest/servicedeskapi/organization', 'GET /rest/servicedeskapi/organization']);
    jira.simulator.load(serviceDeskState());
  });

  it('asks Jira, as the customer, whether they may view a request', async () => {
    const as = (customer: { email: string; apiToken: string }) => jira.connect({}, customer).adapter;
    expect(await as(CUSTOMERS.acme).customerCanViewRequest(REQUESTS.acme.key)).toBe(true);
    expect(await as(CUSTOMERS.acme).customerCanViewRequest(REQUESTS.globex.key)).toBe(false);
    expect(await as(CUSTOMERS.acme).customerCanViewRequest('SUP-999')).toBe(false);
    expect(await as(CUSTOMERS.globex).customerCanViewRequest(REQUESTS.withParticipant.id)).toBe(true);
  });

  it("surfaces JSM's error message when Jira refuses", async () => {
    const customer = jira.connect({}, CUSTOMERS.acme).adapter;
    await expect(customer.organizationsOfCustomer(CUSTOMERS.globex.accountId)).rejects.toMatchObject({
      kind: 'forbidden',
      errorMessages: ['You do not have permission to perform this operation.'],
    });
  });
});

describe('the port over @forge/api in the local Forge runtime', () => {
  function runtimeOverSimulator() {
    const state = serviceDeskState();
    const { simulator, clock } = newSimulator(state);
    const paths: string[] = [];
    const runtime = LocalForgeRuntime.inMemory({
      clock,
      jira: {
        baseUrl: 'http://jira.test',
        users: [AGENT, OUTSIDER, ...Object.values(CUSTOMERS)],
        app: APP_ACCOUNT,
        fetch: (request) => {
          const url = new URL(request.url);
          paths.push(url.pathname + url.search);
          return simulator.handle(request);
        },
      },
    });
    return { runtime, paths };
  }

  it('checks a request as the customer (asUser) and reads organisations as the app (asApp)', async () => {
    const { runtime, paths } = runtimeOverSimulator();
    const asUser = (accountId: string) => new JiraAdapter(new InvocationTransport(runtime, accountId, new ForgeTransport('user')));
    const asApp = new JiraAdapter(new InvocationTransport(runtime, undefined, new ForgeTransport('app')));

    expect(await asUser(CUSTOMERS.both.accountId).customerCanViewRequest(REQUESTS.globex.key)).toBe(true);
    expect(await asUser(CUSTOMERS.acme.accountId).customerCanViewRequest(REQUESTS.globex.key)).toBe(false);
    expect(await asApp.organizationsOfCustomer(CUSTOMERS.acme.accountId)).toEqual([{ id: ACME, name: 'Acme Corp' }]);
    expect(paths).toEqual([
      `/rest/servicedeskapi/request/${REQUESTS.globex.key}`,
      `/rest/servicedeskapi/request/${REQUESTS.globex.key}`,
      `/rest/servicedeskapi/organization?accountId=${CUSTOMERS.acme.accountId}&start=0&limit=50`,
    ]);
  });
});

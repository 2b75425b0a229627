/**
 * `ForgeTransport` over the real `@forge/api`: `requestJira` through `asUser()` / `asApp()`, answered by
 * the local Forge runtime's product proxy from the Jira simulator. The requests are read where they
 * reach Jira, as Forge's proxy would send them.
 */
import { ForgeTransport } from '../../../src/adapters/jira/forge-transport';
import { JiraAdapter } from '../../../src/adapters/jira/jira-adapter';
import { allOf, supportPlanIs } from '../../../src/app/ports/jql';
import { APP_ACCOUNT } from '../../../src/jira-simulator/model';
import type { JiraSimulator } from '../../../src/jira-simulator/simulator';
import { InvocationTransport } from '../../../src/local/forge-runtime/invocation-transport';
import { LocalForgeRuntime } from '../../../src/local/forge-runtime/local-forge-runtime';
import { AGENT, buildIssue, buildState, buildWorklog, newSimulator, SUP, VIEWER, type ManualClock } from '../../jira-simulator/site';

interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly authorization: string | null;
}

const ISSUE = buildIssue(1);
const USERS = [AGENT, VIEWER];
const basic = (account: { email: string; apiToken: string }) => `Basic ${Buffer.from(`${account.email}:${account.apiToken}`).toString('base64')}`;

describe('ForgeTransport through the local Forge runtime', () => {
  let simulator: JiraSimulator;
  let clock: ManualClock;
  let runtime: LocalForgeRuntime;
  let seen: SeenRequest[];

  beforeEach(() => {
    const state = buildState([ISSUE], [buildWorklog(7, ISSUE)]);
    ({ simulator, clock } = newSimulator({ ...state, users: [...state.users, { ...APP_ACCOUNT, permissions: { [SUP.id]: ['BROWSE_PROJECTS', 'EDIT_ISSUES'] } }] }));
    seen = [];
    runtime = LocalForgeRuntime.inMemory({
      clock,
      jira: {
        baseUrl: 'http://jira.test',
        users: USERS,
        app: APP_ACCOUNT,
        fetch: async (request) => {
          const url = new URL(request.url);
          seen.push({ method: request.method, path: url.pathname + url.search, body: await request.clone().text(), authorization: request.headers.get('authorization') });
          return simulator.handle(request);
        },
      },
    });
  });

  const asUser = <T>(accountId: string, call: () => Promise<T>) => runtime.invoke(accountId, call);

  it("acts as the invocation's user for asUser() and as the app for asApp()", async () => {
    const myself = { method: 'GET', resource: { template: '/rest/api/3/myself' } } as const;
    const user = await asUser(AGENT.accountId, () => new ForgeTransport('user').request(myself));
    const app = await runtime.invoke(undefined, () => new ForgeTransport('app').request(myself));

    expect([user.status, user.body]).toEqual([200, expect.objectContaining({ accountId: AGENT.accountId })]);
    expect([app.status, app.body]).toEqual([200, expect.objectContaining({ accountId: APP_ACCOUNT.accountId })]);
    expect(seen.map((request) => request.authorization)).toEqual([basic(AGENT), basic(APP_ACCOUNT)]);
  });

  it('refuses asUser() outside an invocation by a user, and answers 401 for an account Jira does not know', async () => {
    const myself = { method: 'GET', resource: { template: '/rest/api/3/myself' } } as const;

    await expect(runtime.invoke(undefined, () => new ForgeTransport('user').request(myself))).rejects.toThrow('asUser() was called outside an invocation by a user');
    expect((await asUser('acc-stranger', () => new ForgeTransport('user').request(myself))).status).toBe(401);
  });

  it('sends path parameters and an escaped query string, and answers what Jira answers', async () => {
    const worklogs = await runtime.invoke(undefined, () =>
      new ForgeTransport('app').request({ method: 'GET', resource: { template: '/rest/api/3/issue/{issueIdOrKey}/worklog', issueIdOrKey: ISSUE.key }, query: { startAt: '0', maxResults: '20' } }),
    );
    await asUser(AGENT.accountId, () =>
      new ForgeTransport('user').request({ method: 'GET', resource: { template: '/rest/api/3/mypermissions' }, query: { projectKey: 'A&B', permissions: 'BROWSE_PROJECTS,EDIT_ISSUES' } }),
    );

    expect(worklogs.status).toBe(200);
    expect(worklogs.body).toMatchObject({ total: 1, worklogs: [{ id: '7', issueId: ISSUE.id }] });
    expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `GET /rest/api/3/issue/${ISSUE.key}/worklog?startAt=0&maxResults=20`,
      'GET /rest/api/3/mypermissions?projectKey=A%26B&permissions=BROWSE_PROJECTS%2CEDIT_ISSUES',
    ]);
  });

  it("checks JQL and bulk permissions as the user, with Jira's answers", async () => {
    const adapterFor = (accountId: string) => new JiraAdapter(new InvocationTransport(runtime, accountId, new ForgeTransport('user')));

    expect(await adapterFor(AGENT.accountId).validateJql(allOf(supportPlanIs('gold')))).toEqual([]);
    expect([...(await adapterFor(AGENT.accountId).issuesWithPermissions([ISSUE.id, '99999'], ['EDIT_ISSUES']))]).toEqual([ISSUE.id]);
    expect([...(await adapterFor(VIEWER.accountId).issuesWithPermissions([ISSUE.id], ['EDIT_ISSUES']))]).toEqual([]);
    expect(seen.map(({ method, path, body }) => [method, path, body])).toEqual([
      ['POST', '/rest/api/3/jql/parse?validation=strict', '{"queries":["supportPlan = \\"gold\\""]}'],
      ['POST', '/rest/api/3/permissions/check', `{"projectPermissions":[{"issues":[${ISSUE.id},99999],"permissions":["EDIT_ISSUES"]}]}`],
      ['POST', '/rest/api/3/permissions/check', `{"projectPermissions":[{"issues":[${ISSUE.id}],"permissions":["EDIT_ISSUES"]}]}`],
    ]);
  });

  it('writes and deletes an issue property at its path', async () => {
    const resource = { template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', issueIdOrKey: ISSUE.id, propertyKey: 'support-plan' } as const;
    const written = await asUser(AGENT.accountId, () => new ForgeTransport('user').request({ method: 'PUT', resource, body: { planId: 'gold', billingClass: 'covered' } }));
    const propertiesAfterWrite = simulator.snapshot().issues[0]?.properties;
    const deleted = await asUser(AGENT.accountId, () => new ForgeTransport('user').request({ method: 'DELETE', resource }));

    expect([written.status, deleted.status, deleted.body]).toEqual([201, 204, undefined]);
    expect(propertiesAfterWrite).toEqual({ 'support-plan': { planId: 'gold', billingClass: 'covered' } });
    expect(simulator.snapshot().issues[0]?.properties).toEqual({});
  });

  it('refuses a path parameter that would change the path, once, as a bad request, before anything reaches Jira', async () => {
    const adapter = new JiraAdapter(new InvocationTransport(runtime, AGENT.accountId, new ForgeTransport('user')));
    const error: unknown = await adapter.getIssue('../myself').catch((rejection: unknown) => rejection);

    expect(error).toMatchObject({ kind: 'bad-request', attempts: 1, path: '/rest/api/3/issue/..%2Fmyself' });
    expect(error instanceof Error && error.message).toContain('Forge refused the path of /rest/api/3/issue/{issueIdOrKey}: Error: Disallowing path manipulation attempt');
    expect([adapter.stats().calls, seen]).toEqual([0, []]);
  });

  it("hands back Jira's 429 with its Retry-After and error body", async () => {
    simulator.faults.quota = { points: 1, windowMs: 60_000 };
    const myself = () => runtime.invoke(undefined, () => new ForgeTransport('app').request({ method: 'GET', resource: { template: '/rest/api/3/myself' } }));
    await myself();

    expect(await myself()).toMatchObject({ status: 429, retryAfter: '60', body: { errorMessages: ['Rate limit exceeded.'], errors: {} } });
  });
});

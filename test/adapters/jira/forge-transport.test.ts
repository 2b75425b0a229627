import type { Route } from '@forge/api';
import { ForgeTransport } from '../../../src/adapters/jira/forge-transport';
import { JiraAdapter } from '../../../src/adapters/jira/jira-adapter';
import { allOf, supportPlanIs } from '../../../src/app/ports/jql';

interface RecordedCall {
  readonly identity: 'user' | 'app';
  readonly path: string;
  readonly method: string | undefined;
  readonly body: string | undefined;
}

interface MockAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly retryAfter: string | null;
  readonly text: string;
}

const mockCalls: RecordedCall[] = [];
let mockAnswer: MockAnswer = { status: 200, statusText: 'OK', retryAfter: null, text: '{}' };

// Forge's requestJira only runs inside Forge; this replaces just asUser/asApp and keeps the real `route`.
jest.mock('@forge/api', () => {
  const actual = jest.requireActual<typeof import('@forge/api')>('@forge/api');
  const requester = (identity: 'user' | 'app') => ({
    requestJira: async (path: Route, init?: { method?: string; body?: string }) => {
      mockCalls.push({ identity, path: path.value, method: init?.method, body: init?.body });
      return {
        status: mockAnswer.status,
        statusText: mockAnswer.statusText,
        headers: { get: (name: string) => (name === 'retry-after' ? mockAnswer.retryAfter : null) },
        text: async () => mockAnswer.text,
      };
    },
  });
  return {
    ...actual,
    __esModule: true,
    default: { ...actual.default, asUser: () => requester('user'), asApp: () => requester('app') },
  };
});

beforeEach(() => {
  mockCalls.length = 0;
  mockAnswer = { status: 200, statusText: 'OK', retryAfter: null, text: '{}' };
});

describe('ForgeTransport', () => {
  it('calls requestJira as the user with a route, the method and a JSON body', async () => {
    mockAnswer = { status: 200, statusText: 'OK', retryAfter: null, text: '{"issues":[]}' };
    const response = await new ForgeTransport('user').request({
      method: 'POST',
      resource: { template: '/rest/api/3/search/jql' },
      body: { jql: 'supportPlan = "gold"' },
    });
    expect(mockCalls).toEqual([
      { identity: 'user', path: '/rest/api/3/search/jql', method: 'POST', body: '{"jql":"supportPlan = \\"gold\\""}' },
    ]);
    expect(response).toEqual({ status: 200, statusText: 'OK', retryAfter: null, body: { issues: [] } });
  });

  it('calls as the app, with path parameters and an escaped query string', async () => {
    await new ForgeTransport('app').request({
      method: 'GET',
      resource: { template: '/rest/api/3/issue/{issueIdOrKey}/worklog', issueIdOrKey: 'SUP-7' },
      query: { startAt: '20', startedAfter: '1790000000000' },
    });
    await new ForgeTransport('app').request({
      method: 'GET',
      resource: { template: '/rest/api/3/mypermissions' },
      query: { projectKey: 'A&B', permissions: 'BROWSE_PROJECTS,EDIT_ISSUES' },
    });
    expect(mockCalls).toEqual([
      { identity: 'app', path: '/rest/api/3/issue/SUP-7/worklog?startAt=20&startedAfter=1790000000000', method: 'GET', body: undefined },
      {
        identity: 'app',
        path: '/rest/api/3/mypermissions?projectKey=A%26B&permissions=BROWSE_PROJECTS%2CEDIT_ISSUES',
        method: 'GET',
        body: undefined,
      },
    ]);
  });

  it('sends the JQL check and the bulk permission check as the user, with their bodies', async () => {
    const adapter = new JiraAdapter(new ForgeTransport('user'));
    mockAnswer = { status: 200, statusText: 'OK', retryAfter: null, text: '{"queries":[{"query":"supportPlan = \\"gold\\""}]}' };
    expect(await adapter.validateJql(allOf(supportPlanIs('gold')))).toEqual([]);
    mockAnswer = { status: 200, statusText: 'OK', retryAfter: null, text: '{"globalPermissions":[],"projectPermissions":[{"permission":"EDIT_ISSUES","issues":[10001],"projects":[]}]}' };
    expect([...(await adapter.issuesWithPermissions(['10001', '10002'], ['EDIT_ISSUES']))]).toEqual(['10001']);
    expect(mockCalls).toEqual([
      { identity: 'user', path: '/rest/api/3/jql/parse?validation=strict', method: 'POST', body: '{"queries":["supportPlan = \\"gold\\""]}' },
      { identity: 'user', path: '/rest/api/3/permissions/check', method: 'POST', body: '{"projectPermissions":[{"issues":[10001,10002],"permissions":["EDIT_ISSUES"]}]}' },
    ]);
  });

  it('writes the property path for PUT and DELETE', async () => {
    const resource = {
      template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      issueIdOrKey: '10042',
      propertyKey: 'support-plan',
    } as const;
    mockAnswer = { status: 204, statusText: 'No Content', retryAfter: null, text: '' };
    await new ForgeTransport('user').request({ method: 'PUT', resource, body: { planId: 'gold', billingClass: 'covered' } });
    const deleted = await new ForgeTransport('user').request({ method: 'DELETE', resource });
    expect(mockCalls.map(({ path, method }) => `${method} ${path}`)).toEqual([
      'PUT /rest/api/3/issue/10042/properties/support-plan',
      'DELETE /rest/api/3/issue/10042/properties/support-plan',
    ]);
    expect(deleted.body).toBeUndefined();
  });

  it('refuses a path parameter that would change the path', async () => {
    const transport = new ForgeTransport('user');
    await expect(
      transport.request({ method: 'GET', resource: { template: '/rest/api/3/issue/{issueIdOrKey}', issueIdOrKey: '../myself' } }),
    ).rejects.toThrow('Disallowing path manipulation attempt');
    expect(mockCalls).toEqual([]);
  });

  it('fails such a call once, as a bad request, instead of retrying it', async () => {
    const adapter = new JiraAdapter(new ForgeTransport('user'));
    const error: unknown = await adapter.getIssue('../myself').catch((rejection: unknown) => rejection);
    expect(error).toMatchObject({ kind: 'bad-request', attempts: 1, path: '/rest/api/3/issue/..%2Fmyself' });
    expect(error instanceof Error && error.message).toMatch(
      /^Jira get-issue \(GET \/rest\/api\/3\/issue\/..%2Fmyself\) failed after 1 attempt: bad-request \(Forge refused the path of \/rest\/api\/3\/issue\/\{issueIdOrKey\}: Error: Disallowing path manipulation attempt/,
    );
    expect(adapter.stats().calls).toBe(0);
    expect(mockCalls).toEqual([]);
  });

  it('hands back the status, Retry-After and an error body', async () => {
    mockAnswer = { status: 429, statusText: 'Too Many Requests', retryAfter: '7', text: '{"errorMessages":["Rate limit exceeded."]}' };
    const response = await new ForgeTransport('app').request({ method: 'GET', resource: { template: '/rest/api/3/myself' } });
    expect(response).toEqual({
      status: 429,
      statusText: 'Too Many Requests',
      retryAfter: '7',
      body: { errorMessages: ['Rate limit exceeded.'] },
    });
  });
});

import { expect } from '@jest/globals';
import { validateResponse } from '../support/openapi';
import type { RunningServer } from '../../src/jira-simulator/node-server';
import type { JiraSimulator } from '../../src/jira-simulator/simulator';
import { ADMIN, AGENT, APP, buildIssue, buildState, buildWorklog, newSimulator, OUTSIDER, VIEWER, type Caller } from './site';

/** Every endpoint, over real HTTP, answers bodies that Atlassian's OpenAPI document accepts. */

const linked = buildIssue(1, { properties: { 'support-plan': { planId: 'acme', billingClass: 'covered' } } });
const plain = buildIssue(2);
const worklogs = [
  buildWorklog(40001, linked, { comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fixed' }] }] } }),
  buildWorklog(40002, linked, { started: '2026-09-16T09:00:00.000-0400' }),
];

let simulator: JiraSimulator;
let server: RunningServer;

beforeAll(async () => {
  ({ simulator } = newSimulator(buildState([linked, plain], worklogs)));
  server = await simulator.listen({ host: '127.0.0.1' });
});

afterAll(() => server.close());

interface Case {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly template: string;
  readonly path: string;
  readonly body?: unknown;
  readonly caller?: Caller;
  readonly status: number;
}

const I = '/rest/api/3/issue/{issueIdOrKey}';
const CASES: readonly Case[] = [
  { name: 'search (POST)', method: 'POST', template: '/rest/api/3/search/jql', path: '/rest/api/3/search/jql', body: { jql: 'project = SUP', fields: ['summary', 'project', 'issuetype', 'created', 'updated', 'worklog'], properties: ['support-plan'], maxResults: 1 }, status: 200 },
  { name: 'search (GET)', method: 'GET', template: '/rest/api/3/search/jql', path: '/rest/api/3/search/jql?jql=supportPlan%20%3D%20acme&fields=worklog', status: 200 },
  { name: 'search with bad JQL', method: 'POST', template: '/rest/api/3/search/jql', path: '/rest/api/3/search/jql', body: { jql: 'status = Open' }, status: 400 },
  { name: 'search unauthenticated', method: 'POST', template: '/rest/api/3/search/jql', path: '/rest/api/3/search/jql', body: { jql: 'project = SUP' }, caller: { email: 'nobody@example.com', apiToken: 'x' }, status: 401 },
  { name: 'issue', method: 'GET', template: I, path: '/rest/api/3/issue/SUP-1?properties=support-plan', status: 200 },
  { name: 'issue hidden', method: 'GET', template: I, path: '/rest/api/3/issue/SUP-1', caller: OUTSIDER, status: 404 },
  { name: 'worklogs', method: 'GET', template: `${I}/worklog`, path: '/rest/api/3/issue/SUP-1/worklog?startAt=0&maxResults=1', status: 200 },
  { name: 'worklogs of a missing issue', method: 'GET', template: `${I}/worklog`, path: '/rest/api/3/issue/SUP-99/worklog', status: 404 },
  { name: 'one worklog', method: 'GET', template: `${I}/worklog/{id}`, path: '/rest/api/3/issue/SUP-1/worklog/40001', status: 200 },
  { name: 'missing worklog', method: 'GET', template: `${I}/worklog/{id}`, path: '/rest/api/3/issue/SUP-1/worklog/1', status: 404 },
  { name: 'create worklog', method: 'POST', template: `${I}/worklog`, path: '/rest/api/3/issue/SUP-2/worklog', body: { timeSpentSeconds: 1800, started: '2026-09-20T10:00:00.000+0530' }, caller: AGENT, status: 201 },
  { name: 'create worklog without permission', method: 'POST', template: `${I}/worklog`, path: '/rest/api/3/issue/SUP-2/worklog', body: { timeSpentSeconds: 1800, started: '2026-09-20T10:00:00.000+0530' }, caller: VIEWER, status: 400 },
  { name: 'update worklog', method: 'PUT', template: `${I}/worklog/{id}`, path: '/rest/api/3/issue/SUP-1/worklog/40002', body: { timeSpentSeconds: 5400 }, caller: AGENT, status: 200 },
  { name: 'delete worklog', method: 'DELETE', template: `${I}/worklog/{id}`, path: '/rest/api/3/issue/SUP-1/worklog/40002', caller: AGENT, status: 204 },
  { name: 'updated worklogs', method: 'GET', template: '/rest/api/3/worklog/updated', path: '/rest/api/3/worklog/updated?since=0', status: 200 },
  { name: 'deleted worklogs', method: 'GET', template: '/rest/api/3/worklog/deleted', path: '/rest/api/3/worklog/deleted?since=0', status: 200 },
  { name: 'worklogs by id', method: 'POST', template: '/rest/api/3/worklog/list', path: '/rest/api/3/worklog/list', body: { ids: [40001, 40002, 7] }, status: 200 },
  { name: 'worklogs by id, empty', method: 'POST', template: '/rest/api/3/worklog/list', path: '/rest/api/3/worklog/list', body: { ids: [] }, status: 400 },
  { name: 'set property', method: 'PUT', template: `${I}/properties/{propertyKey}`, path: '/rest/api/3/issue/SUP-2/properties/support-plan', body: { planId: 'acme', billingClass: 'extra' }, status: 201 },
  { name: 'replace property', method: 'PUT', template: `${I}/properties/{propertyKey}`, path: '/rest/api/3/issue/SUP-2/properties/support-plan', body: { planId: 'acme', billingClass: 'covered' }, status: 200 },
  { name: 'set property without Edit issues', method: 'PUT', template: `${I}/properties/{propertyKey}`, path: '/rest/api/3/issue/SUP-2/properties/support-plan', body: { planId: 'x' }, caller: VIEWER, status: 403 },
  { name: 'get property', method: 'GET', template: `${I}/properties/{propertyKey}`, path: '/rest/api/3/issue/SUP-2/properties/support-plan', status: 200 },
  { name: 'delete property', method: 'DELETE', template: `${I}/properties/{propertyKey}`, path: '/rest/api/3/issue/SUP-2/properties/support-plan', status: 204 },
  { name: 'missing property', method: 'GET', template: `${I}/properties/{propertyKey}`, path: '/rest/api/3/issue/SUP-2/properties/support-plan', status: 404 },
  { name: 'my permissions', method: 'GET', template: '/rest/api/3/mypermissions', path: '/rest/api/3/mypermissions?projectKey=SUP&permissions=BROWSE_PROJECTS,EDIT_ISSUES', caller: VIEWER, status: 200 },
  { name: 'my permissions without a list', method: 'GET', template: '/rest/api/3/mypermissions', path: '/rest/api/3/mypermissions?projectKey=SUP', status: 400 },
  { name: 'my permissions on a hidden issue', method: 'GET', template: '/rest/api/3/mypermissions', path: '/rest/api/3/mypermissions?issueKey=SUP-1&permissions=EDIT_ISSUES', caller: OUTSIDER, status: 404 },
  { name: 'permissions check', method: 'POST', template: '/rest/api/3/permissions/check', path: '/rest/api/3/permissions/check', body: { projectPermissions: [{ issues: [20001, 20002], projects: [10000], permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'] }] }, caller: VIEWER, status: 200 },
  { name: 'permissions check with an unknown key', method: 'POST', template: '/rest/api/3/permissions/check', path: '/rest/api/3/permissions/check', body: { projectPermissions: [{ issues: [20001], permissions: ['PERMISSION_123'] }] }, status: 400 },
  { name: 'permissions check about someone else', method: 'POST', template: '/rest/api/3/permissions/check', path: '/rest/api/3/permissions/check', body: { accountId: VIEWER.accountId, projectPermissions: [{ issues: [20001], permissions: ['EDIT_ISSUES'] }] }, caller: AGENT, status: 403 },
  { name: 'parse JQL', method: 'POST', template: '/rest/api/3/jql/parse', path: '/rest/api/3/jql/parse?validation=strict', body: { queries: ['project = SUP ORDER BY key', 'id > 0) OR (project = OPS', 'colour = red'] }, caller: AGENT, status: 200 },
  { name: 'parse JQL without queries', method: 'POST', template: '/rest/api/3/jql/parse', path: '/rest/api/3/jql/parse?validation=strict', body: { queries: [] }, caller: AGENT, status: 400 },
  { name: 'myself', method: 'GET', template: '/rest/api/3/myself', path: '/rest/api/3/myself', caller: AGENT, status: 200 },
  { name: 'user', method: 'GET', template: '/rest/api/3/user', path: `/rest/api/3/user?accountId=${AGENT.accountId}`, status: 200 },
  { name: 'users by id', method: 'GET', template: '/rest/api/3/user/bulk', path: `/rest/api/3/user/bulk?accountId=${AGENT.accountId}&accountId=nobody&accountId=${ADMIN.accountId}&maxResults=1`, status: 200 },
  { name: 'users without an id', method: 'GET', template: '/rest/api/3/user/bulk', path: '/rest/api/3/user/bulk', status: 400 },
  { name: 'unknown user', method: 'GET', template: '/rest/api/3/user', path: '/rest/api/3/user?accountId=nobody', status: 404 },
  { name: 'priorities', method: 'GET', template: '/rest/api/3/priority/search', path: '/rest/api/3/priority/search?startAt=1&maxResults=2', status: 200 },
  { name: 'project', method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', path: '/rest/api/3/project/SUP', status: 200 },
  { name: 'hidden project', method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', path: '/rest/api/3/project/OPS', caller: AGENT, status: 404 },
  { name: 'create issue', method: 'POST', template: '/rest/api/3/issue', path: '/rest/api/3/issue', body: { fields: { project: { key: 'SUP' }, summary: 'New', issuetype: { name: 'Task' } } }, caller: AGENT, status: 201 },
  { name: 'create issue without Edit issues', method: 'POST', template: '/rest/api/3/issue', path: '/rest/api/3/issue', body: { fields: { project: { key: 'SUP' }, summary: 'New', issuetype: { name: 'Task' } } }, caller: VIEWER, status: 403 },
  { name: 'create issue in no project', method: 'POST', template: '/rest/api/3/issue', path: '/rest/api/3/issue', body: { fields: { project: { key: 'NOPE' }, summary: 'New', issuetype: { name: 'Task' } } }, status: 400 },
  { name: 'edit issue', method: 'PUT', template: I, path: '/rest/api/3/issue/SUP-2', body: { fields: { summary: 'Renamed' } }, caller: AGENT, status: 204 },
  { name: 'edit issue without Edit issues', method: 'PUT', template: I, path: '/rest/api/3/issue/SUP-2', body: { fields: { summary: 'Renamed' } }, caller: VIEWER, status: 403 },
  { name: 'edit priority and issue type', method: 'PUT', template: I, path: '/rest/api/3/issue/SUP-2', body: { fields: { priority: { name: 'Highest' }, issuetype: { id: '10002' } } }, caller: AGENT, status: 204 },
  { name: 'edit to an unknown priority', method: 'PUT', template: I, path: '/rest/api/3/issue/SUP-2', body: { fields: { priority: { id: '99' } } }, caller: AGENT, status: 400 },
  { name: 'changelog', method: 'GET', template: `${I}/changelog`, path: '/rest/api/3/issue/SUP-2/changelog?startAt=0&maxResults=1', status: 200 },
  { name: 'changelog of a missing issue', method: 'GET', template: `${I}/changelog`, path: '/rest/api/3/issue/SUP-99/changelog', status: 404 },
  { name: 'search with the changelog', method: 'POST', template: '/rest/api/3/search/jql', path: '/rest/api/3/search/jql', body: { jql: 'project = SUP', fields: ['priority', 'issuetype', 'customfield_10010'], expand: 'changelog', maxResults: 5 }, status: 200 },
  { name: 'issue with the changelog', method: 'GET', template: I, path: '/rest/api/3/issue/SUP-2?fields=priority&expand=changelog', status: 200 },
  { name: 'edit a field not on the screen', method: 'PUT', template: I, path: '/rest/api/3/issue/SUP-2', body: { fields: { colour: 'red' } }, caller: AGENT, status: 400 },
  { name: 'transitions', method: 'GET', template: `${I}/transitions`, path: '/rest/api/3/issue/SUP-2/transitions', caller: AGENT, status: 200 },
  { name: 'transitions without Transition issues', method: 'GET', template: `${I}/transitions`, path: '/rest/api/3/issue/SUP-2/transitions', caller: VIEWER, status: 200 },
  { name: 'transitions of a hidden issue', method: 'GET', template: `${I}/transitions`, path: '/rest/api/3/issue/SUP-2/transitions', caller: OUTSIDER, status: 404 },
  { name: 'transition', method: 'POST', template: `${I}/transitions`, path: '/rest/api/3/issue/SUP-2/transitions', body: { transition: { id: '21' } }, caller: AGENT, status: 204 },
  { name: 'transition to the status it is in', method: 'POST', template: `${I}/transitions`, path: '/rest/api/3/issue/SUP-2/transitions', body: { transition: { id: '21' } }, caller: AGENT, status: 400 },
  { name: 'transition without Transition issues', method: 'POST', template: `${I}/transitions`, path: '/rest/api/3/issue/SUP-2/transitions', body: { transition: { id: '31' } }, caller: VIEWER, status: 400 },
  { name: 'transition without a transition', method: 'POST', template: `${I}/transitions`, path: '/rest/api/3/issue/SUP-2/transitions', body: {}, caller: AGENT, status: 400 },
  { name: 'delete issue without Administer projects', method: 'DELETE', template: I, path: '/rest/api/3/issue/SUP-2', caller: AGENT, status: 403 },
  { name: 'delete issue', method: 'DELETE', template: I, path: '/rest/api/3/issue/SUP-2', caller: ADMIN, status: 204 },
];

async function send(testCase: Case): Promise<{ status: number; body: unknown }> {
  const caller = testCase.caller ?? APP;
  const response = await fetch(server.url + testCase.path, {
    method: testCase.method,
    headers: { authorization: `Basic ${Buffer.from(`${caller.email}:${caller.apiToken}`).toString('base64')}`, 'content-type': 'application/json' },
    ...(testCase.body === undefined ? {} : { body: JSON.stringify(testCase.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('the simulator against the Jira Cloud OpenAPI document', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_, testCase) => {
    const { status, body } = await send(testCase);
    expect(status).toBe(testCase.status);
    expect(validateResponse(testCase.method, testCase.template, status, body)).toEqual({ valid: true, errors: [] });
    if (status >= 400) expect(body).toEqual({ errorMessages: expect.any(Array), errors: expect.any(Object) });
  });

  it('answers 404 with Jira\'s error body for any other path', async () => {
    const { status, body } = await send({ name: '', method: 'GET', template: '', path: '/rest/api/3/dashboard', status: 404 });
    expect(status).toBe(404);
    expect(body).toEqual({ errorMessages: [`null for uri: ${server.url}/rest/api/3/dashboard`], errors: {} });
  });
});

import { errorBody } from './responses';
import { ADMIN, AGENT, APP, buildIssue, buildState, call, newSimulator, OUTSIDER, VIEWER } from './site';

const issue = buildIssue(1);
const opsIssue = buildIssue(2, { projectId: '10001', key: 'OPS-2' });

describe('authentication', () => {
  it.each([
    ['an unknown e-mail', { email: 'ghost@example.com', apiToken: 'agent-token' }],
    ['a wrong token', { email: AGENT.email, apiToken: 'wrong' }],
  ])('answers 401 for %s', async (_, caller) => {
    const { simulator } = newSimulator(buildState([issue]));
    const { status, body } = await call(simulator, caller, 'GET', '/rest/api/3/myself');
    expect([status, body]).toEqual([401, { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} }]);
  });

  it('knows the built-in app account, which may do everything', async () => {
    const { simulator } = newSimulator(buildState([issue, opsIssue]));
    const { body } = await call(simulator, APP, 'GET', '/rest/api/3/mypermissions?issueKey=OPS-2&permissions=EDIT_ISSUES,ADMINISTER_PROJECTS');
    expect(body).toEqual({
      permissions: {
        EDIT_ISSUES: { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.', havePermission: true },
        ADMINISTER_PROJECTS: { id: '23', key: 'ADMINISTER_PROJECTS', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.', havePermission: true },
      },
    });
  });
});

describe('GET /rest/api/3/mypermissions', () => {
  const have = async (caller: typeof AGENT, query: string) => {
    const { simulator } = newSimulator(buildState([issue, opsIssue]));
    const { body } = await call(simulator, caller, 'GET', `/rest/api/3/mypermissions?${query}`);
    return body;
  };

  it('answers per project, per issue, and across projects without a context', async () => {
    expect(await have(VIEWER, 'projectKey=SUP&permissions=BROWSE_PROJECTS,EDIT_ISSUES')).toMatchObject({
      permissions: { BROWSE_PROJECTS: { havePermission: true }, EDIT_ISSUES: { havePermission: false } },
    });
    expect(await have(ADMIN, 'issueId=20002&permissions=EDIT_ISSUES')).toMatchObject({ permissions: { EDIT_ISSUES: { havePermission: false } } });
    expect(await have(ADMIN, 'permissions=EDIT_ISSUES')).toMatchObject({ permissions: { EDIT_ISSUES: { havePermission: true } } });
    expect(await have(OUTSIDER, 'projectId=10000&permissions=BROWSE_PROJECTS')).toMatchObject({ permissions: { BROWSE_PROJECTS: { havePermission: false } } });
  });

  it('answers 400 without permissions or with an unknown key, 404 for an issue the caller cannot see', async () => {
    expect(errorBody.parse(await have(AGENT, 'projectKey=SUP')).errorMessages).toEqual(['The permissions query parameter is required.']);
    expect(errorBody.parse(await have(AGENT, 'permissions=FLY')).errorMessages).toEqual(['Invalid permission keys: FLY.']);
    expect(errorBody.parse(await have(AGENT, 'issueKey=OPS-2&permissions=EDIT_ISSUES')).errorMessages).toEqual([
      'Issue does not exist or you do not have permission to see it.',
    ]);
  });
});

describe('issue properties', () => {
  const path = '/rest/api/3/issue/SUP-1/properties/support-plan';

  it('stores a value up to 32,768 bytes and refuses a longer one', async () => {
    const { simulator } = newSimulator(buildState([issue]));
    const wrapper = JSON.stringify({ note: '' }).length;
    const largest = { note: 'x'.repeat(32_768 - wrapper) };
    expect((await call(simulator, AGENT, 'PUT', path, largest)).status).toBe(201);
    const tooLarge = await call(simulator, AGENT, 'PUT', path, { note: 'x'.repeat(32_769 - wrapper) });
    expect([tooLarge.status, errorBody.parse(tooLarge.body).errorMessages]).toEqual([400, ['The property value is 32769 bytes long; the maximum is 32768.']]);
    expect((await call(simulator, AGENT, 'GET', path)).body).toEqual({ key: 'support-plan', value: largest });
  });

  it('refuses an empty value', async () => {
    const { simulator } = newSimulator(buildState([issue]));
    const { status, body } = await call(simulator, AGENT, 'PUT', path);
    expect([status, body]).toEqual([400, { errorMessages: ['The property value must not be empty.'], errors: {} }]);
  });

  it('needs Edit issues to write (403) and Browse projects to see the issue at all (404)', async () => {
    const { simulator } = newSimulator(buildState([issue], []));
    const viewer = await call(simulator, VIEWER, 'PUT', path, { planId: 'acme' });
    expect([viewer.status, errorBody.parse(viewer.body).errorMessages]).toEqual([403, ['You do not have the permission to edit this issue (Edit Issues).']]);
    expect((await call(simulator, VIEWER, 'DELETE', path)).status).toBe(403);
    expect((await call(simulator, OUTSIDER, 'PUT', path, { planId: 'acme' })).status).toBe(404);
    expect((await call(simulator, OUTSIDER, 'GET', path)).status).toBe(404);
  });

  it('makes a property searchable through its aliases as soon as it is set', async () => {
    const { simulator } = newSimulator(buildState([issue]));
    await call(simulator, AGENT, 'PUT', path, { planId: 'acme', billingClass: 'covered' });
    const { body } = await call(simulator, AGENT, 'POST', '/rest/api/3/search/jql', { jql: 'supportPlan = acme', fields: ['key'] });
    expect(body).toMatchObject({ issues: [{ key: 'SUP-1' }] });
  });
});

describe('GET /rest/api/3/user/bulk', () => {
  const users = async (query: string) => {
    const { simulator } = newSimulator(buildState([issue]));
    return call(simulator, OUTSIDER, 'GET', `/rest/api/3/user/bulk?${query}`);
  };
  const idsOf = (body: unknown) => (body as { values: { accountId: string }[] }).values.map((value) => value.accountId);

  it('answers the known accounts in the order asked, leaving out ids Jira does not know, to anyone who may use Jira', async () => {
    const { status, body } = await users(`accountId=${VIEWER.accountId}&accountId=ghost&accountId=${ADMIN.accountId}&maxResults=50`);
    expect(status).toBe(200);
    expect(idsOf(body)).toEqual([VIEWER.accountId, ADMIN.accountId]);
    expect(body).toMatchObject({ startAt: 0, maxResults: 50, total: 2, isLast: true, values: [{ displayName: VIEWER.displayName, active: true }, {}] });
  });

  it('pages: ten by default, at most a hundred, isLast on the last page', async () => {
    const many = [ADMIN, AGENT, VIEWER].map((user) => `accountId=${user.accountId}`).join('&');
    const first = await users(`${many}&maxResults=2`);
    expect([idsOf(first.body), first.body]).toEqual([[ADMIN.accountId, AGENT.accountId], expect.objectContaining({ total: 3, isLast: false })]);
    const second = await users(`${many}&maxResults=2&startAt=2`);
    expect([idsOf(second.body), second.body]).toEqual([[VIEWER.accountId], expect.objectContaining({ isLast: true })]);
    expect((await users(`${many}&maxResults=1000`)).body).toMatchObject({ maxResults: 100 });
    expect((await users(many)).body).toMatchObject({ maxResults: 10 });
  });

  it('answers 400 without an account id or with a bad page', async () => {
    expect(errorBody.parse((await users('')).body).errorMessages).toEqual(['The accountId query parameter is required.']);
    expect((await users(`accountId=${ADMIN.accountId}&startAt=-1`)).status).toBe(400);
    expect((await users(`accountId=${ADMIN.accountId}&maxResults=x`)).status).toBe(400);
  });
});

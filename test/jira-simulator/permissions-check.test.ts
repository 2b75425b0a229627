import { errorBody } from './responses';
import { ADMIN, AGENT, APP, buildIssue, buildState, call, newSimulator, OPS, OUTSIDER, SUP, VIEWER, type Caller } from './site';

const sup1 = buildIssue(1);
const sup2 = buildIssue(2);
const ops3 = buildIssue(3, { projectId: OPS.id, key: 'OPS-3' });

async function check(caller: Caller, body: unknown) {
  const { simulator } = newSimulator(buildState([sup1, sup2, ops3]));
  return call(simulator, caller, 'POST', '/rest/api/3/permissions/check', body);
}

describe('POST /rest/api/3/permissions/check', () => {
  it('answers, per project permission, the asked issues and projects on which the caller holds it', async () => {
    const issues = [20001, 20002, 20003];
    const answer = await check(ADMIN, { projectPermissions: [{ issues, projects: [10000, 10001], permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'] }] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', issues: [20001, 20002, 20003], projects: [10000, 10001] },
        { permission: 'EDIT_ISSUES', issues: [20001, 20002], projects: [10000] },
      ],
    });
  });

  it('leaves out a permission granted nowhere asked, and ignores unknown ids and nulls', async () => {
    const answer = await check(VIEWER, { projectPermissions: [{ issues: [20001, 99999, null, 20003], permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS', ''] }, null] });
    expect(answer.body).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', issues: [20001], projects: [] }] });
    const outsider = await check(OUTSIDER, { projectPermissions: [{ issues: [20001], projects: [Number(SUP.id)], permissions: ['BROWSE_PROJECTS'] }] });
    expect(outsider.body).toEqual({ globalPermissions: [], projectPermissions: [] });
  });

  it('merges entries that ask for the same permission', async () => {
    const answer = await check(AGENT, { projectPermissions: [{ issues: [20001], permissions: ['EDIT_ISSUES'] }, { issues: [20002, 20003], permissions: ['EDIT_ISSUES'] }] });
    expect(answer.body).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'EDIT_ISSUES', issues: [20001, 20002], projects: [] }] });
  });

  it('answers 400 for an unknown permission key, naming it, and for an entry without a permission', async () => {
    const unknown = await check(AGENT, { globalPermissions: ['FLY'], projectPermissions: [{ issues: [20001], permissions: ['EDIT_ISSUES', 'PERMISSION_123'] }] });
    expect([unknown.status, unknown.body]).toEqual([400, { errorMessages: [], errors: { FLY: 'Unrecognized permission', PERMISSION_123: 'Unrecognized permission' } }]);
    const empty = await check(AGENT, { projectPermissions: [{ issues: [20001], permissions: [''] }] });
    expect([empty.status, errorBody.parse(empty.body).errorMessages]).toEqual([400, ['Each entry of projectPermissions must name at least one project permission.']]);
  });

  it('checks at most 1,000 existing issues at once; ids of no issue do not count', async () => {
    const { simulator } = newSimulator(buildState(Array.from({ length: 1001 }, (_, index) => buildIssue(index + 1))));
    const ids = (count: number) => Array.from({ length: count }, (_, index) => 20001 + index);
    const atLimit = await call(simulator, AGENT, 'POST', '/rest/api/3/permissions/check', { projectPermissions: [{ issues: [...ids(1000), 99999], permissions: ['EDIT_ISSUES'] }] });
    expect(atLimit.status).toBe(200);
    const over = await call(simulator, AGENT, 'POST', '/rest/api/3/permissions/check', { projectPermissions: [{ issues: ids(1001), permissions: ['EDIT_ISSUES'] }] });
    expect([over.status, errorBody.parse(over.body).errorMessages]).toEqual([400, ['At most 1000 issues can be checked at once.']]);
  });

  it('lets only the app ask about someone else (403 for a person), and refuses an unknown account', async () => {
    const asked = { accountId: VIEWER.accountId, projectPermissions: [{ issues: [20001], permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'] }] };
    const byPerson = await check(ADMIN, asked);
    expect([byPerson.status, byPerson.body]).toEqual([403, { errorMessages: ['Only Jira administrators can perform this operation.'], errors: {} }]);
    const byApp = await check(APP, asked);
    expect(byApp.body).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', issues: [20001], projects: [] }] });
    const unknown = await check(APP, { ...asked, accountId: 'nobody' });
    expect([unknown.status, unknown.body]).toEqual([400, { errorMessages: [], errors: { accountId: 'The account ID is not valid.' } }]);
  });

  it('refuses fields Jira does not document, with Jira\'s error body', async () => {
    const answer = await check(AGENT, { projectPermissions: [{ issues: [20001], permissions: ['EDIT_ISSUES'], issueKeys: ['SUP-1'] }] });
    expect(answer.status).toBe(400);
    expect(errorBody.parse(answer.body).errorMessages).toEqual([]);
  });
});

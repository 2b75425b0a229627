import { validateRequest, validateResponse } from './openapi';

const worklog = {
  id: '10001',
  issueId: '10010',
  started: '2026-10-05T09:00:00.000+0200',
  timeSpentSeconds: 3600,
  author: { accountId: 'acc-1' },
};

describe('the OpenAPI contract checker', () => {
  it('accepts a response shaped like Jira documents it', () => {
    const page = { startAt: 0, maxResults: 5000, total: 1, worklogs: [worklog] };
    expect(validateResponse('GET', '/rest/api/3/issue/{issueIdOrKey}/worklog', 200, page)).toEqual({ valid: true, errors: [] });
  });

  it('rejects a response with a wrongly typed field', () => {
    const page = { startAt: '0', maxResults: 5000, total: 1, worklogs: [worklog] };
    const result = validateResponse('GET', '/rest/api/3/issue/{issueIdOrKey}/worklog', 200, page);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(['response/startAt must be integer']);
  });

  it('rejects a status the operation does not document', () => {
    const result = validateResponse('GET', '/rest/api/3/myself', 418, {});
    expect(result.errors).toEqual(['status 418 is not documented for GET /rest/api/3/myself']);
  });

  it('checks query parameters and bodies of requests', () => {
    expect(validateRequest('GET', '/rest/api/3/worklog/updated', { query: { since: '1700000000000' } }).valid).toBe(true);
    expect(validateRequest('GET', '/rest/api/3/worklog/updated', { query: { since: 'yesterday' } }).errors).toEqual([
      'query parameter "since" must be integer',
    ]);
    expect(validateRequest('GET', '/rest/api/3/mypermissions', { query: { permision: 'X' } }).errors).toEqual([
      'query parameter "permision" is not documented',
    ]);
    expect(validateRequest('POST', '/rest/api/3/worklog/list', { body: { ids: [1, 2] } }).valid).toBe(true);
    expect(validateRequest('POST', '/rest/api/3/worklog/list', { body: { ids: ['x'] } }).valid).toBe(false);
  });
});

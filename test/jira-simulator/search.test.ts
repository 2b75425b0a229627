import { searchPage as searchPageSchema } from './responses';
import { AGENT, APP, buildIssue, buildState, buildWorklog, call, newSimulator } from './site';

const searchPage = (body: unknown) => searchPageSchema.parse(body);

const issues = Array.from({ length: 250 }, (_, index) => buildIssue(index + 1));

describe('POST /rest/api/3/search/jql paging', () => {
  it('walks every matching issue with nextPageToken and ends with isLast and no token', async () => {
    const { simulator } = newSimulator(buildState(issues));
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    // Bounded: a search whose pages never end fails the page count below instead of looping until the timeout.
    do {
      const { status, body } = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', fields: ['key'], maxResults: 100, ...(token ? { nextPageToken: token } : {}) });
      expect(status).toBe(200);
      const page = searchPage(body);
      keys.push(...page.issues.map((issue) => issue.key));
      token = page.nextPageToken;
      pages += 1;
      expect(page.isLast).toBe(token === undefined);
    } while (token !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(keys).toEqual(issues.map((issue) => issue.key));
  });

  it('defaults to 50 issues a page', async () => {
    const { simulator } = newSimulator(buildState(issues));
    const { body } = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP' });
    expect(searchPage(body).issues).toHaveLength(50);
    expect(searchPage(body).issues[0]).toEqual({ expand: '', id: '20001', key: 'SUP-1', self: 'http://jira.test/rest/api/3/issue/20001' });
  });

  it('allows up to 5,000 when only ids or keys are asked for, 100 with other fields', async () => {
    const { simulator } = newSimulator(buildState(issues));
    const idsOnly = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', fields: ['id', 'key'], maxResults: 6000 });
    expect(searchPage(idsOnly.body).issues).toHaveLength(250);
    const withWorklogs = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', fields: ['worklog'], maxResults: 5000 });
    expect(searchPage(withWorklogs.body).issues).toHaveLength(100);
    expect(searchPage(withWorklogs.body).isLast).toBe(false);
  });

  it('refuses a token from another query, unbounded JQL and more than 5 properties', async () => {
    const { simulator } = newSimulator(buildState(issues));
    const first = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP' });
    const token = searchPage(first.body).nextPageToken;
    const replay = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = OPS', nextPageToken: token });
    expect(replay).toMatchObject({ status: 400, body: { errorMessages: ['The nextPageToken is invalid or does not belong to this query.'] } });
    const unbounded = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'ORDER BY created' });
    expect(unbounded.body).toEqual({ errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'], errors: {} });
    const properties = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', properties: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(properties.status).toBe(400);
  });

  it('answers the GET form with the same pages', async () => {
    const { simulator } = newSimulator(buildState(issues));
    const { body } = await call(simulator, APP, 'GET', '/rest/api/3/search/jql?jql=project%3DSUP&maxResults=2&fields=summary,created');
    expect(searchPage(body).issues.map((issue) => issue.fields)).toEqual([
      { summary: 'Ticket 1', created: '2026-09-01T12:01:00.000+0000' },
      { summary: 'Ticket 2', created: '2026-09-01T12:02:00.000+0000' },
    ]);
  });

  it('answers 410 Gone on the removed /rest/api/3/search, as Jira Cloud does', async () => {
    const { simulator } = newSimulator(buildState(issues));
    for (const method of ['GET', 'POST']) {
      const removed = await call(simulator, APP, method, '/rest/api/3/search', method === 'POST' ? { jql: 'project = SUP' } : undefined);
      expect(removed.status).toBe(410);
      expect(removed.body).toEqual({ errorMessages: [expect.stringMatching(/^The requested API has been removed\. Please migrate to the \/rest\/api\/3\/search\/jql API/)], errors: {} });
    }
  });

  it('leaves out issues the caller may not browse', async () => {
    const hidden = buildIssue(900, { projectId: '10001', key: 'OPS-1' });
    const { simulator } = newSimulator(buildState([buildIssue(1), hidden]));
    const asAgent = await call(simulator, AGENT, 'POST', '/rest/api/3/search/jql', { jql: 'id > 0' });
    expect(searchPage(asAgent.body).issues.map((issue) => issue.key)).toEqual(['SUP-1']);
    const asApp = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'id > 0' });
    expect(searchPage(asApp.body).issues.map((issue) => issue.key)).toEqual(['SUP-1', 'OPS-1']);
  });
});

describe('the embedded worklog field', () => {
  it('holds the first 20 worklogs by started, then id, and the total', async () => {
    const issue = buildIssue(1);
    const worklogs = Array.from({ length: 25 }, (_, index) =>
      buildWorklog(60_000 - index, issue, { started: `2026-09-${String(25 - index).padStart(2, '0')}T09:00:00.000+0200` }),
    );
    const { simulator } = newSimulator(buildState([issue], worklogs));
    const { body } = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'key = SUP-1', fields: ['worklog'] });
    const embedded = searchPage(body).issues[0]?.fields?.worklog;
    expect({ ...embedded, worklogs: embedded?.worklogs.map((worklog) => worklog.id) }).toEqual({
      startAt: 0,
      maxResults: 20,
      total: 25,
      worklogs: Array.from({ length: 20 }, (_, index) => String(59_976 + index)),
    });
  });

  it('returns the requested properties that are set', async () => {
    const linked = buildIssue(1, { properties: { 'support-plan': { planId: 'acme', billingClass: 'extra' } } });
    const { simulator } = newSimulator(buildState([linked, buildIssue(2)]));
    const { body } = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', properties: ['support-plan'] });
    expect(searchPage(body).issues.map((issue) => issue.properties)).toEqual([{ 'support-plan': { planId: 'acme', billingClass: 'extra' } }, {}]);
  });
});

import { errorBody, searchPage } from './responses';
import { ADMIN, APP, AGENT, buildIssue, buildState, buildWorklog, call, newSimulator } from './site';

const plan = (planId: string, billingClass: string) => ({ 'support-plan': { planId, billingClass } });
const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

const one = buildIssue(1, { summary: 'Login fails on mobile', properties: plan('acme', 'covered'), created: day('2026-09-01') + 3_600_000 });
const two = buildIssue(2, { summary: 'Export is slow', properties: plan('acme', 'extra'), issueTypeId: '10002', created: day('2026-09-02') });
const three = buildIssue(3, { summary: 'Question about invoices', properties: plan('globex', 'non-billable'), created: day('2026-09-03') });
const issues = [
  one,
  two,
  three,
  buildIssue(4, { summary: 'Unlinked request', created: day('2026-09-04') }),
  buildIssue(5, { projectId: '10001', key: 'OPS-5', summary: 'Server patching', properties: plan('acme', 'covered'), created: day('2026-09-05') }),
];
const worklogs = [
  // 21:30 UTC: the 30th of September both in UTC and in Berlin.
  buildWorklog(1, one, { started: '2026-09-30T23:30:00.000+0200', authorAccountId: AGENT.accountId }),
  // 2026-10-01 01:00 in Berlin is 2026-09-30 23:00 UTC: September in UTC, October in Berlin.
  buildWorklog(2, two, { started: '2026-10-01T01:00:00.000+0200', authorAccountId: ADMIN.accountId }),
  buildWorklog(3, three, { started: '2026-10-15T09:00:00.000-0400', authorAccountId: AGENT.accountId }),
  buildWorklog(4, three, { started: '2026-08-10T09:00:00.000+0530', authorAccountId: AGENT.accountId }),
];

async function keys(jql: string, timeZone?: string): Promise<string[]> {
  const { simulator } = newSimulator(buildState(issues, worklogs), timeZone ? { timeZone } : {});
  const { status, body } = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 5000 });
  if (status !== 200) throw new Error(`status ${status}: ${JSON.stringify(body)}`);
  return searchPage.parse(body).issues.map((issue) => issue.key);
}

async function rejection(jql: string): Promise<string[]> {
  const { simulator } = newSimulator(buildState(issues, worklogs));
  const { status, body } = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', { jql });
  expect(status).toBe(400);
  return errorBody.parse(body).errorMessages;
}

describe('the JQL subset', () => {
  it.each([
    ['project = SUP', ['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']],
    ['project in (OPS, "Support") ORDER BY key DESC', ['SUP-4', 'SUP-3', 'SUP-2', 'SUP-1', 'OPS-5']],
    ['project != SUP', ['OPS-5']],
    ['key = sup-2', ['SUP-2']],
    ['issuekey in (SUP-1, 20003)', ['SUP-1', 'SUP-3']],
    ['key not in (SUP-1, SUP-2, SUP-3)', ['SUP-4', 'OPS-5']],
    ['id >= 20003 AND id < 20005', ['SUP-3', 'SUP-4']],
    ['id <= 20001 OR id > 20004', ['SUP-1', 'OPS-5']],
    ['issuetype = Bug', ['SUP-2']],
    ['summary ~ "LOGIN"', ['SUP-1']],
    ['summary ~ "\\u004cogin fails\\ton"', []],
    ['summary ~ "\\u004cogin"', ['SUP-1']],
    ['summary !~ slow AND project = SUP', ['SUP-1', 'SUP-3', 'SUP-4']],
    ['created >= "2026-09-02" AND created < "2026-09-04"', ['SUP-2', 'SUP-3']],
    ['created > "2026-09-01" AND created <= "2026/09/02"', ['SUP-1', 'SUP-2']],
    ['created = "2026-09-01 01:00"', ['SUP-1']],
    ['supportPlan = acme', ['SUP-1', 'SUP-2', 'OPS-5']],
    ['supportPlan != acme', ['SUP-3']],
    ['supportPlan is EMPTY', ['SUP-4']],
    ['supportPlan is not EMPTY AND supportBillingClass in (extra, "non-billable")', ['SUP-2', 'SUP-3']],
    ['issue.property[support-plan].planId = "acme" AND issue.property[support-plan].billingClass = covered', ['SUP-1', 'OPS-5']],
    ['supportBillingClass not in (covered)', ['SUP-2', 'SUP-3']],
    ['NOT supportPlan = acme AND project = SUP', ['SUP-3', 'SUP-4']],
    ['NOT (supportPlan = acme OR supportPlan = globex)', ['SUP-4']],
    ['worklogDate >= "2026-10-01"', ['SUP-3']],
    ['worklogDate < "2026-10-01" AND worklogDate >= "2026-09-30"', ['SUP-1', 'SUP-2', 'SUP-3']],
    ['worklogDate = "2026-09-30"', ['SUP-1', 'SUP-2']],
    ['worklogDate > "2026-09-30"', ['SUP-3']],
    ['worklogDate <= "2026-08-10"', ['SUP-3']],
    ['worklogDate is EMPTY', ['SUP-4', 'OPS-5']],
    ['worklogAuthor = acc-admin', ['SUP-2']],
    ['worklogAuthor in (acc-agent) ORDER BY created DESC', ['SUP-3', 'SUP-1']],
  ])('%s', async (jql, expected) => {
    expect(await keys(jql)).toEqual(expected);
  });

  it('reads worklog dates in the site time zone', async () => {
    expect(await keys('worklogDate >= "2026-10-01"', 'Europe/Berlin')).toEqual(['SUP-2', 'SUP-3']);
    expect(await keys('worklogDate = "2026-09-30"', 'Europe/Berlin')).toEqual(['SUP-1']);
  });

  it('matches each worklogDate clause on its own, as Jira does, so an issue may match with different worklogs', async () => {
    expect(await keys('worklogDate < "2026-09-01" AND worklogDate > "2026-10-14"')).toEqual(['SUP-3']);
  });

  it.each([
    ['status = Open', "Field 'status' does not exist or you do not have permission to view it."],
    ['assignee = currentUser()', "Error in the JQL Query: the function 'currentUser()' is not supported by the Jira simulator."],
    ['project = SUP AND', 'Error in the JQL Query: Expecting a field name but reached the end of the query.'],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['project > SUP', "The operator '>' is not supported by the 'project' field."],
    ['summary = x', "The operator '=' is not supported by the 'summary' field."],
    ['created > "yesterday"', "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd'."],
    ['project = SUP ORDER BY priority', "Not able to sort using field 'priority'."],
    ['project = SUP)', "Error in the JQL Query: The JQL part ')' is not supported. (line 1, character 14)"],
    ['project = "SUP', 'Error in the JQL Query: The quoted string starting at character 11 has not been completed.'],
    ['project is Open', "Error in the JQL Query: Expecting EMPTY or NULL but got 'Open'. (line 1, character 12)"],
    ['project = SUP & id = 1', "Error in the JQL Query: The character '&' is a reserved JQL character. (line 1, character 15)"],
    ['summary ~ "a\\qb"', "Error in the JQL Query: '\\q' is an illegal JQL escape sequence. The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character 13)"],
  ])('refuses %s with a message naming the unsupported part', async (jql, message) => {
    expect(await rejection(jql)).toEqual([message]);
  });
});

import { expect } from '@jest/globals';
import { useSimulatedJira } from './support/simulated-jira';

describe('findPlanIssues over HTTP against the simulator', () => {
  const ids = { twentyOne: '' };
  const jira = useSimulatedJira((site) => {
    for (let index = 0; index < 230; index += 1) site.issue({ planId: 'gold', worklogs: 3 });
    site.issue({ planId: 'gold', worklogs: 20 });
    ids.twentyOne = site.issue({ planId: 'gold', worklogs: 21, billingClass: 'extra' });
    site.issue({ planId: 'silver', worklogs: 2 });
    site.issue({ worklogs: 2 });
  });

  it('pages the search by nextPageToken and reads worklogs only for issues with more than 20', async () => {
    const { adapter, transport } = jira().connect();
    const issues = await adapter.findPlanIssues({ planId: 'gold' });

    expect(issues).toHaveLength(232);
    expect(issues.reduce((sum, issue) => sum + issue.worklogs.length, 0)).toBe(230 * 3 + 20 + 21);
    expect(transport.calls()).toEqual([
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/search/jql',
      'GET /rest/api/3/issue/{issueIdOrKey}/worklog',
    ]);
    expect(transport.sent[3]?.query).toEqual({ startAt: '0' });
    expect(transport.sent.map((request) => request.body)).toEqual([
      {
        jql: 'supportPlan = "gold"',
        fields: ['summary', 'project', 'worklog', 'priority', 'issuetype', 'customfield_10010'],
        properties: ['support-plan'],
        expand: 'changelog',
        maxResults: 100,
      },
      expect.objectContaining({ nextPageToken: expect.any(String) }),
      expect.objectContaining({ nextPageToken: expect.any(String) }),
      undefined,
    ]);
  });

  it('returns issues in the port’s terms with the link from the property', async () => {
    const { adapter } = jira().connect();
    const issues = await adapter.findPlanIssues({ planId: 'gold' });
    const twentyOne = issues.find((issue) => issue.id === ids.twentyOne);
    expect(twentyOne).toEqual({
      id: ids.twentyOne,
      key: 'SUP-232',
      summary: 'Issue 232',
      projectId: '10000',
      projectKey: 'SUP',
      link: { issueId: ids.twentyOne, issueKey: 'SUP-232', planId: 'gold', billingClass: 'extra' },
      worklogs: expect.any(Array),
      attributes: { priority: '3', issueType: '10001' },
      attributeChanges: [],
    });
    expect(twentyOne?.worklogs[0]).toEqual({
      id: expect.any(String),
      issueId: ids.twentyOne,
      started: '2026-10-05T09:00:00.000+0000',
      timeSpentSeconds: 1800,
      author: { accountId: 'acc-alice', displayName: 'Alice' },
      updated: expect.any(String),
    });
  });

  it('counts calls and points the way the simulator charges them', async () => {
    const { adapter } = jira().connect();
    jira().simulator.resetStats();
    await adapter.findPlanIssues({ planId: 'gold' });
    expect(adapter.stats()).toEqual({
      calls: 4,
      points: 4 + 232 + 21,
      retries: 0,
      byOperation: {
        search: { calls: 3, points: 3 + 232, retries: 0 },
        'issue-worklogs': { calls: 1, points: 1 + 21, retries: 0 },
      },
    });
    expect({ calls: jira().simulator.stats.calls, points: jira().simulator.stats.points }).toEqual({ calls: 4, points: 4 + 232 + 21 });
  });
});

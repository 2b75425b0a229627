import { allOf, queryAsTyped, supportPlanIs } from '../../../src/app/ports/jql';
import type { FoundIssue } from '../../../src/app/ports/jira';
import { useSimulatedJira } from './support/simulated-jira';
import { PROJECT, VIEWER } from './support/site-builder';

/** What bulk linking asks of Jira: the query checked, the issues found with project and link, the caller's rights on them. */
describe('searching, validating JQL and checking permissions in bulk', () => {
  const ids = { linked: '', malformed: '', bulk: [] as string[] };
  const jira = useSimulatedJira((site) => {
    ids.linked = site.issue({ planId: 'gold', billingClass: 'extra', worklogs: 0 });
    ids.malformed = site.issue({ property: { planId: 'gold', billingClass: 'sometimes' }, worklogs: 0 });
    for (let index = 0; index < 1050; index += 1) ids.bulk.push(site.issue({ worklogs: 0 }));
  });

  it('finds issues with their project and plan link, over as many pages as Jira makes', async () => {
    const { adapter, transport } = jira().connect();
    const found: FoundIssue[] = [];
    let pageToken: string | null = null;
    do {
      const page = await adapter.searchIssues(queryAsTyped('project = SUP ORDER BY id'), pageToken);
      found.push(...page.issues);
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
    expect(found.length).toBe(1052);
    expect(transport.calls()).toEqual(Array(11).fill('POST /rest/api/3/search/jql'));
    expect(found.slice(0, 2)).toEqual([
      { id: ids.linked, key: 'SUP-1', projectId: PROJECT.id, link: { issueId: ids.linked, issueKey: 'SUP-1', planId: 'gold', billingClass: 'extra' } },
      { id: ids.malformed, key: 'SUP-2', projectId: PROJECT.id, link: null },
    ]);
    expect(transport.sent[0]?.body).toEqual({ jql: 'project = SUP ORDER BY id', fields: ['project'], properties: ['support-plan'], maxResults: 5000 });
  });

  it('answers Jira\'s own errors for a query it refuses, none for a valid one, asking for strict validation', async () => {
    const { adapter, transport } = jira().connect();
    expect(await adapter.validateJql(allOf(supportPlanIs('gold')))).toEqual([]);
    expect(await adapter.validateJql(queryAsTyped('id > 0) OR (project = SUP'))).toEqual(["Error in the JQL Query: The JQL part ')' is not supported. (line 1, character 7)"]);
    expect(transport.sent.map((sent) => sent.query)).toEqual([{ validation: 'strict' }, { validation: 'strict' }]);
  });

  it('checks permissions on 1,000 issues a call and keeps the issues where every permission is held', async () => {
    const { adapter, transport } = jira().connect();
    const asked = [...ids.bulk, '99999'];
    const editable = await adapter.issuesWithPermissions(asked, ['BROWSE_PROJECTS', 'EDIT_ISSUES']);
    expect([...editable].sort()).toEqual([...ids.bulk].sort());
    expect(transport.calls()).toEqual(Array(2).fill('POST /rest/api/3/permissions/check'));

    const viewer = jira().connect({}, VIEWER).adapter;
    expect((await viewer.issuesWithPermissions(asked, ['BROWSE_PROJECTS'])).size).toBe(1050);
    expect((await viewer.issuesWithPermissions(asked, ['BROWSE_PROJECTS', 'EDIT_ISSUES'])).size).toBe(0);
    expect((await viewer.issuesWithPermissions([], ['EDIT_ISSUES'])).size).toBe(0);
  });
});

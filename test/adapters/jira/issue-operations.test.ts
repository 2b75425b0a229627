import { expect } from '@jest/globals';
import { allOf, supportPlanIs } from '../../../src/app/ports/jql';
import { useSimulatedJira } from './support/simulated-jira';
import { ALICE, PROJECT, VIEWER } from './support/site-builder';

describe('issues, links, permissions, user and project', () => {
  const ids = { linked: '', unlinked: '', malformed: '' };
  const jira = useSimulatedJira((site) => {
    ids.linked = site.issue({ planId: 'gold', billingClass: 'non-billable', worklogs: 1 });
    ids.unlinked = site.issue({ worklogs: 0 });
    ids.malformed = site.issue({ property: { planId: 'gold', billingClass: 'sometimes' }, worklogs: 0 });
    for (let index = 0; index < 5001; index += 1) site.issue({ planId: 'bulk', worklogs: 0 });
  });

  it('gets an issue with its link, and null for one that is not there', async () => {
    const { adapter } = jira().connect();
    expect(await adapter.getIssue('SUP-1')).toEqual({
      attributes: { priority: '3', issueType: '10001' },
      id: ids.linked,
      key: 'SUP-1',
      summary: 'Issue 1',
      projectId: PROJECT.id,
      projectKey: PROJECT.key,
      link: { issueId: ids.linked, issueKey: 'SUP-1', planId: 'gold', billingClass: 'non-billable' },
    });
    expect(await adapter.getIssue(ids.unlinked)).toMatchObject({ key: 'SUP-2', link: null });
    expect(await adapter.getIssue(ids.malformed)).toMatchObject({ key: 'SUP-3', link: null });
    expect(await adapter.getIssue('SUP-999999')).toBeNull();
  });

  it('sets, reads and clears the link property', async () => {
    const { adapter, transport } = jira().connect();
    expect(await adapter.getIssueLink(ids.unlinked)).toBeNull();

    await adapter.setIssueLink(ids.unlinked, { planId: 'silver', billingClass: 'extra' });
    // A link that does not say how it was set counts as set by hand.
    expect(await adapter.getIssueLink(ids.unlinked)).toEqual({ issueId: ids.unlinked, planId: 'silver', billingClass: 'extra', linkedBy: 'hand' });
    expect(transport.sent[1]?.body).toEqual({ planId: 'silver', billingClass: 'extra' });

    await adapter.setIssueLink(ids.unlinked, { planId: 'silver', billingClass: 'covered', linkedBy: 'organization' });
    expect(await adapter.getIssueLink(ids.unlinked)).toEqual({ issueId: ids.unlinked, planId: 'silver', billingClass: 'covered', linkedBy: 'organization' });

    await adapter.clearIssueLink(ids.unlinked);
    await adapter.clearIssueLink(ids.unlinked);
    expect(await adapter.getIssueLink(ids.unlinked)).toBeNull();
  });

  it('tells which of the asked permissions the caller holds', async () => {
    const keys = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'] as const;
    const alice = jira().connect({}, ALICE).adapter;
    const viewer = jira().connect({}, VIEWER).adapter;

    expect(await alice.myPermissions({ projectKey: PROJECT.key }, keys)).toEqual(new Set(keys));
    expect(await viewer.myPermissions({ projectKey: PROJECT.key }, keys)).toEqual(new Set(['BROWSE_PROJECTS']));
    expect(await viewer.myPermissions({ issueId: ids.linked }, ['EDIT_ISSUES'])).toEqual(new Set());
  });

  it('reads the current user and a project', async () => {
    const { adapter } = jira().connect();
    expect(await adapter.currentUser()).toEqual({ accountId: ALICE.accountId, displayName: 'Alice', timeZone: 'Europe/Berlin' });
    expect(await adapter.getProject(PROJECT.key)).toEqual({ ...PROJECT });
    expect(await adapter.getProject('NOPE')).toBeNull();
  });

  it('names people by account id, a hundred ids a call, leaving out ids Jira does not know', async () => {
    const { adapter, transport } = jira().connect({}, VIEWER);
    const unknown = Array.from({ length: 230 }, (_, index) => `gone-${index}`);
    const asked = [...unknown.slice(0, 150), VIEWER.accountId, ALICE.accountId, ...unknown.slice(150), ALICE.accountId];
    expect(await adapter.peopleByAccountId(asked)).toEqual([
      { accountId: VIEWER.accountId, displayName: 'Viewer', active: true, avatarUrl: expect.stringMatching(/^data:image\/svg\+xml;base64,/) },
      { accountId: ALICE.accountId, displayName: 'Alice', active: true, avatarUrl: expect.stringMatching(/^data:image\/svg\+xml;base64,/) },
    ]);
    expect(transport.calls()).toEqual(Array.from({ length: 3 }, () => 'GET /rest/api/3/user/bulk'));
    expect(transport.sent.map((request) => request.query.accountId?.length)).toEqual([100, 100, 32]);
    expect(transport.contractViolations).toEqual([]);
  });

  it('counts the same calls and points as the simulator charges', async () => {
    const { adapter } = jira().connect();
    jira().simulator.resetStats();
    await adapter.getIssue(ids.linked);
    await adapter.getIssue('SUP-999999');
    await adapter.getIssueLink(ids.linked);
    await adapter.getIssueLink(ids.unlinked);
    await adapter.currentUser();
    await adapter.getProject(PROJECT.key);
    await adapter.myPermissions({ projectKey: PROJECT.key }, ['BROWSE_PROJECTS']);
    await adapter.setIssueLink(ids.malformed, { planId: 'gold', billingClass: 'covered' });

    const { calls, points } = jira().simulator.stats;
    expect({ calls, points }).toEqual({ calls: 8, points: 12 });
    expect(adapter.stats()).toMatchObject({ calls, points });
  });

  it('counts issues over pages of 5,000 ids', async () => {
    const { adapter, transport } = jira().connect();
    const first = await adapter.searchIssueIds(allOf(supportPlanIs('bulk')));
    expect(first.issueIds).toHaveLength(5000);
    expect(first.nextPageToken).toEqual(expect.any(String));

    expect(await adapter.countIssues(allOf(supportPlanIs('bulk')))).toBe(5001);
    expect(transport.calls()).toEqual(Array(3).fill('POST /rest/api/3/search/jql'));
  });
});

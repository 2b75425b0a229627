import { parseWorklogs } from './worklogs';

/** A worklog with every field Jira's REST v3 sends. */
function jiraWorklog(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const user = {
    self: 'https://example.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g',
    accountId: '5b10a2844c20165700ede21g',
    displayName: 'Mia Krystof',
    active: true,
    timeZone: 'Europe/Berlin',
    accountType: 'atlassian',
    avatarUrls: { '48x48': 'https://avatar.example/48.png' },
  };
  return {
    self: `https://example.atlassian.net/rest/api/3/issue/10010/worklog/${id}`,
    author: user,
    updateAuthor: user,
    comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fixed it' }] }] },
    created: '2026-10-05T11:00:00.000+0200',
    updated: '2026-10-05T11:00:00.000+0200',
    visibility: { type: 'group', value: 'jira-developers', identifier: '276f955c-63d7-42c8-9520-92d01dca0625' },
    started: '2026-10-05T09:00:00.000+0200',
    timeSpent: '2h',
    timeSpentSeconds: 7200,
    id,
    issueId: '10010',
    ...overrides,
  };
}

const readFields = (id: string) => ({
  id,
  issueId: '10010',
  started: '2026-10-05T09:00:00.000+0200',
  timeSpentSeconds: 7200,
  author: { accountId: '5b10a2844c20165700ede21g', displayName: 'Mia Krystof' },
  updated: '2026-10-05T11:00:00.000+0200',
});

function page(worklogs: unknown[], startAt = 0) {
  return { startAt, maxResults: 5000, total: worklogs.length, worklogs };
}

describe('parseWorklogs', () => {
  const expected = { ok: true, value: [readFields('1'), readFields('2'), readFields('3')] };

  it('keeps only the fields the ledger reads from a page of worklogs', () => {
    expect(parseWorklogs(page([jiraWorklog('1'), jiraWorklog('2'), jiraWorklog('3')]))).toEqual(expected);
  });

  it('reads an array of pages in order', () => {
    expect(parseWorklogs([page([jiraWorklog('1'), jiraWorklog('2')]), page([jiraWorklog('3')], 2)])).toEqual(expected);
  });

  it('reads a plain array of worklogs', () => {
    expect(parseWorklogs([jiraWorklog('1'), jiraWorklog('2'), jiraWorklog('3')])).toEqual(expected);
  });

  it('reads the minimal worklog', () => {
    const minimal = { id: '9', issueId: '10010', started: '2026-10-05T09:00:00Z', timeSpentSeconds: 0 };
    expect(parseWorklogs([minimal])).toEqual({ ok: true, value: [minimal] });
  });

  it.each([
    ['a started time without offset', { started: '2026-10-05T09:00:00.000' }, 'must be a timestamp like 2026-10-05T09:00:00.000+0200'],
    ['an impossible started date', { started: '2026-02-30T09:00:00.000+0100' }, 'is not a real date and time'],
    ['an hour 24', { started: '2026-10-05T24:00:00.000+0200' }, 'must be a timestamp like 2026-10-05T09:00:00.000+0200'],
  ])('rejects %s', (_case, overrides, message) => {
    expect(parseWorklogs(page([jiraWorklog('1'), jiraWorklog('2', overrides)]))).toEqual({
      ok: false,
      issues: [{ path: 'worklogs[1].started', record: 'id "2"', message }],
    });
  });

  it('rejects negative time spent', () => {
    expect(parseWorklogs([jiraWorklog('7', { timeSpentSeconds: -60 })])).toEqual({
      ok: false,
      issues: [{ path: '[0].timeSpentSeconds', record: 'id "7"', message: 'must not be negative (seconds)' }],
    });
  });

  it('rejects a field Jira does not send, such as a misspelt one', () => {
    expect(parseWorklogs([page([]), page([jiraWorklog('8', { timeSpendSeconds: 60 })])])).toEqual({
      ok: false,
      issues: [{ path: '[1].worklogs[0].timeSpendSeconds', record: 'id "8"', message: 'is not a known field' }],
    });
  });

  it('rejects an author without an account id', () => {
    expect(parseWorklogs([jiraWorklog('9', { author: { displayName: 'Anonymous' } })])).toEqual({
      ok: false,
      issues: [{ path: '[0].author.accountId', record: 'id "9"', message: 'is required' }],
    });
  });

  it('rejects a page without its worklogs', () => {
    expect(parseWorklogs({ startAt: 0, maxResults: 50, total: 0 })).toEqual({
      ok: false,
      issues: [{ path: 'worklogs', message: 'is required' }],
    });
  });
});

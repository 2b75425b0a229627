import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorklogs } from '../../src/input';
import { documentedProperties, validateResponse } from '../support/openapi';

const root = join(__dirname, '..', '..');
const worklogPath = '/rest/api/3/issue/{issueIdOrKey}/worklog';
const worklogListPath = '/rest/api/3/worklog/list';
const site = 'https://your-domain.atlassian.net';

/** Jira's documented example user, with every other property its `UserDetails` schema documents filled in. */
const jiraUser = {
  self: `${site}/rest/api/3/user?accountId=5b10a2844c20165700ede21g`,
  accountId: '5b10a2844c20165700ede21g',
  accountType: 'atlassian',
  active: false,
  avatarUrls: Object.fromEntries(['16x16', '24x24', '32x32', '48x48'].map((size) => [size, `${site}/avatars/${size}.png`])),
  displayName: 'Mia Krystof',
  emailAddress: 'mia@example.com',
  key: '',
  name: '',
  timeZone: 'Australia/Sydney',
};

/** Jira's documented example worklog, with every other property its `Worklog` schema documents filled in. */
const jiraWorklog = {
  self: `${site}/rest/api/3/issue/10010/worklog/10000`,
  author: jiraUser,
  updateAuthor: jiraUser,
  comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'I did some work here.' }] }] },
  created: '2021-01-17T12:40:00.000+0000',
  updated: '2021-01-18T23:45:00.000+0000',
  visibility: { identifier: '276f955c-63d7-42c8-9520-92d01dca0625', type: 'group', value: 'jira-developers' },
  started: '2021-01-17T12:34:00.000+0000',
  timeSpent: '3h 20m',
  timeSpentSeconds: 12000,
  id: '100028',
  issueId: '10002',
  properties: [{ key: 'origin', value: { source: 'timer' } }],
};

const jiraPage = { startAt: 0, maxResults: 1, total: 1, worklogs: [jiraWorklog] };

const readWorklog = {
  id: '100028',
  issueId: '10002',
  started: '2021-01-17T12:34:00.000+0000',
  timeSpentSeconds: 12000,
  author: { accountId: '5b10a2844c20165700ede21g', displayName: 'Mia Krystof' },
  updated: '2021-01-18T23:45:00.000+0000',
};

describe('worklogs as Jira sends them', () => {
  it("fills in every property of the OpenAPI document's worklog, user and page schemas", () => {
    expect(Object.keys(jiraWorklog).sort()).toEqual(documentedProperties('Worklog'));
    expect(Object.keys(jiraUser).sort()).toEqual(documentedProperties('UserDetails'));
    expect(Object.keys(jiraPage).sort()).toEqual(documentedProperties('PageOfWorklogs'));
  });

  it('is what the OpenAPI document says Jira answers', () => {
    expect(validateResponse('get', worklogPath, 200, jiraPage)).toEqual({ valid: true, errors: [] });
    expect(validateResponse('post', worklogListPath, 200, [jiraWorklog])).toEqual({ valid: true, errors: [] });
  });

  it('reads a page of worklogs with every documented property', () => {
    expect(parseWorklogs(jiraPage)).toEqual({ ok: true, value: [readWorklog] });
  });

  it('reads a worklog list with every documented property', () => {
    expect(parseWorklogs([jiraWorklog])).toEqual({ ok: true, value: [readWorklog] });
  });

  it.each(['contract-300h', 'payg', 'mixed'])('examples/%s/worklogs.json holds valid Jira responses', (scenario) => {
    const document: unknown = JSON.parse(readFileSync(join(root, 'examples', scenario, 'worklogs.json'), 'utf8'));
    const pages = Array.isArray(document) ? document : [document];
    const invalid = pages.map((page) => validateResponse('get', worklogPath, 200, page)).filter((result) => !result.valid);
    expect(invalid).toEqual([]);
  });
});

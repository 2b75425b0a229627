import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorklogs } from '../../src/input';
import { validateResponse } from '../support/openapi';

const root = join(__dirname, '..', '..');
const worklogPath = '/rest/api/3/issue/{issueIdOrKey}/worklog';

interface OpenApiExamples {
  readonly paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: string }> }> }>>;
}

function responseExample(path: string, method: string): unknown {
  const document: OpenApiExamples = JSON.parse(readFileSync(join(root, '..', 'shared', 'jira-openapi', 'worklog-subset.json'), 'utf8'));
  const example = document.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.example;
  if (example === undefined) throw new Error(`no example for ${method} ${path}`);
  return JSON.parse(example);
}

const exampleWorklog = {
  id: '100028',
  issueId: '10002',
  started: '2021-01-17T12:34:00.000+0000',
  timeSpentSeconds: 12000,
  author: { accountId: '5b10a2844c20165700ede21g', displayName: 'Mia Krystof' },
  updated: '2021-01-18T23:45:00.000+0000',
};

describe('worklogs as Jira sends them', () => {
  it("reads the OpenAPI document's example page of worklogs", () => {
    expect(parseWorklogs(responseExample(worklogPath, 'get'))).toEqual({ ok: true, value: [exampleWorklog] });
  });

  it("reads the OpenAPI document's example worklog list", () => {
    expect(parseWorklogs(responseExample('/rest/api/3/worklog/list', 'post'))).toEqual({ ok: true, value: [exampleWorklog] });
  });

  it.each(['contract-300h', 'payg', 'mixed'])('examples/%s/worklogs.json holds valid Jira responses', (scenario) => {
    const document: unknown = JSON.parse(readFileSync(join(root, 'examples', scenario, 'worklogs.json'), 'utf8'));
    const pages = Array.isArray(document) ? document : [document];
    const invalid = pages.map((page) => validateResponse('get', worklogPath, 200, page)).filter((result) => !result.valid);
    expect(invalid).toEqual([]);
  });
});

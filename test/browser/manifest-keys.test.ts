/** The module keys the front end and the preview's tests name must be the ones manifest.yml declares. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { PROJECT_PAGE_MODULE_KEY } from '../../static/shared/modules';
import { SURFACES } from '../../static/surfaces';
import { MODULE_KEYS } from './support/frames';

const manifestSchema = z.object({
  modules: z.record(z.string(), z.array(z.looseObject({ key: z.string() }))),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
});
const manifest = manifestSchema.parse(parse(readFileSync(path.join(__dirname, '..', '..', 'manifest.yml'), 'utf8')));
const keysOf = (type: string) => (manifest.modules[type] ?? []).map((module) => module.key);

describe('module keys shared with manifest.yml', () => {
  it('names the project page the issue panel links to', () => {
    expect(keysOf('jira:projectPage')).toEqual([PROJECT_PAGE_MODULE_KEY]);
  });

  it('names the four surfaces the browser tests look for', () => {
    expect([keysOf('jira:issuePanel'), keysOf('jira:projectPage'), keysOf('jira:projectSettingsPage'), keysOf('jira:dashboardGadget')]).toEqual([
      [MODULE_KEYS.issuePanel],
      [MODULE_KEYS.projectPage],
      [MODULE_KEYS.projectSettings],
      [MODULE_KEYS.gadget],
    ]);
  });

  it('points every Custom UI resource at a folder the static build writes', () => {
    expect(manifest.resources.map((resource) => resource.path).sort()).toEqual(SURFACES.map((surface) => `static/${surface}/build`).sort());
  });
});

import { expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { PlatformResource } from '../../src/adapters/jira/transport';
import { ROUTES } from '../../src/jira-simulator/routes';
import { isObject, member, type Json, type JsonObject } from '../../scripts/jira-openapi/json';
import { UPCOMING_OPERATIONS } from '../../scripts/jira-openapi/operations';
import { contentSha256, formatSubset, operationName, SUBSET_PATH } from '../../scripts/jira-openapi/subset-document';

/** Every platform resource the access layer names (JSM's are outside this document): the compiler insists on each. */
const ACCESS_LAYER_TEMPLATES: Record<PlatformResource['template'], true> = {
  '/rest/api/3/search/jql': true,
  '/rest/api/3/jql/parse': true,
  '/rest/api/3/permissions/check': true,
  '/rest/api/3/issue/{issueIdOrKey}': true,
  '/rest/api/3/issue/{issueIdOrKey}/worklog': true,
  '/rest/api/3/issue/{issueIdOrKey}/changelog': true,
  '/rest/api/3/issue/{issueIdOrKey}/notify': true,
  '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': true,
  '/rest/api/3/worklog/updated': true,
  '/rest/api/3/worklog/deleted': true,
  '/rest/api/3/worklog/list': true,
  '/rest/api/3/mypermissions': true,
  '/rest/api/3/myself': true,
  '/rest/api/3/user': true,
  '/rest/api/3/user/bulk': true,
  '/rest/api/3/project/{projectIdOrKey}': true,
  '/rest/api/3/priority/search': true,
};

const text = readFileSync(SUBSET_PATH, 'utf8');
const subset = JSON.parse(text) as JsonObject;
const provenance = subset['x-subset'];

function operationsIn(paths: Json | undefined): string[] {
  if (!isObject(paths)) return [];
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(isObject(item) ? item : {})
      .filter((key) => key !== 'parameters')
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function references(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [child] : references(child)));
}

function resolves(pointer: string): boolean {
  const segments = pointer.replace(/^#\//, '').split('/');
  return segments.reduce<Json | undefined>((value, segment) => member(value, segment.replace(/~1/g, '/').replace(/~0/g, '~')), subset) !== undefined;
}

describe('the committed Jira OpenAPI subset', () => {
  it('records the SHA-256 of its own content', () => {
    expect(member(provenance, 'sha256')).toBe(contentSha256(subset));
  });

  it('is written exactly as `npm run openapi:subset` writes it', () => {
    expect(text).toBe(formatSubset(subset));
  });

  it('records where it comes from', () => {
    expect(member(provenance, 'source')).toEqual({
      title: member(subset.info, 'title'),
      version: member(subset.info, 'version'),
      openapi: subset.openapi,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('lists exactly the operations it keeps', () => {
    expect([...(member(provenance, 'operations') as string[])].sort()).toEqual(operationsIn(subset.paths).sort());
  });

  it('keeps every operation the Jira simulator serves (run `npm run openapi:subset` after adding a route)', () => {
    const kept = new Set(operationsIn(subset.paths));
    expect(ROUTES.map(operationName).filter((operation) => !kept.has(operation))).toEqual([]);
  });

  it('keeps every resource the access layer calls', () => {
    const paths = Object.keys(isObject(subset.paths) ? subset.paths : {});
    expect(Object.keys(ACCESS_LAYER_TEMPLATES).filter((template) => !paths.includes(template))).toEqual([]);
  });

  it('keeps the operations upcoming work is checked against', () => {
    const kept = new Set(operationsIn(subset.paths));
    expect(UPCOMING_OPERATIONS.map(operationName).filter((operation) => !kept.has(operation))).toEqual([]);
  });

  it('holds every schema its operations reference', () => {
    expect(references(subset).filter((reference) => !resolves(reference))).toEqual([]);
  });
});

import path from 'node:path';
import stringify from 'json-stringify-pretty-compact';
import { canonicalJson } from '../../src/ledger/canonical-json';
import { isObject, member, sha256, type Json, type JsonObject } from './json';
import { trimToOperations, type Operation } from './trim';

/** The committed subset the contract tests read. */
export const SUBSET_PATH = path.join(__dirname, '..', '..', 'test', 'contract', 'jira-openapi-subset.json');

export const REGENERATE_COMMAND = 'npm run openapi:subset -- <path to jira-platform-openapi.json>';

const LEADING_KEYS = ['openapi', 'info', 'x-subset'];

function text(value: Json | undefined, what: string): string {
  if (typeof value !== 'string') throw new Error(`The source document has no ${what}`);
  return value;
}

export function operationName({ method, path: template }: Operation): string {
  return `${method} ${template}`;
}

/**
 * SHA-256 of the canonical form: the document without `x-subset.sha256`, keys sorted at every
 * depth, written by `JSON.stringify` with no whitespace.
 */
export function contentSha256(document: JsonObject): string {
  const provenance = isObject(document['x-subset']) ? document['x-subset'] : {};
  const { sha256: _recorded, ...rest } = provenance;
  return sha256(canonicalJson({ ...document, 'x-subset': rest }));
}

/**
 * The file's text: provenance first, every other key sorted, two-space indented with objects
 * and arrays that fit in 100 columns kept on one line (half the size, still a readable diff).
 */
export function formatSubset(document: JsonObject): string {
  const sorted = JSON.parse(canonicalJson(document)) as JsonObject;
  const leading = LEADING_KEYS.filter((key) => key in sorted).map((key) => [key, sorted[key]] as const);
  const ordered = Object.fromEntries([...leading, ...Object.entries(sorted).filter(([key]) => !LEADING_KEYS.includes(key))]);
  return stringify(ordered, { indent: 2, maxLength: 100 }) + '\n';
}

/** The subset of `source` (the file's bytes) that keeps `operations`, with its provenance and content hash. */
export function buildSubset(sourceBytes: Buffer, operations: readonly Operation[]): JsonObject {
  const source = JSON.parse(sourceBytes.toString('utf8')) as Json;
  if (!isObject(source)) throw new Error('The source is not an OpenAPI document');
  const openapi = text(source.openapi, 'openapi version');
  const title = text(member(source.info, 'title'), 'info.title');
  const version = text(member(source.info, 'version'), 'info.version');
  const { paths, components } = trimToOperations(source, operations);
  // Written at the top as `x-subset`: where the subset came from and what it holds.
  const provenance: JsonObject = {
    source: { title, version, openapi, sha256: sha256(sourceBytes) },
    operations: [...new Set(operations.map(operationName))].sort(byPathThenMethod),
    generatedBy: REGENERATE_COMMAND,
  };
  const document: JsonObject = { openapi, info: { title, version }, 'x-subset': provenance, paths, components };
  return { ...document, 'x-subset': { ...provenance, sha256: contentSha256(document) } };
}

function byPathThenMethod(a: string, b: string): number {
  const key = (name: string) => name.split(' ').reverse().join(' ');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

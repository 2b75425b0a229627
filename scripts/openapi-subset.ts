/**
 * Rewrites the committed subset of Atlassian's Jira Cloud platform OpenAPI document that the
 * contract tests read:
 *
 *   npm run openapi:subset -- <path to jira-platform-openapi.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isObject, member, type Json } from './jira-openapi/json';
import { KEPT_OPERATIONS } from './jira-openapi/operations';
import { buildSubset, formatSubset, REGENERATE_COMMAND, SUBSET_PATH } from './jira-openapi/subset-document';

const [sourcePath, ...rest] = process.argv.slice(2);
if (sourcePath === undefined || rest.length > 0) {
  console.error(`Usage: ${REGENERATE_COMMAND}`);
  process.exit(2);
}

const subset = buildSubset(readFileSync(sourcePath), KEPT_OPERATIONS);
const text = formatSubset(subset);
writeFileSync(SUBSET_PATH, text);

const count = (value: Json | undefined) => (Array.isArray(value) ? value.length : isObject(value) ? Object.keys(value).length : 0);
const operations = count(member(subset['x-subset'], 'operations'));
const schemas = count(member(subset.components, 'schemas'));
const kilobytes = (Buffer.byteLength(text) / 1024).toFixed(1);
console.log(`${path.relative(process.cwd(), SUBSET_PATH)}: ${operations} operations, ${schemas} schemas, ${kilobytes} KiB`);

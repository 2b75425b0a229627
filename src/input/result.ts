import type * as z from 'zod';

/** One reason an input was rejected: where (`blocks[1].purchasedOn`), which record, and why. */
export interface InputIssue {
  /** Path to the field, e.g. `blocks[1].purchasedOn` or `[3].billingClass`; empty for the whole document. */
  readonly path: string;
  /** The record the field belongs to, when it has an id, e.g. `id "b-2"`. */
  readonly record?: string;
  readonly message: string;
}

export type InputResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

type PathSegment = PropertyKey;

export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, position) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      return position === 0 ? name : `.${name}`;
    })
    .join('');
}

const recordIdFields = ['id', 'issueId'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childOf(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value) && typeof segment === 'number') return value[segment];
  if (isRecord(value) && typeof segment === 'string') return value[segment];
  return undefined;
}

/** Names the innermost array element on the path that carries an id, so a message can say which record it means. */
function describeRecord(document: unknown, path: readonly PathSegment[]): string | undefined {
  let description: string | undefined;
  let value = document;
  for (const segment of path) {
    value = childOf(value, segment);
    if (typeof segment !== 'number' || !isRecord(value)) continue;
    const element = value;
    const idField = recordIdFields.find((field) => typeof element[field] === 'string' || typeof element[field] === 'number');
    if (idField !== undefined) description = `${idField} ${JSON.stringify(element[idField])}`;
  }
  return description;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Replaces zod's generic wording where a plainer message helps someone fixing a file by hand. */
const plainMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type' && issue.expected !== 'int') {
    return `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}, not ${describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, not ${describeValue(issue.input)}`;
  }
  return undefined;
};

function toInputIssues(document: unknown, issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  return issues.flatMap((issue) => {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    const message = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
    return paths.map((path) => issueAt(document, path, message));
  });
}

/** Parses a JSON document with a schema and reports every problem with its path and record. */
export function parseDocument<T>(schema: z.ZodType<T>, document: unknown): InputResult<T> {
  const parsed = schema.safeParse(document, { error: plainMessages });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: toInputIssues(document, parsed.error.issues) };
}

/** An issue at `path` in `document`, named with its record; also for checks made after parsing (duplicates, cross-file rules). */
export function issueAt(document: unknown, path: readonly PathSegment[], message: string): InputIssue {
  const record = describeRecord(document, path);
  return record === undefined ? { path: formatPath(path), message } : { path: formatPath(path), record, message };
}

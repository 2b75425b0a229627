import type * as z from 'zod';
import { badRequest } from '../http';

/** An integer query parameter, its default when absent; 400 when it is not an integer. */
export function integerParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw badRequest(`The value '${raw}' of the query parameter '${name}' is not an integer.`);
  return value;
}

export function optionalIntegerParam(query: URLSearchParams, name: string): number | null {
  return query.has(name) ? integerParam(query, name, 0) : null;
}

/** A list parameter, given repeated or comma-separated (Jira accepts both). */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** The body read through a zod schema; 400 with Jira's per-field `errors` when it does not fit. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors = Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.') || 'request', issue.message]));
  throw badRequest('', errors);
}

/**
 * The size and nesting of a resolver payload, checked before the contract parses it, so that an
 * oversized or deeply nested payload costs one bounded walk and never reaches a schema or a store.
 */
import { RESOLVER_PAYLOAD_MAX_BYTES, RESOLVER_PAYLOAD_MAX_DEPTH } from '../../input/limits';
import { type InputIssue, issueAt } from '../../input/result';

type Path = readonly (string | number)[];

interface Pending {
  readonly value: unknown;
  /** Where the value is, and where a size problem is reported: array items report their array. */
  readonly path: Path;
  readonly reportAt: Path;
  /** Objects and arrays around it, itself not counted. */
  readonly depth: number;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string as JSON writes it; at least its length, so a huge string is judged without encoding it. */
function stringBytes(text: string, budget: number): number {
  return text.length > budget ? text.length : encoder.encode(JSON.stringify(text)).length;
}

function scalarBytes(value: unknown, budget: number): number {
  if (typeof value === 'string') return stringBytes(value, budget);
  // JSON.stringify answers undefined for undefined, functions and symbols, though its declared type says string.
  return ((JSON.stringify(value) as string | undefined) ?? 'null').length;
}

/**
 * The first way the payload is too large or too deep, named by the field where it shows, or null.
 * Counts the bytes of its JSON as it walks, without serializing it, and stops at the first breach.
 */
export function payloadBoundsIssue(payload: unknown, maxBytes = RESOLVER_PAYLOAD_MAX_BYTES, maxDepth = RESOLVER_PAYLOAD_MAX_DEPTH): InputIssue | null {
  const tooLarge = (at: Path) => issueAt(payload, at, `is too large: a request may be at most ${maxBytes} bytes of JSON`);
  const pending: Pending[] = [{ value: payload, path: [], reportAt: [], depth: 0 }];
  let bytes = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path, reportAt, depth } = next;
    if (typeof value !== 'object' || value === null) {
      bytes += scalarBytes(value, maxBytes - bytes);
      if (bytes > maxBytes) return tooLarge(reportAt);
      continue;
    }
    if (depth >= maxDepth) return issueAt(payload, path, `nests too deep: a request may nest objects and arrays at most ${maxDepth} levels deep`);
    if (Array.isArray(value)) {
      bytes += 1 + Math.max(value.length, 1);
      if (bytes > maxBytes) return tooLarge(path);
      value.forEach((item: unknown, index) => pending.push({ value: item, path: [...path, index], reportAt: path, depth: depth + 1 }));
      continue;
    }
    const members: [string, unknown][] = Object.entries(value);
    bytes += 1 + Math.max(members.length, 1);
    if (bytes > maxBytes) return tooLarge(path);
    for (const [key, member] of members) {
      bytes += stringBytes(key, maxBytes - bytes) + 1;
      if (bytes > maxBytes) return tooLarge(path);
      pending.push({ value: member, path: [...path, key], reportAt: [...path, key], depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The canonical JSON of a value — object keys sorted, no spaces, `undefined` properties left
 * out — and its SHA-256, so that a frozen statement has one hash whatever order it was built in.
 * Web Crypto only (`globalThis.crypto.subtle`): no Node module in the use cases.
 */
import type { JsonValue } from '../ports/store';

/** Keys JavaScript objects put first, in numeric order, whatever order they were added in. */
const INDEX_LIKE_KEY = /^(?:0|[1-9]\d*)$/;

/** An object whose key order JavaScript would not keep. */
const UNORDERABLE = Symbol('unorderable');

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot carry ${value}`);
}

/** A copy with every object's keys added in sorted order and `undefined` properties left out; UNORDERABLE if a key is index-like. */
function keySorted(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    assertFinite(value);
    // As JSON writes it: -0 reads back as 0.
    return value === 0 ? 0 : value;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (const item of value as readonly unknown[]) {
      const sorted = keySorted(item);
      if (sorted === UNORDERABLE) return UNORDERABLE;
      copy.push(sorted);
    }
    return copy;
  }
  if (typeof value === 'object') {
    const record = value as Readonly<Record<string, unknown>>;
    const copy: Record<string, unknown> = {};
    // `sort()` orders by UTF-16 code units, as `<` does.
    for (const key of Object.keys(record).sort()) {
      if (INDEX_LIKE_KEY.test(key)) return UNORDERABLE;
      const item = record[key];
      if (item === undefined) continue;
      const sorted = keySorted(item);
      if (sorted === UNORDERABLE) return UNORDERABLE;
      copy[key] = sorted;
    }
    return copy;
  }
  throw new TypeError(`canonical JSON cannot carry a ${typeof value}`);
}

/** The canonical JSON written out piece by piece: for objects with index-like keys. */
function orderedText(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    assertFinite(value);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown) => orderedText(item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${orderedText(item)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot carry a ${typeof value}`);
}

/**
 * The canonical JSON of a value. A frozen statement can hold millions of values, so the keys are
 * put in order in a copy that the native `JSON.stringify` writes out; only objects whose key
 * order JavaScript would not keep (index-like keys) are written out piece by piece.
 */
export function canonicalJson(value: unknown): string {
  const sorted = keySorted(value);
  return sorted === UNORDERABLE ? orderedText(value) : JSON.stringify(sorted);
}

/**
 * The canonical JSON of a value, and the value as the store's plain JSON in canonical key order (what parsing that
 * text gives back): the key-sorted copy the text is written from, so the text need not be parsed again.
 */
export function canonicalForm(value: unknown): { readonly text: string; readonly value: JsonValue } {
  const sorted = keySorted(value);
  if (sorted !== UNORDERABLE) return { text: JSON.stringify(sorted), value: sorted as JsonValue };
  const text = orderedText(value);
  return { text, value: JSON.parse(text) as JsonValue };
}

/** The value as the store's plain JSON, in canonical key order. */
export function toCanonicalValue(value: unknown): JsonValue {
  return canonicalForm(value).value;
}

/** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

import type { JsonValue } from './ports/store';

/** Turns a record of one format into the next format's layout. Pure: a record may be upgraded on every read. */
export type FormatUpgrade = (value: JsonValue) => JsonValue;

/**
 * A record kind's layout history: `upgrades[n]` turns format n into format n + 1, so the format
 * this release writes is `upgrades.length`. Format 0 is a value stored without an envelope, as
 * every release up to fd534c3 wrote them.
 */
export type FormatHistory = readonly FormatUpgrade[];

/** The format history of the record stored under a key. */
export type RecordFormats = (key: string) => FormatHistory;

/** Format 1 kept format 0's layout and added the envelope that records the format. */
const unchanged: FormatUpgrade = (value) => value;
export const FIRST_FORMAT: FormatHistory = [unchanged];

/**
 * Record kinds whose layout changed after format 1, by kind (see `recordKind`). To change a
 * layout: add `[kind, [...FIRST_FORMAT, upgradeFrom1To2]]`, make the kind's reader expect the
 * new layout, and leave the old formats' upgrades in place: a record is upgraded as it is read
 * and stored in the current format on its next write, so old formats can be met at any time.
 */
const CHANGED_KINDS: ReadonlyMap<string, FormatHistory> = new Map();

/** A record's kind is its key up to the first ':' (`plan`, `agg`, `closing-version`, `alert`, …). */
export function recordKind(key: string): string {
  const colon = key.indexOf(':');
  return colon === -1 ? key : key.slice(0, colon);
}

export const RECORD_FORMATS: RecordFormats = (key) => CHANGED_KINDS.get(recordKind(key)) ?? FIRST_FORMAT;

/**
 * An issue's priority, issue type and request type over time, as the aggregates keep it for multiplier rules
 * (decision 0058). Each field is a timeline: its value before the first change known, then each change at its
 * instant. Built the same way from Jira's changelog (a recompute) and from issue events one at a time, in any order
 * and any number of times: the result depends only on the set of changes and the value seen when there were none.
 */
import type { Instant, IssueAttributes, TimedIssueAttributes } from '../../ledger/types';

export type AttributeField = keyof IssueAttributes;

const ATTRIBUTE_FIELDS: readonly AttributeField[] = ['priority', 'issueType', 'requestType'];

/** One change of a field, as Jira's changelog records it (ids, not names). */
export interface AttributeChange {
  readonly field: AttributeField;
  readonly at: Instant;
  readonly from: string | null;
  readonly to: string | null;
}

export interface FieldTimeline {
  /** The value before the first change (the value now when no change is known); null: none. */
  readonly initial: string | null;
  /** Ascending by instant, one an instant. */
  readonly changes: readonly (readonly [Instant, string | null])[];
}

export type AttributeHistory = Readonly<Partial<Record<AttributeField, FieldTimeline>>>;

export const NO_HISTORY: AttributeHistory = {};

/** The history with one more change: known changes stay, an earlier first change gives the value before it. */
export function withAttributeChange(history: AttributeHistory, change: AttributeChange): AttributeHistory {
  const known = history[change.field];
  const added: FieldTimeline = { initial: change.from, changes: [[change.at, change.to]] };
  return { ...history, [change.field]: known === undefined ? added : mergeTimelines(known, added) };
}

/**
 * The history knowing the issue's values as seen now (an issue event, a search): a field with no change known takes
 * the value seen; a field with changes keeps them, since they say more. A field without a value seen stays as it was.
 */
export function withAttributesSeen(history: AttributeHistory, seen: IssueAttributes): AttributeHistory {
  const next: Partial<Record<AttributeField, FieldTimeline>> = { ...history };
  for (const field of ATTRIBUTE_FIELDS) {
    const known = history[field];
    const value = seen[field];
    if (value !== undefined && (known === undefined || known.changes.length === 0)) next[field] = { initial: value, changes: [] };
  }
  return next;
}

/** What the issue's history is from the values now and its changelog: the same as applying them one by one. */
export function attributeHistoryOf(now: IssueAttributes, changes: readonly AttributeChange[]): AttributeHistory {
  return changes.reduce(withAttributeChange, withAttributesSeen(NO_HISTORY, now));
}

/** The history's changes at or after `since`, each from the value before it: what applied to another history adds them. */
export function changesSince(history: AttributeHistory, since: Instant): AttributeChange[] {
  return ATTRIBUTE_FIELDS.flatMap((field) => {
    const timeline = history[field];
    if (timeline === undefined) return [];
    return timeline.changes
      .map(([at, to], index): AttributeChange => ({ field, at, from: index === 0 ? timeline.initial : (timeline.changes[index - 1]?.[1] ?? null), to }))
      .filter((change) => change.at >= since);
  });
}

/** Two histories of one issue (stored in two values) together; `later` was written after `earlier`. */
export function mergeAttributeHistories(earlier: AttributeHistory, later: AttributeHistory): AttributeHistory {
  const merged: Partial<Record<AttributeField, FieldTimeline>> = { ...earlier };
  for (const field of ATTRIBUTE_FIELDS) {
    const first = earlier[field];
    const second = later[field];
    if (second !== undefined) merged[field] = first === undefined ? second : mergeTimelines(first, second);
  }
  return merged;
}

function mergeTimelines(earlier: FieldTimeline, later: FieldTimeline): FieldTimeline {
  const changes = [...new Map<Instant, string | null>([...earlier.changes, ...later.changes])].sort(([a], [b]) => a - b);
  return { initial: initialOf(earlier, later), changes };
}

/** The value before the first change is what the earliest change changed from; with no change known, the later value seen. */
function initialOf(earlier: FieldTimeline, later: FieldTimeline): string | null {
  const [firstEarlier] = earlier.changes;
  const [firstLater] = later.changes;
  if (firstEarlier === undefined) return later.initial;
  if (firstLater === undefined) return earlier.initial;
  return firstEarlier[0] < firstLater[0] ? earlier.initial : later.initial;
}

/**
 * The history as the ledger reads it: ascending by `since`, the first holding the values before any change (from the
 * epoch), then one at each instant something changed. Empty when nothing is known.
 */
export function timedAttributesOf(history: AttributeHistory): TimedIssueAttributes[] {
  const fields = ATTRIBUTE_FIELDS.filter((field) => history[field] !== undefined);
  if (fields.length === 0) return [];
  const instants = [...new Set(fields.flatMap((field) => (history[field]?.changes ?? []).map(([at]) => at)))].sort((a, b) => a - b);
  return [0, ...instants].map((since) => {
    const values: Partial<Record<AttributeField, string>> = {};
    for (const field of fields) {
      const value = valueAt(history[field], since);
      if (value !== null) values[field] = value;
    }
    return { since, ...values };
  });
}

function valueAt(timeline: FieldTimeline | undefined, instant: Instant): string | null {
  if (timeline === undefined) return null;
  let value = timeline.initial;
  for (const [at, to] of timeline.changes) {
    if (at > instant) break;
    value = to;
  }
  return value;
}

import type { PlanInternalId } from '../plans/plan-identity';
import { StoreError, type JsonValue, type Store } from '../ports/store';
import { AggregateReader, linkShardKeyOf, type StoredPart } from './aggregate-reader';
import { editAtomically, type KeyValues } from './edit-atomically';
import {
  applyWorklogChange,
  emptyEntry,
  withFacts,
  withoutOldTombstones,
  type IssueFacts,
  type WorklogChange,
} from './issue-entry';
import { partKey } from './keys';
import { ensureHead } from './plan-head';
import { aggregatePartSchema, linkShardSchema, type AggregatePart, type IssueEntry } from './records';
import { shardOf } from './shard-of';

export interface PlacementTarget {
  /** Only a stored plan's internal id: placing an issue creates the plan's head and parts if needed. */
  readonly planId: PlanInternalId;
  readonly facts: IssueFacts;
}

export interface IssuePlacement {
  readonly issueId: string;
  /** The plan the issue belongs to now, as Jira says; null: none. */
  readonly target: PlacementTarget | null;
  /** Worklog changes applied to the issue's entry on the way, in order. */
  readonly changes?: readonly WorklogChange[];
}

export interface PlacementOutcome {
  /** Storage writes made (0 for a duplicate or stale change). */
  readonly writes: number;
  /** The issue had no entry anywhere: worklogs it had before are not aggregated yet. */
  readonly enteredEmpty: boolean;
  /** Size of the part now holding the issue's entry (0 when none). */
  readonly partBytes: number;
}

/** Attempts to place an issue whose link another writer keeps moving. */
const MAX_RELOCATIONS = 12;

interface Resolved {
  readonly linkKey: string;
  readonly sourcePlanId: string | undefined;
  readonly sourceKey: string | undefined;
  readonly targetKey: string | undefined;
}

/**
 * Puts an issue's entry where Jira says it belongs, applying a worklog change on the way, in
 * one transaction over the part it leaves, the part it lands in and the issue → plan link:
 * a duplicate writes nothing, a normal event writes one part, a re-link moves the entry with
 * every worklog it holds. Retries from scratch when the link moved under it.
 */
export async function placeIssue(store: Store, placement: IssuePlacement, now: number): Promise<PlacementOutcome> {
  for (let attempt = 1; attempt <= MAX_RELOCATIONS; attempt += 1) {
    const resolved = await resolveKeys(store, placement);
    const keys = [...new Set([resolved.linkKey, resolved.sourceKey, resolved.targetKey])].filter(isKey);
    const last: { result?: NextValues | 'moved' } = {};
    const writes = await editAtomically(store, keys, (current) => {
      last.result = nextValues(current, resolved, placement, now);
      return last.result === 'moved' ? new Map() : last.result.values;
    });
    if (last.result !== undefined && last.result !== 'moved') {
      return { writes, enteredEmpty: last.result.enteredEmpty, partBytes: last.result.partBytes };
    }
  }
  throw new StoreError('conflict', `Issue ${placement.issueId} kept moving between plans during ${MAX_RELOCATIONS} attempts to place it.`);
}

async function resolveKeys(store: Store, placement: IssuePlacement): Promise<Resolved> {
  const reader = new AggregateReader(store);
  const linkKey = linkShardKeyOf(placement.issueId);
  const sourcePlanId = (await reader.linkShard(linkKey))[placement.issueId]?.[0];
  const sourceKey = sourcePlanId === undefined ? undefined : await entryPartKey(store, sourcePlanId, placement.issueId);
  const targetKey =
    placement.target === null
      ? undefined
      : placement.target.planId === sourcePlanId
        ? sourceKey
        : await entryPartKey(store, placement.target.planId, placement.issueId);
  return { linkKey, sourcePlanId, sourceKey, targetKey };
}

/** The part of the plan's live generation that holds the issue's entry, or where a new entry goes. */
async function entryPartKey(store: Store, planId: string, issueId: string): Promise<string> {
  const head = await ensureHead(store, planId);
  const shard = shardOf(issueId, head.shardCount);
  const parts = await new AggregateReader(store).shardParts(planId, head.generation, shard);
  return holding(parts, issueId)?.key ?? parts.at(-1)?.key ?? partKey(planId, head.generation, shard, 0);
}

function holding(parts: readonly StoredPart[], issueId: string): StoredPart | undefined {
  return parts.find((stored) => stored.part.i[issueId] !== undefined);
}

interface NextValues {
  readonly values: KeyValues;
  readonly enteredEmpty: boolean;
  readonly partBytes: number;
}

function nextValues(current: KeyValues, resolved: Resolved, placement: IssuePlacement, now: number): NextValues | 'moved' {
  const { issueId, target, changes = [] } = placement;
  const links = linkShardSchema.parse(current.get(resolved.linkKey) ?? {});
  if (links[issueId]?.[0] !== resolved.sourcePlanId) return 'moved';

  const parts = new Map<string, AggregatePart>();
  const partAt = (key: string): AggregatePart => parts.get(key) ?? aggregatePartSchema.parse(current.get(key) ?? { i: {} });
  const base = entryIn(resolved.sourceKey, partAt, issueId) ?? entryIn(resolved.targetKey, partAt, issueId);

  if (resolved.sourceKey !== undefined) parts.set(resolved.sourceKey, withEntry(partAt(resolved.sourceKey), issueId, undefined));
  const values = new Map<string, JsonValue | undefined>();
  if (target === null || resolved.targetKey === undefined) {
    const { [issueId]: dropped, ...others } = links;
    if (dropped !== undefined) values.set(resolved.linkKey, others);
  } else {
    const moved = withFacts(base ?? emptyEntry(target.facts), target.facts);
    const entry = withoutOldTombstones(changes.reduce(applyWorklogChange, moved), now);
    parts.set(resolved.targetKey, withEntry(partAt(resolved.targetKey), issueId, entry));
    values.set(resolved.linkKey, { ...links, [issueId]: [target.planId, entry.b, entry.k] });
  }
  for (const [key, part] of parts) values.set(key, part);
  const landed = resolved.targetKey === undefined ? undefined : parts.get(resolved.targetKey);
  return {
    values,
    enteredEmpty: target !== null && base === undefined,
    partBytes: landed === undefined ? 0 : new TextEncoder().encode(JSON.stringify(landed)).length,
  };
}

function entryIn(key: string | undefined, partAt: (key: string) => AggregatePart, issueId: string): IssueEntry | undefined {
  return key === undefined ? undefined : partAt(key).i[issueId];
}

function withEntry(part: AggregatePart, issueId: string, entry: IssueEntry | undefined): AggregatePart {
  const { [issueId]: _replaced, ...others } = part.i;
  return { i: entry === undefined ? others : { ...others, [issueId]: entry } };
}

function isKey(key: string | undefined): key is string {
  return key !== undefined;
}

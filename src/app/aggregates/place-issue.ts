import type { PlanInternalId } from '../plans/plan-identity';
import { StoreError, type JsonValue, type Store } from '../ports/store';
import {
  decodeLinkShard,
  decodePart,
  EMPTY_LINK_SHARD,
  EMPTY_PART,
  encodeLinkShard,
  encodePart,
  entryIn,
  factsOf,
  linkIn,
  linkPlanId,
  newEntry,
  newLink,
  partBytes,
  withEntry,
  withLinks,
  type AggregatePart,
  type IssueEntry,
  type IssueFacts,
} from './aggregate-codec';
import { AggregateReader, linkShardKeyOf, type StoredPart } from './aggregate-reader';
import { editAtomically, type KeyValues } from './edit-atomically';
import { applyWorklogChange, withFacts, withoutOldTombstones, type WorklogChange } from './issue-entry';
import { partKey } from './keys';
import { ensureHead } from './plan-head';
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
  /** The plan the issue's entry left (its internal id), when it moved out of one. */
  readonly leftPlanId: string | undefined;
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
      const left = resolved.sourcePlanId !== undefined && resolved.sourcePlanId !== placement.target?.planId && writes > 0;
      return { writes, enteredEmpty: last.result.enteredEmpty, partBytes: last.result.partBytes, leftPlanId: left ? resolved.sourcePlanId : undefined };
    }
  }
  throw new StoreError('conflict', `Issue ${placement.issueId} kept moving between plans during ${MAX_RELOCATIONS} attempts to place it.`);
}

async function resolveKeys(store: Store, placement: IssuePlacement): Promise<Resolved> {
  const reader = new AggregateReader(store);
  const linkKey = linkShardKeyOf(placement.issueId);
  const sourceLink = linkIn(await reader.linkShard(linkKey), placement.issueId);
  const sourcePlanId = sourceLink === undefined ? undefined : linkPlanId(sourceLink);
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
  return parts.find((stored) => entryIn(stored.part, issueId) !== undefined);
}

interface NextValues {
  readonly values: KeyValues;
  readonly enteredEmpty: boolean;
  readonly partBytes: number;
}

function nextValues(current: KeyValues, resolved: Resolved, placement: IssuePlacement, now: number): NextValues | 'moved' {
  const { issueId, target, changes = [] } = placement;
  const storedLinks = current.get(resolved.linkKey);
  const links = storedLinks === undefined ? EMPTY_LINK_SHARD : decodeLinkShard(storedLinks);
  const link = linkIn(links, issueId);
  if ((link === undefined ? undefined : linkPlanId(link)) !== resolved.sourcePlanId) return 'moved';

  const parts = new Map<string, AggregatePart>();
  const partAt = (key: string): AggregatePart => {
    const stored = current.get(key);
    return parts.get(key) ?? (stored === undefined ? EMPTY_PART : decodePart(stored));
  };
  const base = entryAt(resolved.sourceKey, partAt, issueId) ?? entryAt(resolved.targetKey, partAt, issueId);

  if (resolved.sourceKey !== undefined) parts.set(resolved.sourceKey, withEntry(partAt(resolved.sourceKey), issueId, undefined));
  const values = new Map<string, JsonValue | undefined>();
  if (target === null || resolved.targetKey === undefined) {
    if (link !== undefined) values.set(resolved.linkKey, encodeLinkShard(withLinks(links, [[issueId, undefined]])));
  } else {
    const moved = withFacts(base ?? newEntry(target.facts), target.facts);
    const entry = withoutOldTombstones(changes.reduce(applyWorklogChange, moved), now);
    parts.set(resolved.targetKey, withEntry(partAt(resolved.targetKey), issueId, entry));
    const { billingClass, issueKey } = factsOf(entry);
    values.set(resolved.linkKey, encodeLinkShard(withLinks(links, [[issueId, newLink(target.planId, billingClass, issueKey)]])));
  }
  for (const [key, part] of parts) values.set(key, encodePart(part));
  const landed = resolved.targetKey === undefined ? undefined : parts.get(resolved.targetKey);
  return {
    values,
    enteredEmpty: target !== null && base === undefined,
    partBytes: landed === undefined ? 0 : partBytes(landed),
  };
}

function entryAt(key: string | undefined, partAt: (key: string) => AggregatePart, issueId: string): IssueEntry | undefined {
  return key === undefined ? undefined : entryIn(partAt(key), issueId);
}

function isKey(key: string | undefined): key is string {
  return key !== undefined;
}

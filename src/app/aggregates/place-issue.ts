import type { PlanInternalId } from '../plans/plan-identity';
import { StoreError, type JsonValue, type Store } from '../ports/store';
import {
  entriesOf,
  entryIn,
  entrySize,
  factsOf,
  GONE_ENTRY,
  linkPlanId,
  mergeEntries,
  newEntry,
  newLink,
  replacing,
  sealCountOf,
  withEntry,
  type AggregatePart,
  type IssueEntry,
  type IssueFacts,
} from './aggregate-codec';
import { AggregateReader } from './aggregate-reader';
import type { PlanHead } from './records';
import { editAtomically, type KeyValues } from './edit-atomically';
import { applyWorklogChange, withFacts, withoutOldTombstones, type WorklogChange } from './issue-entry';
import { withAttributeChanges, type AttributeNews } from './issue-attributes-entry';
import { linkNow, linkOfRead, linkRecordOf, readLink, type LinkRead } from './issue-links';
import { decodeRecent, issueShard, recentWrites, type IssueShard } from './recent-value';

export interface PlacementTarget {
  /** Only a stored plan's internal id: placing an issue creates the plan's head and parts if needed. */
  readonly planId: PlanInternalId;
  readonly facts: IssueFacts;
  /** The plan's aggregate head, when the caller read it for many placements (reconciliation): not read again. */
  readonly head?: PlanHead;
}

export interface IssuePlacement {
  readonly issueId: string;
  /** The plan the issue belongs to now, as Jira says; null: none. */
  readonly target: PlacementTarget | null;
  /** Worklog changes applied to the issue's entry on the way, in order. */
  readonly changes?: readonly WorklogChange[];
  /** What an issue event told of its priority and types, kept in the entry's history on the way. */
  readonly attributes?: AttributeNews;
  /** The issue's link as the caller has just read it (`readLink`): the first attempt takes it instead of reading it again. */
  readonly link?: LinkRead;
}

export interface PlacementOutcome {
  /** Storage writes made (0 for a duplicate or stale change). */
  readonly writes: number;
  /**
   * The issue's worklogs before this placement are not in its plan's aggregate: it had no entry anywhere, or one
   * too large to move with it in one transaction.
   */
  readonly enteredEmpty: boolean;
  /** How many values the target shard has sealed, when this placement sealed one. */
  readonly sealedValues: number | undefined;
  /** The plan the issue's entry left (its internal id), when it moved out of one. */
  readonly leftPlanId: string | undefined;
  /** The plan it was placed in is being rebuilt by a full recompute: the generation written to is about to be replaced. */
  readonly targetRebuilding: boolean;
}

/** Attempts to place an issue whose link another writer keeps moving. */
const MAX_RELOCATIONS = 12;

/**
 * An entry up to this size moves with its issue in the move's transaction (1,500 to 1,900 worklogs, by the length of
 * their authors' account ids); a larger one is recomputed.
 */
const MOVE_INLINE_BYTES = 160 * 1024;

/** The issue's entries in the shard it leaves, but for the recent value's, and the seal count of that shard when they were read. */
interface Carried {
  readonly entries: readonly IssueEntry[];
  readonly sealCount: number;
}

interface Resolved {
  readonly link: LinkRead;
  readonly sourcePlanId: string | undefined;
  readonly source: IssueShard | undefined;
  readonly target: IssueShard | undefined;
  /** When the issue moves between plans. */
  readonly carried: Carried | undefined;
}

/**
 * Puts an issue's entry where Jira says it belongs, applying worklog changes on the way, in one transaction over
 * the issue → plan link and the recent value of the shard it is in (and, when it moves, of the shard it leaves):
 * a duplicate writes nothing, an event writes one small value, a re-link carries every worklog the issue has and
 * leaves a gone entry behind. Reads each key once; retries from scratch when the link moved under it.
 */
export async function placeIssue(store: Store, placement: IssuePlacement, now: number): Promise<PlacementOutcome> {
  for (let attempt = 1; attempt <= MAX_RELOCATIONS; attempt += 1) {
    const resolved = await resolve(store, placement, attempt === 1 ? placement.link : undefined);
    const keys = [...new Set([resolved.link.key, resolved.source?.recentKey, resolved.target?.recentKey])].filter(isKey);
    const last: { result?: NextValues | 'moved' } = {};
    const writes = await editAtomically(
      store,
      keys,
      (current) => {
        last.result = nextValues(current, resolved, placement, now);
        return last.result === 'moved' ? new Map() : last.result.values;
      },
      { known: new Map([[resolved.link.key, resolved.link.record]]) },
    );
    if (last.result !== undefined && last.result !== 'moved') {
      const left = resolved.sourcePlanId !== undefined && resolved.sourcePlanId !== placement.target?.planId && writes > 0;
      return {
        writes,
        enteredEmpty: last.result.enteredEmpty,
        sealedValues: last.result.sealed,
        leftPlanId: left ? resolved.sourcePlanId : undefined,
        targetRebuilding: resolved.target?.rebuilding === true,
      };
    }
  }
  throw new StoreError('conflict', `Issue ${placement.issueId} kept moving between plans during ${MAX_RELOCATIONS} attempts to place it.`);
}

async function resolve(store: Store, placement: IssuePlacement, known: LinkRead | undefined): Promise<Resolved> {
  const { issueId } = placement;
  // A removal reads the link itself: it folds a legacy shard first (`readLink`'s `removable`).
  const link = known !== undefined && placement.target !== null ? known : await readLink(store, issueId, placement.target === null);
  const stored = linkOfRead(link);
  const sourcePlanId = stored === undefined ? undefined : linkPlanId(stored);
  const target = placement.target === null ? undefined : await issueShard(store, placement.target.planId, issueId, placement.target.head);
  const source =
    sourcePlanId === undefined ? undefined : sourcePlanId === placement.target?.planId ? target : await issueShard(store, sourcePlanId, issueId);
  const carried = source !== undefined && target !== undefined && source !== target ? await carriedEntries(store, source, issueId) : undefined;
  return { link, sourcePlanId, source, target, carried };
}

async function carriedEntries(store: Store, shard: IssueShard, issueId: string): Promise<Carried> {
  const values = await new AggregateReader(store).shardParts(shard.planId, shard.generation, shard.shard);
  const recent = values.find((value) => value.key === shard.recentKey);
  const entries = values.filter((value) => value !== recent).flatMap(({ part }) => entriesOf(part).filter(([id]) => id === issueId).map(([, entry]) => entry));
  return { entries, sealCount: recent === undefined ? 0 : sealCountOf(recent.part) };
}

interface NextValues {
  readonly values: KeyValues;
  readonly enteredEmpty: boolean;
  readonly sealed: number | undefined;
}

function nextValues(current: KeyValues, resolved: Resolved, placement: IssuePlacement, now: number): NextValues | 'moved' {
  const { issueId, target, changes = [] } = placement;
  const link = linkNow(current.get(resolved.link.key), resolved.link.legacy);
  if ((link === undefined ? undefined : linkPlanId(link)) !== resolved.sourcePlanId) return 'moved';

  const recents = new Map<string, AggregatePart>();
  const recentOf = (shard: IssueShard): AggregatePart => recents.get(shard.recentKey) ?? decodeRecent(current.get(shard.recentKey));
  const values = new Map<string, JsonValue | undefined>();
  const moving = resolved.source !== undefined && resolved.source !== resolved.target;
  let carried: IssueEntry | undefined;
  if (resolved.source !== undefined && moving) {
    const left = recentOf(resolved.source);
    // A seal since the shard was read moved the recent value's entries to a sealed value the carried entries lack.
    if (resolved.carried !== undefined && sealCountOf(left) !== resolved.carried.sealCount) return 'moved';
    const inRecent = entryIn(left, issueId);
    carried = mergeEntries([...(resolved.carried?.entries ?? []), ...(inRecent === undefined ? [] : [inRecent])]);
    recents.set(resolved.source.recentKey, withEntry(left, issueId, GONE_ENTRY));
  }

  let enteredEmpty = false;
  if (target === null || resolved.target === undefined) {
    if (link !== undefined) values.set(resolved.link.key, undefined);
  } else {
    const recent = recentOf(resolved.target);
    let start: IssueEntry;
    if (resolved.source === resolved.target) {
      start = entryIn(recent, issueId) ?? newEntry(target.facts);
    } else {
      // The issue enters the plan: its entry replaces whatever the shard held of it before.
      const movable = carried !== undefined && entrySize(issueId, carried) <= MOVE_INLINE_BYTES ? carried : undefined;
      enteredEmpty = movable === undefined;
      start = replacing(movable ?? newEntry(target.facts));
    }
    const entry = withAttributeChanges(withoutOldTombstones(changes.reduce(applyWorklogChange, withFacts(start, target.facts)), now), placement.attributes);
    recents.set(resolved.target.recentKey, withEntry(recent, issueId, entry));
    const { billingClass, issueKey } = factsOf(entry);
    values.set(resolved.link.key, linkRecordOf(newLink(target.planId, billingClass, issueKey)));
  }
  let sealed: number | undefined;
  for (const shard of [resolved.source, resolved.target]) {
    const recent = shard === undefined ? undefined : recents.get(shard.recentKey);
    if (shard === undefined || recent === undefined || values.has(shard.recentKey)) continue;
    const writes = recentWrites(shard, recent);
    for (const [key, value] of writes.values) values.set(key, value);
    if (shard === resolved.target) sealed = writes.sealed;
  }
  return { values, enteredEmpty, sealed };
}

function isKey(key: string | undefined): key is string {
  return key !== undefined;
}

/**
 * A shard's recent value: where events write an issue's changes, so that an event reads and writes one small value
 * whatever the size of the shard or of the issue. Grown past `SEAL_BYTES`, it is sealed: written as the shard's
 * next sealed value and started again empty, in the same transaction. Readers merge a shard's values in key order
 * (`mergeEntries`), so the changes count wherever they are.
 */
import type { JsonValue, Store } from '../ports/store';
import { decodePart, emptyRecent, encodePart, partBytes, sealCountOf, sealedOf, type AggregatePart } from './aggregate-codec';
import { recentKey, sealedKey } from './keys';
import { ensureHead } from './plan-head';
import type { PlanHead } from './records';
import { shardOf } from './shard-of';

/** A recent value is sealed once it is larger than this: an event's write stays within one 10 KB usage unit. */
export const SEAL_BYTES = 8 * 1024;

/** Where an issue's entries live in a plan's live generation. */
export interface IssueShard {
  readonly planId: string;
  readonly generation: number;
  readonly shard: number;
  readonly recentKey: string;
  /** A full recompute is building the plan's next generation, which will replace this one. */
  readonly rebuilding: boolean;
}

/**
 * The shard of the plan's live generation that holds the issue (the plan's head is created if it has none), by
 * the plan's head as `known` says it (read by a caller placing many issues of the plan) or as read now.
 */
export async function issueShard(store: Store, planId: string, issueId: string, known?: PlanHead): Promise<IssueShard> {
  const head = known ?? (await ensureHead(store, planId));
  const shard = shardOf(issueId, head.shardCount);
  return { planId, generation: head.generation, shard, recentKey: recentKey(planId, head.generation, shard), rebuilding: head.building !== undefined };
}

export function decodeRecent(value: JsonValue | undefined): AggregatePart {
  return value === undefined ? emptyRecent(0) : decodePart(value);
}

export interface RecentWrites {
  /** Key → value to write: the recent value, and the sealed one when it was sealed. */
  readonly values: readonly (readonly [string, JsonValue])[];
  /** How many values the shard has sealed, when this write sealed one. */
  readonly sealed: number | undefined;
}

/** What storing `recent` as the shard's recent value writes: itself, or, grown past `SEAL_BYTES`, its sealed copy and an empty one. */
export function recentWrites(shard: IssueShard, recent: AggregatePart): RecentWrites {
  if (partBytes(recent) <= SEAL_BYTES) return { values: [[shard.recentKey, encodePart(recent)]], sealed: undefined };
  const seal = sealCountOf(recent);
  return {
    values: [
      [sealedKey(shard.planId, shard.generation, shard.shard, seal), encodePart(sealedOf(recent))],
      [shard.recentKey, encodePart(emptyRecent(seal + 1))],
    ],
    sealed: seal + 1,
  };
}

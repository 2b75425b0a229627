/**
 * How a refresh stores what it computed, so that a refresh killed at any point leaves no entry chunk behind that no
 * source names: the earlier-work record goes first, naming every chunk the refresh is about to write or delete, then
 * those chunks, then the other records, then the chunk deletions; the head comes last (the caller's). A refresh that
 * finds an earlier-work record that is not its head's knows the one before it was killed, and deletes the chunks that
 * record names which its own sources do not (docs/internals/figures.md, "Refreshes").
 */
import { transactInBatches } from '../aggregates/transact-in-batches';
import { canonicalJson } from '../../ledger/canonical-json';
import { toJsonValue } from '../plans/to-json-value';
import type { JsonValue, Store, TransactOperation } from '../ports/store';
import { earlierWorkKey, entryChunkKeyNamed, entryChunkName } from './figures-keys';
import { earlierWorkSchema, type EarlierWork, type RefreshedFigures } from './figures-records';

/** The entry chunks a refresh writes (no stored source names them yet) and deletes (no source of its names them). */
export interface ChunkChange {
  readonly writes: readonly (readonly [string, JsonValue])[];
  readonly deletes: readonly string[];
}

/**
 * The change from the chunks stored sources name (`namedBefore`) and those a killed refresh may have left
 * (`leftBehind`) to the chunks the refresh's sources name (`wanted`).
 */
export function chunkChange(wanted: ReadonlyMap<string, JsonValue>, namedBefore: ReadonlySet<string>, leftBehind: readonly string[] = []): ChunkChange {
  return {
    writes: [...wanted].filter(([key]) => !namedBefore.has(key)),
    deletes: [...new Set([...namedBefore, ...leftBehind])].filter((key) => !wanted.has(key)),
  };
}

/** The chunks the stored earlier-work record names as unsettled, when the refresh that wrote it never wrote its head (`head`, the head's last refresh). */
export function chunksLeftBehind(planId: string, storedEarlierWork: JsonValue | undefined, head: Pick<RefreshedFigures, 'refreshedAt'> | null): string[] {
  const earlier = earlierWorkSchema.safeParse(storedEarlierWork).data;
  if (earlier === undefined || earlier.refreshedAt === head?.refreshedAt) return [];
  return earlier.unsettledChunks.map((name) => entryChunkKeyNamed(planId, name));
}

/** What a refresh stores besides its head. */
export interface RefreshWrites {
  /** What it records of the work before its reporting period, if anything, and the record as stored. */
  readonly earlierWork: { readonly stored: JsonValue | undefined; readonly next: Omit<EarlierWork, 'unsettledChunks'> | undefined };
  readonly chunks: ChunkChange;
  /** Every other record it writes. */
  readonly records: readonly TransactOperation[];
}

/**
 * Stores a refresh's records but its head, in the order that lets the next refresh clean up after this one if it
 * is killed: the earlier-work record naming the chunks it changes, the chunks it writes, the other records, then the
 * chunk deletions. The earlier-work record is written only when it changes, or chunks do.
 */
export async function storeRefresh(store: Store, planId: string, { earlierWork, chunks, records }: RefreshWrites): Promise<void> {
  const unsettledChunks = [...chunks.writes.map(([key]) => key), ...chunks.deletes].map((key) => entryChunkName(planId, key));
  const next = earlierWork.next && toJsonValue({ ...earlierWork.next, unsettledChunks });
  const stored = earlierWorkSchema.safeParse(earlierWork.stored).data;
  const unchanged = unsettledChunks.length === 0 && canonicalJson(stored && toJsonValue({ ...stored, unsettledChunks })) === canonicalJson(next);
  const journal: TransactOperation[] = next === undefined || unchanged ? [] : [{ set: { key: earlierWorkKey(planId), value: next } }];
  await transactInBatches(store, [...journal, ...chunks.writes.map(([key, value]) => ({ set: { key, value } }))]);
  await transactInBatches(store, records);
  await transactInBatches(store, chunks.deletes.map((key) => ({ delete: { key } })));
}

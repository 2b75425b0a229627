/**
 * The issue → plan links: one record an issue (`sync:link:<issueId>`), so the map grows with the site. Links stored
 * by earlier releases, in 128 shards (`sync:links:NNN`), are read where an issue has no record yet and never written
 * again: a placement writes the issue's record (which takes precedence), and before a link in a shard is removed the
 * whole shard is folded into records and deleted (`foldLegacyLinkShard`), as reconciliation does a few shards at a
 * time. Every write goes through `editLinks`, `placeIssue`, `removeIssueFromPlan` or a fold, each a transaction
 * conditioned on the records it read.
 */
import { StoreError, type JsonValue, type Store, type TransactOperation, type VersionedValue } from '../ports/store';
import { decodeLinkRecord, decodeLinkShard, encodeLinkRecord, linkIn, linksIn, type StoredLink } from './aggregate-codec';
import { editAtomically } from './edit-atomically';
import { LEGACY_LINK_SHARD_COUNT, LEGACY_LINK_SHARD_PREFIX, legacyLinkShardKey, linkKey } from './keys';
import { shardOf } from './shard-of';
import { transactInBatches } from './transact-in-batches';

/** An issue's link as stored: its own record as read, with its version, and, when it has none, what its legacy shard says. */
export interface LinkRead {
  readonly key: string;
  readonly record: VersionedValue | undefined;
  readonly legacy: StoredLink | undefined;
}

const legacyShardKeyOf = (issueId: string): string => legacyLinkShardKey(shardOf(issueId, LEGACY_LINK_SHARD_COUNT));

/**
 * Reads the issue's link record with its version, and its legacy shard when it has none. With `removable`, a link
 * found only in a legacy shard has that shard folded into records first, so that removing it is removing a record.
 */
export async function readLink(store: Store, issueId: string, removable = false): Promise<LinkRead> {
  const key = linkKey(issueId);
  const record = await store.getVersioned(key);
  if (record !== undefined) return { key, record, legacy: undefined };
  const shardKey = legacyShardKeyOf(issueId);
  const shard = await store.get(shardKey);
  if (shard === undefined) return { key, record, legacy: undefined };
  const legacy = linkIn(decodeLinkShard(shard), issueId);
  if (legacy === undefined || !removable) return { key, record, legacy };
  await foldLegacyLinkShard(store, shardKey, shard);
  return { key, record: await store.getVersioned(key), legacy: undefined };
}

/** The issue's link from its record's value (undefined: none stored) or, without a record, the legacy shard's. */
export function linkNow(record: JsonValue | undefined, legacy: StoredLink | undefined): StoredLink | undefined {
  return record === undefined ? legacy : decodeLinkRecord(record);
}

/** The issue's link as `readLink` found it. */
export function linkOfRead(read: LinkRead): StoredLink | undefined {
  return linkNow(read.record?.value, read.legacy);
}

/** The record that stores `next` as the issue's link; undefined: none. */
export function linkRecordOf(next: StoredLink | undefined): JsonValue | undefined {
  return next === undefined ? undefined : encodeLinkRecord(next);
}

/** The issue's link now. */
export async function storedLink(store: Store, issueId: string): Promise<StoredLink | undefined> {
  return linkOfRead(await readLink(store, issueId));
}

/** Records per transaction: a transaction holds at most 25 operations. */
const LINKS_PER_TRANSACTION = 25;

/**
 * Rewrites the links of many issues, up to 25 a transaction, each conditioned on the records it read; the legacy
 * shards naming any of them are folded into records first. `nextLink` answers an issue's new link from its current
 * one; `undefined` removes it.
 */
export async function editLinks(
  store: Store,
  issueIds: readonly string[],
  nextLink: (issueId: string, current: StoredLink | undefined) => StoredLink | undefined,
): Promise<void> {
  const unique = [...new Set(issueIds)];
  for (const shardKey of new Set(unique.map(legacyShardKeyOf))) {
    const shard = await store.get(shardKey);
    if (shard !== undefined) await foldLegacyLinkShard(store, shardKey, shard);
  }
  for (let start = 0; start < unique.length; start += LINKS_PER_TRANSACTION) {
    const batch = unique.slice(start, start + LINKS_PER_TRANSACTION);
    await editAtomically(
      store,
      batch.map(linkKey),
      (current) => new Map(batch.map((issueId) => [linkKey(issueId), linkRecordOf(nextLink(issueId, linkNow(current.get(linkKey(issueId)), undefined)))] as const)),
    );
  }
}

/**
 * Moves the links of up to `maxShards` legacy shards into records and deletes those shards. Resolves to the number
 * of shards folded.
 */
export async function foldLegacyLinkShards(store: Store, maxShards: number): Promise<number> {
  const page = await store.listByPrefix(LEGACY_LINK_SHARD_PREFIX, { limit: maxShards });
  for (const { key, value } of page.entries) await foldLegacyLinkShard(store, key, value);
  return page.entries.length;
}

/**
 * Moves a legacy shard's links into records, creating one only where the issue has none (one it has is newer), and
 * deletes the shard. Safe to stop anywhere and run again.
 */
async function foldLegacyLinkShard(store: Store, shardKey: string, value: JsonValue): Promise<void> {
  const links = linksIn(decodeLinkShard(value));
  for (let start = 0; start < links.length; start += LINKS_PER_TRANSACTION) await createMissingRecords(store, links.slice(start, start + LINKS_PER_TRANSACTION));
  await store.delete(shardKey);
}

async function createMissingRecords(store: Store, links: readonly (readonly [string, StoredLink])[]): Promise<void> {
  const create = (issueIds: ReadonlySet<string>): TransactOperation[] =>
    links.filter(([issueId]) => issueIds.has(issueId)).map(([issueId, link]) => ({ set: { key: linkKey(issueId), value: encodeLinkRecord(link), ifVersion: null } }));
  try {
    await store.transact(create(new Set(links.map(([issueId]) => issueId))));
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'conflict') throw error;
    // Some of these issues have records already: create the others, on the same condition.
    const missing = await Promise.all(links.map(async ([issueId]) => ((await store.getVersioned(linkKey(issueId))) === undefined ? [issueId] : [])));
    await transactInBatches(store, create(new Set(missing.flat())));
  }
}

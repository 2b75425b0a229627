/**
 * A frozen statement in the store. Its lists (lines, breakdowns, late adjustments) can exceed
 * one value's 240 KiB, so they are split over chunk keys of at most 200 KiB; the manifest keeps
 * every other field, the chunk count and the SHA-256 of the whole statement's canonical JSON.
 * Reading puts the statement back together and refuses it if the hash does not match.
 */
import { cutByBytes } from '../../collections/cut-by-bytes';
import type { JsonValue, Store, TransactOperation } from '../ports/store';
import { utf8Length } from '../../collections/utf8-length';
import { canonicalForm, canonicalJson, sha256Hex } from './canonical-json';
import { chunkKey } from './closing-keys';
import { storedChunkSchema, type StoredManifest } from './closing-records';

/**
 * The statement fields that grow with the work logged, late work included; everything else
 * (the totals and the adjustment charges, a few per closed period) stays in the manifest.
 */
export const CHUNKED_LISTS = ['byIssue', 'byAuthor', 'lines', 'outOfPlan', 'lateAdjustments'] as const;

export const CHUNK_MAX_BYTES = 200 * 1024;
/** Chunks per transaction: 16 × 200 KiB stays under a transaction's 4 MiB. */
const CHUNKS_PER_WRITE = 16;

/** A statement as plain JSON, typed as the manifest keeps its fields. */
type JsonObject = StoredManifest['head'];

/** Consecutive items of one of the statement's lists. */
export interface StatementChunk {
  readonly list: string;
  readonly items: readonly JsonValue[];
}

export interface SplitStatement {
  readonly head: JsonObject;
  readonly lists: readonly string[];
  readonly chunks: readonly StatementChunk[];
  readonly lineCount: number;
  readonly contentHash: string;
  readonly byteLength: number;
}

function isChunkedList(key: string): boolean {
  return (CHUNKED_LISTS as readonly string[]).includes(key);
}

/** Cuts a list, given as its items' canonical forms, into chunks of at most `CHUNK_MAX_BYTES` of JSON. */
function chunksOf(list: string, items: readonly { readonly text: string; readonly value: JsonValue }[]): StatementChunk[] {
  return cutByBytes(items, CHUNK_MAX_BYTES, () => ({ text }) => utf8Length(text) + 1).map((run) => ({ list, items: run.map(({ value }) => value) }));
}

/**
 * Splits a statement into its manifest fields and chunks, both as canonical JSON values, and
 * hashes its canonical JSON. Each item is made canonical once: the whole text is put together
 * from the pieces, which keeps a close of 100,000 late adjustments within a resolver's time.
 */
export async function splitStatement(statement: Readonly<Record<string, unknown>>): Promise<SplitStatement> {
  const head: JsonObject = {};
  const lists: string[] = [];
  const chunks: StatementChunk[] = [];
  const fields: string[] = [];
  // The order canonicalJson sorts keys in.
  for (const key of Object.keys(statement).sort()) {
    const value = statement[key];
    if (value === undefined) continue;
    if (isChunkedList(key) && Array.isArray(value)) {
      const items = value.map((item: unknown) => canonicalForm(item));
      lists.push(key);
      chunks.push(...chunksOf(key, items));
      fields.push(`${JSON.stringify(key)}:[${items.map((item) => item.text).join(',')}]`);
    } else {
      const item = canonicalForm(value);
      head[key] = item.value as JsonObject[string];
      fields.push(`${JSON.stringify(key)}:${item.text}`);
    }
  }
  const text = `{${fields.join(',')}}`;
  const lines = statement.lines;
  return { head, lists, chunks, lineCount: Array.isArray(lines) ? lines.length : 0, contentHash: await sha256Hex(text), byteLength: utf8Length(text) };
}

/** Writes the chunks under a prefix no other write uses, `CHUNKS_PER_WRITE` at a time. */
export async function writeChunks(store: Store, prefix: string, chunks: readonly StatementChunk[]): Promise<void> {
  for (let start = 0; start < chunks.length; start += CHUNKS_PER_WRITE) {
    const batch: TransactOperation[] = chunks
      .slice(start, start + CHUNKS_PER_WRITE)
      .map((chunk, offset) => ({ set: { key: chunkKey(prefix, start + offset), value: { list: chunk.list, items: chunk.items }, ifVersion: null } }));
    await store.transact(batch);
  }
}

/** Removes chunks a lost close wrote; nothing points at them. */
export async function deleteChunks(store: Store, prefix: string, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await store.delete(chunkKey(prefix, index));
}

export class FrozenStatementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrozenStatementError';
  }
}

/**
 * Whether the statement's canonical JSON has the hash. What this app froze reads back in
 * canonical key order already, so the native `JSON.stringify` of it is tried first; the
 * canonical form decides when that text differs (keys stored in another order).
 */
async function matchesHash(statement: JsonObject, expected: string): Promise<boolean> {
  const ordered: JsonObject = {};
  for (const key of Object.keys(statement).sort()) ordered[key] = statement[key] ?? null;
  if ((await sha256Hex(JSON.stringify(ordered))) === expected) return true;
  return (await sha256Hex(canonicalJson(statement))) === expected;
}

/** The frozen statement as plain JSON, exactly as it was closed; throws if a piece is missing or the hash differs. */
export async function readFrozenStatement(store: Store, manifest: StoredManifest): Promise<JsonObject> {
  const chunks = await Promise.all(
    Array.from({ length: manifest.chunkCount }, async (_, index) => {
      const value = await store.get(chunkKey(manifest.chunkPrefix, index));
      if (value === undefined) throw new FrozenStatementError(`Closed statement ${manifest.planId} ${manifest.periodLabel} v${manifest.version}: chunk ${index} is missing.`);
      return storedChunkSchema.parse(value);
    }),
  );
  const statement: JsonObject = { ...manifest.head };
  for (const list of manifest.lists) statement[list] = chunks.filter((chunk) => chunk.list === list).flatMap((chunk) => chunk.items);
  if (!(await matchesHash(statement, manifest.contentHash))) {
    throw new FrozenStatementError(`Closed statement ${manifest.planId} ${manifest.periodLabel} v${manifest.version} does not match its hash.`);
  }
  return statement;
}

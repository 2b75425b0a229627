import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ExpectedVersion, JsonValue, Store, StoreEntry, StoreError, TransactOperation } from '../../app/ports/store';
import {
  halvesOf,
  hashOfId,
  HashPartition,
  parsePartitionLabel,
  PartitionMap,
  partitionAtDepth,
  partitionLabel,
  WHOLE_HASH_SPACE,
} from './hash-partition';
import { utf8Bytes } from './json-codec';
import { jitteredBackoffMs, retryOnConflict } from './retry-on-conflict';

const headSchema = z.object({ g: z.string(), p: z.array(z.string()) });

/**
 * KVS charges a write by the 10 KB unit, so one record change costs its whole chunk: chunks of
 * ~20 KB cost ~2 units an event where chunks near the 240 KiB limit cost ~8, while a full
 * rewrite costs about the same total either way (measured in docs/readme/50-storage.md).
 */
const DEFAULT_SPLIT_ABOVE_BYTES = 64 * 1024;
const DEFAULT_FILL_BYTES = 40 * 1024;
const DEFAULT_MAX_ATTEMPTS = 10;
const TRANSACTION_DELETES = 25;
/** 2^20 chunks: far beyond any plan; reaching it means single records are too big. */
const MAX_EVEN_DEPTH = 20;

export interface ChunkedRecordSetOptions<R extends JsonValue> {
  readonly store: Store;
  /** Key prefix of this set, for example `agg:acme-gold:wl`; the set owns every key below it. */
  readonly prefix: string;
  /** Validates each record read back: stored data may have been written by an older release. */
  readonly recordSchema: z.ZodType<R>;
  /** A chunk that would grow past this splits in two; at most 240 KiB, defaults to 64 KiB. */
  readonly splitAboveBytes?: number;
  /** `replaceAll` fills chunks to at most this (default 40 KiB), leaving room for puts before a split. */
  readonly fillBytes?: number;
  /** Attempts of one put or delete under contention before it fails with `conflict`. */
  readonly maxAttempts?: number;
  readonly newGeneration?: () => string;
}

export type RecordUpdater<R> = (current: R | undefined) => R | undefined;

interface Head {
  readonly generation: string;
  readonly partitions: PartitionMap;
  /** `null` until the first write creates the head. */
  readonly version: ExpectedVersion;
}

interface Chunk<R> {
  readonly partition: HashPartition;
  readonly records: Map<string, R>;
}

/**
 * Many small records (for example 100,000 per-worklog contributions of one plan) kept in a
 * few store values of at most ~200 KiB: records are spread over chunks by a hash of their id,
 * and a chunk that grows too big splits in two. Putting or deleting one record rewrites one
 * chunk (one write, guarded by version conditions so concurrent writers lose nothing); a full
 * rewrite writes each chunk once. A head key names the live generation and its chunks.
 */
export class ChunkedRecordSet<R extends JsonValue> {
  private readonly store: Store;
  private readonly prefix: string;
  private readonly chunkSchema: z.ZodType<Record<string, R>>;
  private readonly splitAboveBytes: number;
  private readonly fillBytes: number;
  private readonly maxAttempts: number;
  private readonly newGeneration: () => string;

  constructor(options: ChunkedRecordSetOptions<R>) {
    this.store = options.store;
    this.prefix = options.prefix;
    this.chunkSchema = z.record(z.string(), options.recordSchema);
    this.splitAboveBytes = options.splitAboveBytes ?? DEFAULT_SPLIT_ABOVE_BYTES;
    this.fillBytes = options.fillBytes ?? DEFAULT_FILL_BYTES;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.newGeneration = options.newGeneration ?? (() => randomUUID().slice(0, 8));
  }

  /** Two reads: the head and one chunk. */
  async get(id: string): Promise<R | undefined> {
    const head = await this.readHead();
    const { records } = await this.readChunk(head, head.partitions.partitionOf(hashOfId(id)));
    return records.get(id);
  }

  async put(id: string, record: R): Promise<void> {
    await this.update(id, () => record);
  }

  async delete(id: string): Promise<void> {
    await this.update(id, () => undefined);
  }

  /**
   * Replaces one record by `updater(current)` (`undefined` removes it) atomically; writes nothing
   * when the record is unchanged. `updater` may run more than once. Resolves to the new record.
   */
  update(id: string, updater: RecordUpdater<R>): Promise<R | undefined> {
    return retryOnConflict(() => this.updateOnce(id, updater), {
      maxAttempts: this.maxAttempts,
      delayMs: jitteredBackoffMs,
      subject: `Record "${id}" of ${this.prefix}`,
    });
  }

  /** Every record, from one consistent set of chunks (reads ⌈chunks / 100⌉ pages plus the head twice). */
  readAll(): Promise<Map<string, R>> {
    return retryOnConflict(() => this.readAllOnce(), {
      maxAttempts: this.maxAttempts,
      delayMs: jitteredBackoffMs,
      subject: `The chunks of ${this.prefix}`,
    });
  }

  /**
   * Writes `records` as a new generation of evenly filled chunks, then switches the head to it
   * and deletes the old generation. Readers see the old set or the new one, never a mix. A
   * record put concurrently into the old generation is lost, so run this where the next
   * reconciliation repairs it (for example a full recompute from Jira).
   */
  async replaceAll(records: ReadonlyMap<string, R>): Promise<void> {
    const head = await this.readHead();
    const generation = this.newGeneration();
    const depth = this.evenDepthFor(records);
    const chunks = groupByPartition(records, depth);
    for (const chunk of chunks.filter((candidate) => candidate.records.size > 0)) {
      await this.store.set(this.chunkKey(generation, chunk.partition), Object.fromEntries(chunk.records));
    }
    const nextHead = headValue(generation, new PartitionMap(chunks.map((chunk) => chunk.partition)));
    try {
      await this.store.transact([{ set: { key: this.headKey(), value: nextHead, ifVersion: head.version } }]);
    } catch (error) {
      await this.deleteGeneration(generation);
      throw error;
    }
    await this.deleteGeneration(head.generation);
  }

  async chunkCount(): Promise<number> {
    return (await this.readHead()).partitions.size;
  }

  private async updateOnce(id: string, updater: RecordUpdater<R>): Promise<R | undefined> {
    const head = await this.readHead();
    const { chunk, version } = await this.readChunkVersioned(head, head.partitions.partitionOf(hashOfId(id)));
    const current = chunk.records.get(id);
    const next = updater(current);
    if (JSON.stringify(current) === JSON.stringify(next)) return next;
    const records = new Map(chunk.records);
    if (next === undefined) records.delete(id);
    else records.set(id, next);
    await this.store.transact(this.writeChunk(head, { partition: chunk.partition, records }, version));
    return next;
  }

  private writeChunk(head: Head, chunk: Chunk<R>, version: ExpectedVersion): TransactOperation[] {
    const key = this.chunkKey(head.generation, chunk.partition);
    const parts = this.splitUntilFits(chunk);
    if (parts.length === 1) {
      const write: TransactOperation =
        chunk.records.size === 0
          ? { delete: { key, ifVersion: version } }
          : { set: { key, value: Object.fromEntries(chunk.records), ifVersion: version } };
      const headGuard: TransactOperation =
        head.version === null
          ? { set: { key: this.headKey(), value: headValue(head.generation, head.partitions), ifVersion: null } }
          : { check: { key: this.headKey(), ifVersion: head.version } };
      return [headGuard, write];
    }
    const partitions = head.partitions.replacing(
      chunk.partition,
      parts.map((part) => part.partition),
    );
    return [
      { set: { key: this.headKey(), value: headValue(head.generation, partitions), ifVersion: head.version } },
      { delete: { key, ifVersion: version } },
      ...parts
        .filter((part) => part.records.size > 0)
        .map((part): TransactOperation => ({
          set: { key: this.chunkKey(head.generation, part.partition), value: Object.fromEntries(part.records), ifVersion: null },
        })),
    ];
  }

  /** A lone record too big for a chunk is left to the store, which refuses it as too large. */
  private splitUntilFits(chunk: Chunk<R>): Chunk<R>[] {
    if (chunk.records.size <= 1 || chunkBytes(chunk.records) <= this.splitAboveBytes) return [chunk];
    return halvesOf(chunk.partition).flatMap((half) =>
      this.splitUntilFits({ partition: half, records: recordsWithin(chunk.records, half) }),
    );
  }

  /** The smallest uniform depth at which every chunk holds at most `fillBytes`. */
  private evenDepthFor(records: ReadonlyMap<string, R>): number {
    const entryBytes = [...records].map(([id, record]) => ({ hash: hashOfId(id), bytes: entryBytesOf(id, record) }));
    const totalBytes = entryBytes.reduce((total, entry) => total + entry.bytes, 0);
    let depth = Math.max(0, Math.ceil(Math.log2(totalBytes / this.fillBytes)));
    for (;;) {
      const bytesPerChunk = new Map<number, number>();
      for (const { hash, bytes } of entryBytes) {
        const { bits } = partitionAtDepth(hash, depth);
        bytesPerChunk.set(bits, (bytesPerChunk.get(bits) ?? 2) + bytes);
      }
      if (Math.max(0, ...bytesPerChunk.values()) <= this.fillBytes) return depth;
      if (depth === MAX_EVEN_DEPTH) {
        throw new StoreError('value-too-large', `Records of ${this.prefix} are too big to fill chunks of ${this.fillBytes} bytes.`);
      }
      depth += 1;
    }
  }

  private async readAllOnce(): Promise<Map<string, R>> {
    const head = await this.readHead();
    const records = new Map<string, R>();
    for (const entry of await this.entriesUnder(this.generationPrefix(head.generation))) {
      for (const [id, record] of Object.entries(this.parseChunk(entry.key, entry.value))) records.set(id, record);
    }
    const headAfter = await this.store.getVersioned(this.headKey());
    if ((headAfter?.version ?? null) !== head.version) {
      throw new StoreError('conflict', `The chunks of ${this.prefix} were reorganised while being read.`);
    }
    return records;
  }

  private async readHead(): Promise<Head> {
    const stored = await this.store.getVersioned(this.headKey());
    if (stored === undefined) {
      return { generation: '0', partitions: new PartitionMap([WHOLE_HASH_SPACE]), version: null };
    }
    const head = headSchema.safeParse(stored.value);
    const partitions = head.success ? head.data.p.map(parsePartitionLabel) : [];
    if (!head.success || partitions.some((partition) => partition === undefined)) {
      throw new StoreError('unavailable', `The head of ${this.prefix} is corrupt.`);
    }
    return {
      generation: head.data.g,
      partitions: new PartitionMap(partitions.filter((partition) => partition !== undefined)),
      version: stored.version,
    };
  }

  private async readChunk(head: Head, partition: HashPartition): Promise<Chunk<R>> {
    return (await this.readChunkVersioned(head, partition)).chunk;
  }

  private async readChunkVersioned(head: Head, partition: HashPartition): Promise<{ chunk: Chunk<R>; version: ExpectedVersion }> {
    const key = this.chunkKey(head.generation, partition);
    const stored = await this.store.getVersioned(key);
    const records = stored === undefined ? {} : this.parseChunk(key, stored.value);
    return { chunk: { partition, records: new Map(Object.entries(records)) }, version: stored?.version ?? null };
  }

  private parseChunk(key: string, value: JsonValue): Record<string, R> {
    const parsed = this.chunkSchema.safeParse(value);
    if (!parsed.success) throw new StoreError('unavailable', `Chunk ${key} does not hold valid records.`);
    return parsed.data;
  }

  private async entriesUnder(prefix: string): Promise<StoreEntry[]> {
    const entries: StoreEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listByPrefix(prefix, cursor === undefined ? {} : { cursor });
      entries.push(...page.entries);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return entries;
  }

  private async deleteGeneration(generation: string): Promise<void> {
    const keys = (await this.entriesUnder(this.generationPrefix(generation))).map((entry) => entry.key);
    for (let start = 0; start < keys.length; start += TRANSACTION_DELETES) {
      await this.store.transact(keys.slice(start, start + TRANSACTION_DELETES).map((key) => ({ delete: { key } })));
    }
  }

  private headKey(): string {
    return `${this.prefix}:head`;
  }

  private generationPrefix(generation: string): string {
    return `${this.prefix}:g${generation}:`;
  }

  private chunkKey(generation: string, partition: HashPartition): string {
    return `${this.generationPrefix(generation)}${partitionLabel(partition)}`;
  }
}

function headValue(generation: string, partitions: PartitionMap): JsonValue {
  return { g: generation, p: partitions.sortedLabels() };
}

function recordsWithin<R>(records: ReadonlyMap<string, R>, partition: HashPartition): Map<string, R> {
  return new Map(
    [...records].filter(([id]) => partitionAtDepth(hashOfId(id), partition.depth).bits === partition.bits),
  );
}

function groupByPartition<R>(records: ReadonlyMap<string, R>, depth: number): Chunk<R>[] {
  const chunks = Array.from({ length: 2 ** depth }, (_, bits): Chunk<R> => ({ partition: { depth, bits }, records: new Map() }));
  for (const [id, record] of records) {
    chunks[partitionAtDepth(hashOfId(id), depth).bits]?.records.set(id, record);
  }
  return chunks;
}

function chunkBytes<R extends JsonValue>(records: ReadonlyMap<string, R>): number {
  return utf8Bytes(JSON.stringify(Object.fromEntries(records)));
}

/** `"id":record,` — one record's share of its chunk's serialized size. */
function entryBytesOf(id: string, record: JsonValue): number {
  return utf8Bytes(JSON.stringify(id)) + utf8Bytes(JSON.stringify(record)) + 2;
}

/**
 * The storage port the use cases call. Implemented over Forge's key-value store and, for
 * tests and the local preview, in memory and on local files — all three with Forge's limits.
 * Values are plain JSON; callers validate what they read (for example with a zod schema).
 * Every value is stored with its record format, and one written by an older release is
 * upgraded to today's format as it is read (src/app/record-formats.ts).
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object (not null, not an array); `Array.isArray` alone does not rule out readonly arrays for the compiler. */
export function isJsonObject(value: JsonValue | undefined): value is Readonly<Record<string, JsonValue>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Forge KVS limits, enforced by every storage adapter on the bytes it actually stores. */
export const FORGE_KVS_LIMITS = {
  maxKeyLength: 500,
  /** Forge's documented key pattern. */
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/,
  /** Serialized (UTF-8 JSON) size of one value. */
  maxValueBytes: 240 * 1024,
  maxTransactionOperations: 25,
  maxTransactionBytes: 4 * 1024 * 1024,
  maxPageSize: 100,
  /** Reads and writes are counted against the installation's budget in units of this size. */
  usageUnitBytes: 10 * 1024,
} as const;

/**
 * What every stored value may add around the caller's value: the record-format envelope
 * (src/adapters/storage/formatted-store.ts), whose size depends only on the format number.
 */
export const RECORD_ENVELOPE_MAX_BYTES = 32;

/**
 * What the production store adds around each value on Forge: the custom entity holding the value with its
 * key (up to 500 ASCII characters) and version, 573 bytes at most (src/adapters/storage/kvs-store.ts).
 */
export const STORED_ITEM_MAX_OVERHEAD_BYTES = 576;

/** Everything stored around a caller's value. */
const PER_VALUE_OVERHEAD_BYTES = RECORD_ENVELOPE_MAX_BYTES + STORED_ITEM_MAX_OVERHEAD_BYTES;

/**
 * The limits a caller of the `Store` port works within: Forge's, less what is stored around each value,
 * so a value of `maxValueBytes` is still within Forge's limit once it is stored.
 */
export const STORE_LIMITS = {
  ...FORGE_KVS_LIMITS,
  maxValueBytes: FORGE_KVS_LIMITS.maxValueBytes - PER_VALUE_OVERHEAD_BYTES,
  maxTransactionBytes: FORGE_KVS_LIMITS.maxTransactionBytes - FORGE_KVS_LIMITS.maxTransactionOperations * PER_VALUE_OVERHEAD_BYTES,
} as const;

export type StoreErrorCode =
  | 'invalid-key'
  | 'invalid-value'
  | 'value-too-large'
  | 'transaction-too-large'
  | 'duplicate-key-in-transaction'
  | 'invalid-page-size'
  | 'invalid-cursor'
  /** A version condition did not hold, or `update` ran out of attempts. */
  | 'conflict'
  /** A stored value's record format is newer than this release reads (the app was downgraded). */
  | 'unknown-format'
  | 'rate-limited'
  | 'unavailable';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** Opaque token that changes on every write of a key. */
export type Version = string;

/** The version a write expects to find: a `Version`, or `null` for "the key does not exist". */
export type ExpectedVersion = Version | null;

export interface VersionedValue {
  readonly value: JsonValue;
  readonly version: Version;
}

export interface StoreEntry {
  readonly key: string;
  readonly value: JsonValue;
}

export interface StorePage {
  /** In ascending key order. */
  readonly entries: readonly StoreEntry[];
  /** Absent on the last page. Valid only for the next call; don't persist it. */
  readonly nextCursor?: string;
}

export interface ListOptions {
  readonly cursor?: string;
  /** 1 to 100; defaults to 100. */
  readonly limit?: number;
}

/** One operation of an all-or-nothing transaction; `ifVersion` makes it conditional. */
export type TransactOperation =
  | { readonly set: { readonly key: string; readonly value: JsonValue; readonly ifVersion?: ExpectedVersion } }
  | { readonly delete: { readonly key: string; readonly ifVersion?: ExpectedVersion } }
  | { readonly check: { readonly key: string; readonly ifVersion: ExpectedVersion } };

/**
 * Computes the next value from the current one (`undefined` when absent). Return `undefined`
 * to delete the key. May run more than once, so it must not have side effects.
 */
export type Updater = (current: JsonValue | undefined) => JsonValue | undefined;

export interface UpdateOptions {
  /** Attempts before giving up with a `conflict` error; defaults to 10. */
  readonly maxAttempts?: number;
}

export interface Store {
  get(key: string): Promise<JsonValue | undefined>;
  getVersioned(key: string): Promise<VersionedValue | undefined>;
  set(key: string, value: JsonValue): Promise<void>;
  /** Succeeds whether or not the key exists. */
  delete(key: string): Promise<void>;
  listByPrefix(prefix: string, options?: ListOptions): Promise<StorePage>;
  /**
   * Applies every operation or none: ≤ 25 operations, each key at most once, ≤ 4 MB.
   * A failed `ifVersion` condition rejects the whole transaction with `conflict`.
   */
  transact(operations: readonly TransactOperation[]): Promise<void>;
  /**
   * Read-modify-write without losing concurrent writers: reads the value and its version,
   * applies `updater` and writes only if the version is unchanged, retrying otherwise.
   * Writes nothing when the updater returns a value equal to the current one.
   * Resolves to the value now stored.
   */
  update(key: string, updater: Updater, options?: UpdateOptions): Promise<JsonValue | undefined>;
}

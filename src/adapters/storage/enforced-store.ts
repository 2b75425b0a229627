import { randomUUID } from 'node:crypto';
import {
  JsonValue,
  ListOptions,
  FORGE_KVS_LIMITS,
  Store,
  StorePage,
  TransactOperation,
  UpdateOptions,
  Updater,
  Version,
  VersionedValue,
} from '../../app/ports/store';
import { serializeJson, utf8Bytes } from './json-codec';
import { Mutation, StorageBackend } from './storage-backend';
import {
  assertPageSize,
  assertTransactionBytes,
  assertTransactionShape,
  assertValidKey,
  assertValidPrefix,
  assertValueSize,
} from './store-limits';
import { jitteredBackoffMs, retryOnConflict } from '../../app/retry-on-conflict';
import { StoreUsage, UsageMeter } from './usage-meter';

const DEFAULT_MAX_ATTEMPTS = 10;

export interface EnforcedStoreOptions {
  /** Pause before retry number `retry` (1-based) of `update`; defaults to jittered exponential backoff. */
  readonly retryDelayMs?: (retry: number) => number;
  readonly newVersion?: () => Version;
  /**
   * The bytes the backend stores for a value, checked against Forge's limits: the value's JSON by
   * default, more where the backend wraps each value (KVS custom entities).
   */
  readonly storedBytes?: (key: string, json: string) => number;
}

/**
 * The `Store` over any `StorageBackend`: validates every request against Forge's limits before
 * anything is written, meters reads and writes, and implements `update` on version conditions.
 */
export class EnforcedStore implements Store {
  private readonly meter = new UsageMeter();
  private readonly retryDelayMs: (retry: number) => number;
  private readonly newVersion: () => Version;
  private readonly storedBytes: (key: string, json: string) => number;

  constructor(
    private readonly backend: StorageBackend,
    options: EnforcedStoreOptions = {},
  ) {
    this.retryDelayMs = options.retryDelayMs ?? jitteredBackoffMs;
    this.newVersion = options.newVersion ?? randomUUID;
    this.storedBytes = options.storedBytes ?? ((_key, json) => utf8Bytes(json));
  }

  usage(): StoreUsage {
    return this.meter.snapshot();
  }

  resetUsage(): void {
    this.meter.reset();
  }

  async get(key: string): Promise<JsonValue | undefined> {
    return (await this.getVersioned(key))?.value;
  }

  async getVersioned(key: string): Promise<VersionedValue | undefined> {
    assertValidKey(key);
    const item = await this.backend.read(key);
    this.meter.countRead(item?.bytes ?? 0);
    return item && { value: item.value, version: item.version };
  }

  set(key: string, value: JsonValue): Promise<void> {
    return this.transact([{ set: { key, value } }]);
  }

  delete(key: string): Promise<void> {
    return this.transact([{ delete: { key } }]);
  }

  async listByPrefix(prefix: string, options: ListOptions = {}): Promise<StorePage> {
    assertValidPrefix(prefix);
    const limit = options.limit ?? FORGE_KVS_LIMITS.maxPageSize;
    assertPageSize(limit);
    const page = await this.backend.list(prefix, limit, options.cursor);
    for (const { item } of page.items) this.meter.countRead(item.bytes);
    const entries = page.items.map(({ key, item }) => ({ key, value: item.value }));
    return page.nextCursor === undefined ? { entries } : { entries, nextCursor: page.nextCursor };
  }

  async transact(operations: readonly TransactOperation[]): Promise<void> {
    assertTransactionShape(operations);
    const mutations = operations.map((operation) => this.toMutation(operation));
    assertTransactionBytes(mutations.reduce((total, mutation) => total + utf8Bytes(mutation.key) + (mutation.kind === 'set' ? this.storedBytes(mutation.key, mutation.json) : 0), 0));
    if (mutations.length === 0) return;
    await this.backend.commit(mutations);
    for (const mutation of mutations) {
      if (mutation.kind === 'check') this.meter.countRead(0);
      else this.meter.countWrite(mutationBytes(mutation));
    }
  }

  update(key: string, updater: Updater, options: UpdateOptions = {}): Promise<JsonValue | undefined> {
    return retryOnConflict(() => this.updateOnce(key, updater), {
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      delayMs: this.retryDelayMs,
      subject: `Key "${key}"`,
    });
  }

  private async updateOnce(key: string, updater: Updater): Promise<JsonValue | undefined> {
    const current = await this.getVersioned(key);
    const next = updater(current?.value);
    if (isSameJson(current?.value, next)) return next;
    const ifVersion = current?.version ?? null;
    await this.transact([next === undefined ? { delete: { key, ifVersion } } : { set: { key, value: next, ifVersion } }]);
    return next;
  }

  private toMutation(operation: TransactOperation): Mutation {
    if ('set' in operation) {
      const { key, value, ifVersion } = operation.set;
      assertValidKey(key);
      const json = serializeJson(key, value);
      assertValueSize(key, this.storedBytes(key, json));
      return { kind: 'set', key, value, json, version: this.newVersion(), ...optionalIfVersion(ifVersion) };
    }
    if ('delete' in operation) {
      assertValidKey(operation.delete.key);
      return { kind: 'delete', key: operation.delete.key, ...optionalIfVersion(operation.delete.ifVersion) };
    }
    assertValidKey(operation.check.key);
    return { kind: 'check', key: operation.check.key, ifVersion: operation.check.ifVersion };
  }
}

function optionalIfVersion(ifVersion: Version | null | undefined): { ifVersion?: Version | null } {
  return ifVersion === undefined ? {} : { ifVersion };
}

function mutationBytes(mutation: Mutation): number {
  return utf8Bytes(mutation.key) + (mutation.kind === 'set' ? utf8Bytes(mutation.json) : 0);
}

function isSameJson(current: JsonValue | undefined, next: JsonValue | undefined): boolean {
  if (current === undefined || next === undefined) return current === next;
  return JSON.stringify(current) === JSON.stringify(next);
}

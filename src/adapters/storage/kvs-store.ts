import { Filter, FilterConditions, ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { ExpectedVersion, JsonValue, StoreError, Version } from '../../app/ports/store';
import { EnforcedStore, EnforcedStoreOptions } from './enforced-store';
import { utf8Bytes } from './json-codec';
import { ASSUMED_INVALID_CURSOR, isConditionFailure } from './kvs-undocumented';
import { Mutation, StorageBackend, StoredItem, StoredPage } from './storage-backend';

/**
 * Forge KVS accepts transaction conditions only on Custom Entity Store data, so every value
 * lives in one custom entity whose `version` attribute carries the optimistic-concurrency
 * token and whose `storeKey` index serves prefix listing. Declare it in manifest.yml as
 * `KVS_STORE_ENTITY_MANIFEST` shows.
 */
export const KVS_STORE_ENTITY = 'store-item';
const BY_KEY_INDEX = 'by-store-key';

export const KVS_STORE_ENTITY_MANIFEST = {
  name: KVS_STORE_ENTITY,
  attributes: { storeKey: { type: 'string' }, version: { type: 'string' }, value: { type: 'any' } },
  indexes: [{ name: BY_KEY_INDEX, range: ['storeKey'] }],
} as const;

type VersionFilter = ReturnType<Filter<StoreItemEntity>['and']>;

interface StoreItemEntity {
  storeKey: string;
  version: Version;
  value: JsonValue;
}

class KvsBackend implements StorageBackend {
  private readonly entity = kvs.entity<StoreItemEntity>(KVS_STORE_ENTITY);

  async read(key: string): Promise<StoredItem | undefined> {
    const found = await translateErrors(() => this.entity.get(key));
    return found && toItem(found);
  }

  async list(prefix: string, limit: number, cursor: string | undefined): Promise<StoredPage> {
    let query = this.entity.query().index(BY_KEY_INDEX).limit(limit);
    if (prefix !== '') query = query.where(WhereConditions.beginsWith(prefix));
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await translateErrors(() => query.getMany());
    const items = page.results.map(({ key, value }) => ({ key, item: toItem(value) }));
    return page.nextCursor === undefined ? { items } : { items, nextCursor: page.nextCursor };
  }

  async commit(mutations: readonly Mutation[]): Promise<void> {
    const [only] = mutations;
    if (mutations.length === 1 && only !== undefined && only.ifVersion === undefined && only.kind !== 'check') {
      await translateErrors(() =>
        only.kind === 'set' ? this.entity.set(only.key, toEntity(only)) : this.entity.delete(only.key),
      );
      return;
    }
    const transaction = kvs.transact();
    for (const mutation of mutations) {
      const target = { entityName: KVS_STORE_ENTITY, ...versionCondition(mutation.ifVersion) };
      if (mutation.kind === 'set') transaction.set(mutation.key, toEntity(mutation), target);
      if (mutation.kind === 'delete') transaction.delete(mutation.key, target);
      if (mutation.kind === 'check') {
        transaction.check(mutation.key, { entityName: KVS_STORE_ENTITY, conditions: versionFilter(mutation.ifVersion) });
      }
    }
    await translateErrors(() => transaction.execute());
  }
}

function toEntity(mutation: Extract<Mutation, { kind: 'set' }>): StoreItemEntity {
  return { storeKey: mutation.key, version: mutation.version, value: mutation.value };
}

function toItem(entity: StoreItemEntity): StoredItem {
  return { value: entity.value, version: entity.version, bytes: utf8Bytes(JSON.stringify(entity.value)) };
}

function versionCondition(ifVersion: ExpectedVersion | undefined): { conditions?: VersionFilter } {
  return ifVersion === undefined ? {} : { conditions: versionFilter(ifVersion) };
}

/** `null` expects the key to be absent: an absent item has no `version` attribute. */
function versionFilter(ifVersion: ExpectedVersion): VersionFilter {
  const condition = ifVersion === null ? FilterConditions.notExists() : FilterConditions.equalTo(ifVersion);
  return new Filter<StoreItemEntity>().and('version', condition);
}

/** KVS documents neither a failed condition's nor a foreign cursor's error: kvs-undocumented.ts says what is assumed. */
async function translateErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError)) throw error;
    const { code, message } = error;
    if (isConditionFailure(error.responseDetails.status, code)) {
      throw new StoreError('conflict', `Forge KVS refused a conditional write: ${message}`, { cause: error });
    }
    if (code === ASSUMED_INVALID_CURSOR.code) {
      throw new StoreError('invalid-cursor', `Forge KVS refused the cursor: ${message}`, { cause: error });
    }
    if (code === 'TOO_MANY_REQUESTS' || error.responseDetails.status === 429) {
      throw new StoreError('rate-limited', `Forge KVS rate limit reached: ${message}`, { cause: error });
    }
    throw new StoreError('unavailable', `Forge KVS failed (${code}): ${message}`, { cause: error });
  }
}

/** The longest version `EnforcedStore` writes: a UUID. */
const VERSION_PLACEHOLDER = '00000000-0000-0000-0000-000000000000';

/** What the entity around a value adds to the value's JSON under `key`: Forge's size limit is on the entity. */
export function kvsEntityOverheadBytes(key: string): number {
  return utf8Bytes(JSON.stringify({ storeKey: key, version: VERSION_PLACEHOLDER, value: 0 })) - 1;
}

/** The production store: Forge KVS behind the same limits and semantics as the local stores. */
export class KvsStore extends EnforcedStore {
  constructor(options: Omit<EnforcedStoreOptions, 'storedBytes'> = {}) {
    super(new KvsBackend(), { ...options, storedBytes: (key, json) => utf8Bytes(json) + kvsEntityOverheadBytes(key) });
  }
}

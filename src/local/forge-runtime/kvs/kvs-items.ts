/**
 * The emulated KVS's data: plain keys and custom-entity items, kept in a `StorageBackend` (in memory,
 * or the file store's log on disk), with each entity's indexes in memory. Writes run one at a time, so
 * a transaction's conditions are checked against everything committed before it and applied with it.
 */
import { isJsonObject, type JsonValue } from '../../../app/ports/store';
import type { Mutation, StorageBackend, StoredItem } from '../../../adapters/storage/storage-backend';
import { ASSUMED_CONDITION_FAILURE } from '../../../adapters/storage/kvs-undocumented';
import { filterHolds, type Attributes } from './conditions';
import { indexShape, type EntityDeclaration } from './entity-declarations';
import { EntityIndex } from './entity-index';
import { KvsRefusal } from './kvs-refusal';
import type { Filter } from './kvs-wire';

/** A plain key (`entityName` undefined) or an item of a custom entity. */
export interface ItemRef {
  readonly entityName?: string;
  readonly key: string;
}

export type ItemWrite =
  | { readonly kind: 'set'; readonly ref: ItemRef; readonly value: JsonValue; readonly json: string; readonly conditions?: Filter }
  | { readonly kind: 'delete'; readonly ref: ItemRef; readonly conditions?: Filter }
  | { readonly kind: 'check'; readonly ref: ItemRef; readonly conditions: Filter };

/** The backend keeps no versions of its own here: KVS has none, and its conditions test attributes. */
const UNVERSIONED = '-';
const LOAD_PAGE = 1_000;

/** Where an item lives in the backend; `/` is in neither keys nor entity names, so the spaces cannot overlap. */
export function backendKey(ref: ItemRef): string {
  return ref.entityName === undefined ? `kvs/${ref.key}` : `entity:${ref.entityName}/${ref.key}`;
}

export class KvsItems {
  private writing: Promise<unknown> = Promise.resolve();

  private readonly indexes: ReadonlyMap<string, ReadonlyMap<string, EntityIndex>>;

  /** Over a backend that holds nothing yet; {@link open} for one that may. */
  constructor(
    private readonly backend: StorageBackend,
    entities: readonly EntityDeclaration[],
  ) {
    this.indexes = new Map(entities.map((entity) => [entity.name, new Map(entity.indexes.map((declared) => [indexShape(declared).name, new EntityIndex(indexShape(declared))]))]));
  }

  /** Opens the data in `backend`, indexing what it already holds of each declared entity. */
  static async open(backend: StorageBackend, entities: readonly EntityDeclaration[]): Promise<KvsItems> {
    const items = new KvsItems(backend, entities);
    for (const [entityName, entityIndexes] of items.indexes) {
      const prefix = backendKey({ entityName, key: '' });
      let cursor: string | undefined;
      do {
        const page = await backend.list(prefix, LOAD_PAGE, cursor);
        for (const { key, item } of page.items) {
          if (isJsonObject(item.value)) for (const index of entityIndexes.values()) index.update(key.slice(prefix.length), item.value);
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
    }
    return items;
  }

  read(ref: ItemRef): Promise<StoredItem | undefined> {
    return this.backend.read(backendKey(ref));
  }

  index(entityName: string, indexName: string): EntityIndex | undefined {
    return this.indexes.get(entityName)?.get(indexName);
  }

  /** Applies every write or none: refused with a failed condition when one does not hold. */
  write(writes: readonly ItemWrite[]): Promise<void> {
    const run = this.writing.then(() => this.writeNow(writes));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async writeNow(writes: readonly ItemWrite[]): Promise<void> {
    for (const write of writes) {
      if (write.conditions === undefined) continue;
      const current = await this.read(write.ref);
      if (!filterHolds(write.conditions, current && attributesOf(current.value))) {
        throw new KvsRefusal(ASSUMED_CONDITION_FAILURE, `A condition on "${write.ref.key}" does not hold; the transaction was not applied.`);
      }
    }
    const mutations = writes.flatMap((write): Mutation[] => {
      const key = backendKey(write.ref);
      if (write.kind === 'set') return [{ kind: 'set', key, value: write.value, json: write.json, version: UNVERSIONED }];
      return write.kind === 'delete' ? [{ kind: 'delete', key }] : [];
    });
    await this.backend.commit(mutations);
    for (const write of writes) {
      if (write.kind === 'check' || write.ref.entityName === undefined) continue;
      const attributes = write.kind === 'set' ? attributesOf(write.value) : undefined;
      for (const index of this.indexes.get(write.ref.entityName)?.values() ?? []) index.update(write.ref.key, attributes);
    }
  }
}

function attributesOf(value: JsonValue): Attributes {
  return isJsonObject(value) ? value : {};
}

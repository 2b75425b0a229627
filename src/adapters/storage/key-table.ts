import { firstIndexWhere } from '../../collections/first-index-where';
import { StoreError, Version } from '../../app/ports/store';
import { parseJson, utf8Bytes } from './json-codec';
import { StoredItem, StoredPage } from './storage-backend';

/** What the table needs of a `Mutation`; also what the file store replays from its log. */
export type TableChange =
  | { readonly kind: 'set'; readonly key: string; readonly json: string; readonly version: Version }
  | { readonly kind: 'delete'; readonly key: string }
  | { readonly kind: 'check'; readonly key: string };

/** A change that must find the key at `ifVersion` (`null`: absent) to apply. */
type ConditionalChange = TableChange & { readonly ifVersion?: Version | null };

interface Row {
  readonly json: string;
  readonly version: Version;
}

/**
 * Keys, serialized values and versions in memory: the state of the memory store and the
 * replayed state of the file store. Values are kept serialized so that a caller mutating
 * what it read cannot change what is stored.
 */
export class KeyTable {
  private readonly rows = new Map<string, Row>();
  /** All keys in ascending order; rebuilt after a key is added or removed. */
  private sortedKeys: string[] | undefined;

  read(key: string): StoredItem | undefined {
    const row = this.rows.get(key);
    return row && toItem(row);
  }

  list(prefix: string, limit: number, cursor: string | undefined): StoredPage {
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    this.sortedKeys ??= [...this.rows.keys()].sort();
    const keys = this.sortedKeys;
    const pageKeys: string[] = [];
    // `${after}\u0000` is the smallest string above the cursor's key.
    const bound = after === undefined || after < prefix ? prefix : `${after}\u0000`;
    let index = firstIndexWhere(keys, (key) => key >= bound);
    for (; index < keys.length && pageKeys.length < limit; index += 1) {
      const key = keys[index];
      if (!key?.startsWith(prefix)) break;
      pageKeys.push(key);
    }
    const items = pageKeys.map((key) => ({ key, item: toItem(this.rowOf(key)) }));
    const lastKey = pageKeys[pageKeys.length - 1];
    const more = keys[index]?.startsWith(prefix) === true;
    return more && lastKey !== undefined ? { items, nextCursor: encodeCursor(lastKey) } : { items };
  }

  /** Throws `conflict` unless every `ifVersion` holds; changes nothing. */
  assertConditions(mutations: readonly ConditionalChange[]): void {
    for (const mutation of mutations) {
      if (mutation.ifVersion === undefined) continue;
      const actual = this.rows.get(mutation.key)?.version ?? null;
      if (actual !== mutation.ifVersion) {
        throw new StoreError('conflict', `Key "${mutation.key}" changed since it was read.`);
      }
    }
  }

  apply(mutations: readonly TableChange[]): void {
    for (const mutation of mutations) {
      const existed = this.rows.has(mutation.key);
      if (mutation.kind === 'set') this.rows.set(mutation.key, { json: mutation.json, version: mutation.version });
      if (mutation.kind === 'delete') this.rows.delete(mutation.key);
      if (existed !== this.rows.has(mutation.key)) this.sortedKeys = undefined;
    }
  }

  entries(): IterableIterator<[string, Row]> {
    return this.rows.entries();
  }

  serializedBytes(): number {
    let total = 0;
    for (const [key, row] of this.rows) total += utf8Bytes(key) + utf8Bytes(row.json);
    return total;
  }

  private rowOf(key: string): Row {
    const row = this.rows.get(key);
    if (row === undefined) throw new Error(`KeyTable lost key "${key}" while listing`);
    return row;
  }
}


function toItem(row: Row): StoredItem {
  return { value: parseJson(row.json), version: row.version, bytes: utf8Bytes(row.json) };
}

function encodeCursor(lastKey: string): string {
  return Buffer.from(lastKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const lastKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (lastKey === '' || encodeCursor(lastKey) !== cursor) {
    throw new StoreError('invalid-cursor', 'The cursor is not one this store handed out.');
  }
  return lastKey;
}

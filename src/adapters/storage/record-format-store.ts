import {
  STORE_LIMITS,
  StoreError,
  isJsonObject,
  type JsonValue,
  type ListOptions,
  type Store,
  type StorePage,
  type TransactOperation,
  type UpdateOptions,
  type Updater,
  type VersionedValue,
} from '../../app/ports/store';
import { RECORD_FORMATS, type RecordFormats } from '../../app/record-formats';
import { utf8Bytes } from './json-codec';
import { assertTransactionBytes, assertValueSize } from './store-limits';

const FORMAT_FIELD = '$format';

/** How a value is stored: `{"$format":1,"value":…}`. No record's own layout has a `$`-field, so the two cannot be confused. */
interface Envelope {
  readonly format: number;
  readonly value: JsonValue;
}

/**
 * The `Store` every part of the app uses, over the store that holds the bytes: it stores each value
 * with its record kind's current format and upgrades what an older release wrote as it is read, so
 * the record readers only ever see today's layouts. A value's next write stores it in the current
 * format. A format newer than this release knows is refused, never guessed at.
 */
export class RecordFormatStore implements Store {
  constructor(
    private readonly inner: Store,
    private readonly formats: RecordFormats = RECORD_FORMATS,
  ) {}

  async get(key: string): Promise<JsonValue | undefined> {
    const stored = await this.inner.get(key);
    return stored === undefined ? undefined : this.read(key, stored);
  }

  async getVersioned(key: string): Promise<VersionedValue | undefined> {
    const stored = await this.inner.getVersioned(key);
    return stored && { value: this.read(key, stored.value), version: stored.version };
  }

  set(key: string, value: JsonValue): Promise<void> {
    return this.transact([{ set: { key, value } }]);
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  async listByPrefix(prefix: string, options?: ListOptions): Promise<StorePage> {
    const page = await this.inner.listByPrefix(prefix, options);
    const entries = page.entries.map(({ key, value }) => ({ key, value: this.read(key, value) }));
    return page.nextCursor === undefined ? { entries } : { entries, nextCursor: page.nextCursor };
  }

  async transact(operations: readonly TransactOperation[]): Promise<void> {
    let bytes = 0;
    const wrapped = operations.map((operation): TransactOperation => {
      if (!('set' in operation)) return operation;
      const { key, value } = operation.set;
      bytes += utf8Bytes(key) + valueBytes(key, value);
      return { set: { ...operation.set, value: this.write(key, value) } };
    });
    assertTransactionBytes(bytes, STORE_LIMITS.maxTransactionBytes);
    await this.inner.transact(wrapped);
  }

  async update(key: string, updater: Updater, options?: UpdateOptions): Promise<JsonValue | undefined> {
    const stored = await this.inner.update(
      key,
      (current) => {
        const value = current === undefined ? undefined : this.read(key, current);
        const next = updater(value);
        if (next === undefined) return undefined;
        // An unchanged value is not written, not even to store it in the current format.
        if (value !== undefined && JSON.stringify(value) === JSON.stringify(next)) return current;
        valueBytes(key, next);
        return this.write(key, next);
      },
      options,
    );
    return stored === undefined ? undefined : this.read(key, stored);
  }

  private write(key: string, value: JsonValue): JsonValue {
    return { [FORMAT_FIELD]: this.formats(key).length, value };
  }

  private read(key: string, stored: JsonValue): JsonValue {
    const { format, value } = openEnvelope(key, stored);
    const upgrades = this.formats(key);
    if (format > upgrades.length) {
      throw new StoreError(
        'unknown-format',
        `Key "${key}" holds format ${format} of its record; this release reads formats up to ${upgrades.length}. ` +
          'A newer release of the app wrote it: install that release again rather than read the data wrongly.',
      );
    }
    return upgrades.slice(format).reduce((upgraded, upgrade) => upgrade(upgraded), value);
  }
}

/** The caller's value measured against the caller's limit, so its envelope can never push it past Forge's. */
function valueBytes(key: string, value: JsonValue): number {
  // `undefined` (not JSON) has no size here; the inner store refuses it as not storable.
  const json = JSON.stringify(value) as string | undefined;
  const bytes = json === undefined ? 0 : utf8Bytes(json);
  assertValueSize(key, bytes, STORE_LIMITS.maxValueBytes);
  return bytes;
}

function openEnvelope(key: string, stored: JsonValue): Envelope {
  if (!isJsonObject(stored) || !(FORMAT_FIELD in stored)) return { format: 0, value: stored };
  const format = stored[FORMAT_FIELD];
  const value = stored.value;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1 || value === undefined || Object.keys(stored).length !== 2) {
    throw new StoreError('unknown-format', `Key "${key}" holds a value whose record format cannot be read.`);
  }
  return { format, value };
}

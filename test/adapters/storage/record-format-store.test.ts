import { MemoryStore } from '../../../src/adapters/storage/memory-store';
import { RecordFormatStore } from '../../../src/adapters/storage/record-format-store';
import { FORGE_KVS_LIMITS, RECORD_ENVELOPE_MAX_BYTES, STORE_LIMITS, STORED_ITEM_MAX_OVERHEAD_BYTES, type JsonValue } from '../../../src/app/ports/store';
import { kvsEntityOverheadBytes } from '../../../src/adapters/storage/kvs-store';
import { listAll } from '../../../src/app/plans/list-all';
import { FIRST_FORMAT, RECORD_FORMATS, recordKind, type FormatHistory, type FormatUpgrade } from '../../../src/app/record-formats';
import { expectStoreError, jsonStringOfBytes } from './store-contract';
import { openKvsStoreFixture } from './store-fixtures';

/** A record kind whose layout changed: format 2 counts a budget in seconds where formats 0 and 1 said hours. */
const hoursToSeconds: FormatUpgrade = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('a budget is an object');
  const { hours, ...rest } = value as Readonly<Record<string, JsonValue>>;
  return { ...rest, seconds: Number(hours) * 3600 };
};
const BUDGET_FORMATS: FormatHistory = [...FIRST_FORMAT, hoursToSeconds];
const formats = (key: string): FormatHistory => (recordKind(key) === 'budget' ? BUDGET_FORMATS : RECORD_FORMATS(key));

function stores(): { readonly storage: MemoryStore; readonly store: RecordFormatStore } {
  const storage = new MemoryStore({ retryDelayMs: () => 0 });
  return { storage, store: new RecordFormatStore(storage, formats) };
}

describe('RecordFormatStore', () => {
  it('stores each value in an envelope naming its kind\'s current format, and reads the value back', async () => {
    const { storage, store } = stores();
    await store.set('plan:1', { name: 'Gold' });
    await store.set('budget:1', { seconds: 60 });
    await store.transact([{ set: { key: 'project-plans:1', value: true } }]);

    expect(await storage.get('plan:1')).toEqual({ $format: 1, value: { name: 'Gold' } });
    expect(await storage.get('budget:1')).toEqual({ $format: 2, value: { seconds: 60 } });
    expect(await storage.get('project-plans:1')).toEqual({ $format: 1, value: true });
    expect(await store.get('plan:1')).toEqual({ name: 'Gold' });
    expect(await listAll(store, '')).toEqual([
      { key: 'budget:1', value: { seconds: 60 } },
      { key: 'plan:1', value: { name: 'Gold' } },
      { key: 'project-plans:1', value: true },
    ]);
  });

  it('upgrades a record written in an older format as it is read, by every kind of read', async () => {
    const { storage, store } = stores();
    await storage.set('budget:0', { hours: 2, note: 'bare, as fd534c3 wrote it' });
    await storage.set('budget:1', { $format: 1, value: { hours: 3 } });
    await storage.set('budget:2', { $format: 2, value: { seconds: 40 } });

    expect(await store.get('budget:0')).toEqual({ seconds: 7200, note: 'bare, as fd534c3 wrote it' });
    expect((await store.getVersioned('budget:1'))?.value).toEqual({ seconds: 10_800 });
    expect(await listAll(store, 'budget:')).toEqual([
      { key: 'budget:0', value: { seconds: 7200, note: 'bare, as fd534c3 wrote it' } },
      { key: 'budget:1', value: { seconds: 10_800 } },
      { key: 'budget:2', value: { seconds: 40 } },
    ]);
    expect(await store.update('budget:1', (current) => current)).toEqual({ seconds: 10_800 });
  });

  it('stores an upgraded record in the current format on its next write, and does not write one that is unchanged', async () => {
    const { storage, store } = stores();
    await storage.set('budget:0', { hours: 1 });
    await storage.set('budget:1', { hours: 1 });
    storage.resetUsage();

    await store.update('budget:0', (current) => current);
    expect(storage.usage().writes).toBe(0);
    expect(await storage.get('budget:0')).toEqual({ hours: 1 });

    const seen: (JsonValue | undefined)[] = [];
    await store.update('budget:0', (current) => {
      seen.push(current);
      return { seconds: 7200 };
    });
    await store.set('budget:1', { seconds: 60 });
    expect(seen).toEqual([{ seconds: 3600 }]);
    expect(await storage.get('budget:0')).toEqual({ $format: 2, value: { seconds: 7200 } });
    expect(await storage.get('budget:1')).toEqual({ $format: 2, value: { seconds: 60 } });
  });

  it('refuses a format newer than this release knows, on every read and before any write, naming the key and both formats', async () => {
    const { storage, store } = stores();
    await storage.set('budget:9', { $format: 3, value: { minutes: 5 } });
    await storage.set('plan:9', { $format: 2, value: { name: 'Gold' } });

    await expectStoreError(store.get('budget:9'), 'unknown-format');
    await expectStoreError(store.getVersioned('plan:9'), 'unknown-format');
    await expectStoreError(store.listByPrefix('budget:'), 'unknown-format');
    await expectStoreError(store.update('budget:9', () => ({ seconds: 1 })), 'unknown-format');
    await expect(store.get('budget:9')).rejects.toThrow('Key "budget:9" holds format 3 of its record; this release reads formats up to 2.');
    expect(await storage.get('budget:9')).toEqual({ $format: 3, value: { minutes: 5 } });
  });

  it.each([
    ['a format that is not a positive integer', { $format: 0, value: 1 }],
    ['a fraction', { $format: 1.5, value: 1 }],
    ['no value', { $format: 1 }],
    ['fields beside the envelope\'s', { $format: 1, value: 1, other: 2 }],
  ])('refuses an envelope with %s rather than guess', async (_label, stored) => {
    const { storage, store } = stores();
    await storage.set('plan:1', stored);

    await expectStoreError(store.get('plan:1'), 'unknown-format');
  });

  it("holds callers to Forge's limits less what is stored around a value, so one that fits the port's limit fits Forge's on KvsStore", async () => {
    const { store: storage } = await openKvsStoreFixture();
    const store = new RecordFormatStore(storage, formats);
    const longestKey = `plan:${'k'.repeat(FORGE_KVS_LIMITS.maxKeyLength - 5)}`;
    expect(STORE_LIMITS.maxValueBytes).toBe(FORGE_KVS_LIMITS.maxValueBytes - RECORD_ENVELOPE_MAX_BYTES - STORED_ITEM_MAX_OVERHEAD_BYTES);
    expect(kvsEntityOverheadBytes(longestKey)).toBeLessThanOrEqual(STORED_ITEM_MAX_OVERHEAD_BYTES);

    await store.set(longestKey, jsonStringOfBytes(STORE_LIMITS.maxValueBytes));
    await expectStoreError(store.set('plan:bigger', jsonStringOfBytes(STORE_LIMITS.maxValueBytes + 1)), 'value-too-large');
    await expectStoreError(store.update(longestKey, () => jsonStringOfBytes(STORE_LIMITS.maxValueBytes + 1)), 'value-too-large');

    const stored = Buffer.byteLength(JSON.stringify(await storage.get(longestKey)));
    expect(stored - STORE_LIMITS.maxValueBytes).toBe('{"$format":1,"value":}'.length);
    expect(await listAll(storage, 'plan:')).toHaveLength(1);
  });

  it('holds a transaction to the port\'s byte limit, and passes deletes and checks through', async () => {
    const { storage, store } = stores();
    const each = Math.floor(STORE_LIMITS.maxTransactionBytes / 18);
    const operations = Array.from({ length: 18 }, (_, index) => ({ set: { key: `t:${String(index).padStart(2, '0')}`, value: jsonStringOfBytes(each) } }));

    await expectStoreError(store.transact(operations), 'transaction-too-large');
    await store.set('t:gone', 1);
    await store.transact([{ check: { key: 't:absent', ifVersion: null } }, { delete: { key: 't:gone' } }, { set: { key: 't:new', value: 2 } }]);
    expect(await listAll(storage, 't:')).toEqual([{ key: 't:new', value: { $format: 1, value: 2 } }]);
  });
});

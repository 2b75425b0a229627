import fc from 'fast-check';
import { JsonValue, FORGE_KVS_LIMITS, StoreError, StoreErrorCode, TransactOperation } from '../../../src/app/ports/store';
import { EnforcedStore } from '../../../src/adapters/storage/enforced-store';

export interface StoreFixture {
  readonly store: EnforcedStore;
  /** The largest value JSON the store keeps under `key`: Forge's limit, less what the store wraps a value in. */
  readonly largestValueBytes: (key: string) => number;
  dispose(): Promise<void>;
}

/**
 * For tests with many contending writers or 100,000 records: they back off at random and sync
 * the file store's log, so a machine shared with other builds can slow them well past jest's 5 s.
 */
export const BUSY_MACHINE_TIMEOUT_MS = 30_000;

/** A JSON string whose serialized form is exactly `bytes` long (the quotes count). */
export function jsonStringOfBytes(bytes: number): string {
  return 'x'.repeat(bytes - 2);
}

export async function expectStoreError(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect(error instanceof StoreError && error.code).toBe(code);
}

function toOperation(kind: string, key: string, value: number, ifVersion: string | null | undefined): TransactOperation {
  const condition = ifVersion === undefined ? {} : { ifVersion };
  if (kind === 'set') return { set: { key, value, ...condition } };
  if (kind === 'delete') return { delete: { key, ...condition } };
  return { check: { key, ifVersion: ifVersion ?? null } };
}

function applyToModel(
  model: Map<string, number>,
  transaction: readonly { kind: string; key: string; value: number }[],
  prefix: string,
): void {
  for (const op of transaction) {
    if (op.kind === 'set') model.set(`${prefix}${op.key}`, op.value);
    if (op.kind === 'delete') model.delete(`${prefix}${op.key}`);
  }
}

async function allKeys(store: EnforcedStore, prefix: string): Promise<string[]> {
  const page = await store.listByPrefix(prefix);
  return page.entries.map((entry) => entry.key);
}

/** The behaviour every `Store` implementation must share, run against each of them. */
export function describeStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`${name} (Store contract)`, () => {
    let fixture: StoreFixture;
    let store: EnforcedStore;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.dispose();
    });

    describe('get, set, delete', () => {
      it('reads back exactly what was written and nothing for a missing key', async () => {
        const plan = { id: 'acme-gold', hours: 300, tags: ['a', 'b'], active: true, note: null };
        await store.set('plan:acme-gold', plan);

        expect(await store.get('plan:acme-gold')).toEqual(plan);
        expect(await store.get('plan:missing')).toBeUndefined();
      });

      it('overwrites a value and gives it a new version', async () => {
        await store.set('k', 1);
        const first = await store.getVersioned('k');
        await store.set('k', 2);
        const second = await store.getVersioned('k');

        expect(second?.value).toBe(2);
        expect(second?.version).not.toBe(first?.version);
      });

      it('deletes a key, and deleting a missing key succeeds', async () => {
        await store.set('k', 'v');
        await store.delete('k');
        await store.delete('never-there');

        expect(await store.get('k')).toBeUndefined();
      });

      it('refuses values JSON cannot carry faithfully', async () => {
        await expectStoreError(store.set('k', Number.NaN), 'invalid-value');
        await expectStoreError(store.set('k', { when: Number.POSITIVE_INFINITY }), 'invalid-value');
        expect(await store.get('k')).toBeUndefined();
      });
    });

    describe('listByPrefix', () => {
      it('pages through 250 keys in key order, 100 at a time, without keys of other prefixes', async () => {
        const keys = Array.from({ length: 250 }, (_, index) => `agg:p1:wl:${String(index).padStart(3, '0')}`);
        for (const key of [...keys].reverse()) await store.set(key, key.length);
        await store.set('agg:p10:wl:000', 'other plan');
        await store.set('agg:p0', 'before');

        const pageSizes: number[] = [];
        const listed: string[] = [];
        let cursor: string | undefined;
        // Bounded: a cursor that never ends fails the page sizes below instead of looping until the timeout.
        do {
          const page = await store.listByPrefix('agg:p1:', cursor === undefined ? {} : { cursor });
          pageSizes.push(page.entries.length);
          listed.push(...page.entries.map((entry) => entry.key));
          cursor = page.nextCursor;
        } while (cursor !== undefined && pageSizes.length < 10);

        expect(pageSizes).toEqual([100, 100, 50]);
        expect(listed).toEqual(keys);
      });

      it('honours a smaller limit and returns the values', async () => {
        await store.set('s:a', 1);
        await store.set('s:b', 2);
        await store.set('s:c', 3);

        const first = await store.listByPrefix('s:', { limit: 2 });
        const second = await store.listByPrefix('s:', { limit: 2, cursor: first.nextCursor ?? '' });

        expect(first.entries).toEqual([
          { key: 's:a', value: 1 },
          { key: 's:b', value: 2 },
        ]);
        expect(second).toEqual({ entries: [{ key: 's:c', value: 3 }] });
      });

      it('refuses page sizes outside 1..100 and foreign cursors', async () => {
        await expectStoreError(store.listByPrefix('s:', { limit: 0 }), 'invalid-page-size');
        await expectStoreError(store.listByPrefix('s:', { limit: 101 }), 'invalid-page-size');
        await expectStoreError(store.listByPrefix('s:', { cursor: '%%%' }), 'invalid-cursor');
      });
    });

    describe('transact', () => {
      it('applies sets and deletes together', async () => {
        await store.set('t:gone', 'old');

        await store.transact([{ set: { key: 't:a', value: 1 } }, { set: { key: 't:b', value: 2 } }, { delete: { key: 't:gone' } }]);

        expect(await store.listByPrefix('t:')).toEqual({
          entries: [
            { key: 't:a', value: 1 },
            { key: 't:b', value: 2 },
          ],
        });
      });

      it('writes nothing when a version condition fails', async () => {
        await store.set('t:guard', 'v1');
        const stale = await store.getVersioned('t:guard');
        await store.set('t:guard', 'v2');

        await expectStoreError(
          store.transact([
            { set: { key: 't:a', value: 1 } },
            { check: { key: 't:guard', ifVersion: stale?.version ?? null } },
          ]),
          'conflict',
        );
        expect(await allKeys(store, 't:')).toEqual(['t:guard']);
      });

      it('writes nothing when one operation breaks a limit', async () => {
        await expectStoreError(
          store.transact([
            { set: { key: 't:a', value: 1 } },
            { set: { key: 't:b', value: jsonStringOfBytes(FORGE_KVS_LIMITS.maxValueBytes + 1) } },
          ]),
          'value-too-large',
        );
        expect(await allKeys(store, 't:')).toEqual([]);
      });

      it('creates only when absent with ifVersion null, and deletes only at the expected version', async () => {
        await store.transact([{ set: { key: 't:once', value: 1, ifVersion: null } }]);
        await expectStoreError(store.transact([{ set: { key: 't:once', value: 2, ifVersion: null } }]), 'conflict');
        const current = await store.getVersioned('t:once');
        await expectStoreError(store.transact([{ delete: { key: 't:once', ifVersion: 'not-the-version' } }]), 'conflict');
        await store.transact([{ delete: { key: 't:once', ifVersion: current?.version ?? null } }]);

        expect(current?.value).toBe(1);
        expect(await store.get('t:once')).toBeUndefined();
      });
    });

    describe("Forge's limits, each refused with its code and nothing written", () => {
      const badKeys = ['', '   ', 'plan/1', 'plan?x', 'plän', 'k'.repeat(501)];
      it.each(badKeys.map((key) => [key.length > 20 ? `${key.length} characters` : JSON.stringify(key), key]))(
        'refuses the key %s',
        async (_label, key) => {
          await expectStoreError(store.set(key, 1), 'invalid-key');
          await expectStoreError(store.get(key), 'invalid-key');
          expect(await allKeys(store, '')).toEqual([]);
        },
      );

      it('accepts a 500-character key and every allowed character', async () => {
        await store.set('k'.repeat(500), 1);
        await store.set('Aa0:._- #x', 2);

        expect(await store.get('k'.repeat(500))).toBe(1);
        expect(await store.get('Aa0:._- #x')).toBe(2);
      });

      it("accepts a value as large as Forge's 240 KiB allow and refuses one byte more", async () => {
        const largest = fixture.largestValueBytes('big');
        expect(largest).toBeGreaterThan(FORGE_KVS_LIMITS.maxValueBytes - 100);
        await store.set('big', jsonStringOfBytes(largest));
        await expectStoreError(store.set('big', jsonStringOfBytes(largest + 1)), 'value-too-large');

        expect(await store.get('big')).toHaveLength(largest - 2);
      });

      it('accepts 25 operations and refuses 26', async () => {
        const operations = (count: number): TransactOperation[] =>
          Array.from({ length: count }, (_, index) => ({ set: { key: `n:${index}`, value: index } }));

        await expectStoreError(store.transact(operations(26)), 'transaction-too-large');
        expect(await allKeys(store, 'n:')).toEqual([]);
        await store.transact(operations(25));
        expect((await allKeys(store, 'n:')).length).toBe(25);
      });

      it('refuses a transaction of more than 4 MB', async () => {
        const value = jsonStringOfBytes(200 * 1024);
        const operations: TransactOperation[] = Array.from({ length: 25 }, (_, index) => ({ set: { key: `m:${index}`, value } }));

        await expectStoreError(store.transact(operations), 'transaction-too-large');
        expect(await allKeys(store, 'm:')).toEqual([]);
      });

      it('refuses a key used twice in one transaction', async () => {
        await expectStoreError(
          store.transact([{ set: { key: 'd', value: 1 } }, { delete: { key: 'd' } }]),
          'duplicate-key-in-transaction',
        );
        expect(await store.get('d')).toBeUndefined();
      });
    });

    describe('update', () => {
      it('loses none of 50 concurrent increments of one key', async () => {
        const increment = (current: JsonValue | undefined): JsonValue => (typeof current === 'number' ? current + 1 : 1);

        await Promise.all(Array.from({ length: 50 }, () => store.update('counter', increment, { maxAttempts: 50 })));

        expect(await store.get('counter')).toBe(50);
      }, BUSY_MACHINE_TIMEOUT_MS);

      it('deletes when the updater returns undefined, and writes nothing when nothing changes', async () => {
        await store.set('u', { n: 1 });
        store.resetUsage();

        expect(await store.update('u', (current) => current)).toEqual({ n: 1 });
        expect(store.usage().writes).toBe(0);
        expect(await store.update('u', () => undefined)).toBeUndefined();
        expect(await store.get('u')).toBeUndefined();
        expect(store.usage().writes).toBe(1);
      });

      it('gives up with conflict when the key changes under every attempt', async () => {
        let sneakyWrites = 0;
        const racingUpdater = (current: JsonValue | undefined): JsonValue => {
          sneakyWrites += 1;
          void store.set('contested', sneakyWrites * 100);
          return typeof current === 'number' ? current + 1 : 1;
        };

        await expectStoreError(store.update('contested', racingUpdater, { maxAttempts: 3 }), 'conflict');
        expect(sneakyWrites).toBe(3);
      });
    });

    describe('transactions against a plain map', () => {
      let propertyRun = 0;
      const key = fc.constantFrom('a', 'b', 'c', 'bad/key');
      const condition = fc.constantFrom('none', 'current', 'absent', 'stale');
      const step = fc.record({
        kind: fc.constantFrom('set', 'delete', 'check'),
        key,
        value: fc.integer(),
        condition,
      });

      it('applies a transaction exactly when every key is valid and unique and every condition holds', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), async (transactions) => {
            const prefix = `prop${(propertyRun += 1)}:`;
            const model = new Map<string, number>();
            for (const transaction of transactions) {
              const operations: TransactOperation[] = [];
              let holds = new Set(transaction.map((op) => op.key)).size === transaction.length;
              for (const op of transaction) {
                const fullKey = `${prefix}${op.key}`;
                // A check always carries a condition; without one it is read as "absent".
                const effective = op.kind === 'check' && op.condition === 'none' ? 'absent' : op.condition;
                const valid = op.key !== 'bad/key';
                if (!valid || effective === 'stale' || (effective === 'absent' && model.has(fullKey))) holds = false;
                const ifVersion = valid ? await versionFor(effective, fullKey) : null;
                operations.push(toOperation(op.kind, fullKey, op.value, ifVersion));
              }
              const outcome = await store.transact(operations).then(
                () => 'applied',
                () => 'refused',
              );
              expect(outcome).toBe(holds ? 'applied' : 'refused');
              if (holds) applyToModel(model, transaction, prefix);
            }
            const page = await store.listByPrefix(prefix);
            expect(page.entries).toEqual([...model].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, value]) => ({ key: k, value })));
          }),
          { numRuns: 25, seed: 20261203 },
        );
      }, BUSY_MACHINE_TIMEOUT_MS);

      async function versionFor(condition: string, fullKey: string): Promise<string | null | undefined> {
        if (condition === 'absent') return null;
        if (condition === 'stale') return 'stale-version';
        if (condition === 'current') return (await store.getVersioned(fullKey))?.version ?? null;
        return undefined;
      }
    });

    describe('usage metering', () => {
      it('counts reads and writes in 10 KiB units', async () => {
        store.resetUsage();
        await store.set('w', jsonStringOfBytes(25_000));
        await store.get('w');
        await store.get('missing');

        expect(store.usage()).toEqual({ reads: 2, readUnits: 4, writes: 1, writeUnits: 3, bytesWritten: 25_001 });
      });
    });
  });
}

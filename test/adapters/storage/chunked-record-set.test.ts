import fc from 'fast-check';
import { z } from 'zod';
import { ChunkedRecordSet } from '../../../src/adapters/storage/chunked-record-set';
import { EnforcedStore } from '../../../src/adapters/storage/enforced-store';
import { utf8Bytes } from '../../../src/adapters/storage/json-codec';
import { MemoryStore } from '../../../src/adapters/storage/memory-store';
import { STORE_LIMITS } from '../../../src/app/ports/store';
import { BUSY_MACHINE_TIMEOUT_MS, StoreFixture } from './store-contract';
import { openFileStoreFixture, openMemoryStoreFixture } from './store-fixtures';

/** `[issue id, started epoch ms, seconds, author account id, updated epoch ms]` */
const contributionSchema = z.tuple([z.string(), z.number().int(), z.number().int(), z.string().nullable(), z.number().int()]);
type Contribution = z.infer<typeof contributionSchema>;

function buildContribution(index: number, overrides: { seconds?: number; updated?: number } = {}): Contribution {
  return [
    String(10_000 + (index % 5_000)),
    1_759_276_800_000 + index * 60_000,
    overrides.seconds ?? 900 + (index % 16) * 900,
    `712020:${String(index % 40).padStart(8, '0')}-4f1e-4d3c-9a2b-6c7d8e9f0a1b`,
    overrides.updated ?? 1_759_300_000_000 + index,
  ];
}

const worklogId = (index: number): string => String(100_000 + index);

function contributions(count: number): Map<string, Contribution> {
  return new Map(Array.from({ length: count }, (_, index) => [worklogId(index), buildContribution(index)]));
}

/** One string for a whole map, so that 100,000 entries compare in one step. */
function canonicalJson(records: ReadonlyMap<string, Contribution>): string {
  return JSON.stringify([...records].sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function valueSizes(store: EnforcedStore, prefix: string): Promise<number[]> {
  const sizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listByPrefix(prefix, cursor === undefined ? {} : { cursor });
    sizes.push(...page.entries.map((entry) => utf8Bytes(JSON.stringify(entry.value))));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return sizes;
}

describe.each([
  ['MemoryStore', openMemoryStoreFixture],
  ['FileStore', openFileStoreFixture],
])('ChunkedRecordSet on %s', (_name, open) => {
  let fixture: StoreFixture;
  let store: EnforcedStore;
  const setOn = (options: { splitAboveBytes?: number } = {}): ChunkedRecordSet<Contribution> =>
    new ChunkedRecordSet({ store, prefix: 'agg:acme-gold:wl', recordSchema: contributionSchema, maxAttempts: 60, ...options });

  beforeEach(async () => {
    fixture = await open();
    store = fixture.store;
  });

  afterEach(async () => {
    await fixture.dispose();
  });

  it('puts, gets and deletes one record', async () => {
    const records = setOn();
    await records.put('10001', buildContribution(1));

    expect(await records.get('10001')).toEqual(buildContribution(1));
    await records.delete('10001');
    expect(await records.get('10001')).toBeUndefined();
    expect(await records.readAll()).toEqual(new Map());
  });

  it('is idempotent: repeating a put or deleting a missing record writes nothing', async () => {
    const records = setOn();
    await records.put('10001', buildContribution(1));
    store.resetUsage();

    await records.put('10001', buildContribution(1));
    await records.delete('missing');

    expect(store.usage().writes).toBe(0);
  });

  it('writes one value for a put into an existing chunk', async () => {
    const records = setOn();
    await records.put('10001', buildContribution(1));
    store.resetUsage();

    await records.put('10002', buildContribution(2));

    expect(store.usage()).toMatchObject({ writes: 1, reads: 3 });
  });

  it('lets an updater keep the newer of two versions of a record', async () => {
    const records = setOn();
    const newer = buildContribution(1, { seconds: 3600, updated: 2_000 });
    const older = buildContribution(1, { seconds: 60, updated: 1_000 });
    const keepNewest = (incoming: Contribution) => (current: Contribution | undefined) =>
      current !== undefined && current[4] >= incoming[4] ? current : incoming;

    await records.update('10001', keepNewest(newer));
    await records.update('10001', keepNewest(older));

    expect(await records.get('10001')).toEqual(newer);
  });

  it('loses none of 40 concurrent puts into the same chunk', async () => {
    const records = setOn();
    const expected = contributions(40);

    await Promise.all([...expected].map(([id, record]) => records.put(id, record)));

    expect(await records.chunkCount()).toBe(1);
    expect(await records.readAll()).toEqual(expected);
  }, BUSY_MACHINE_TIMEOUT_MS);

  it('splits a chunk that outgrows its limit, concurrently, without losing or duplicating records', async () => {
    const records = setOn({ splitAboveBytes: 1_024 });
    const expected = contributions(60);

    await Promise.all([...expected].map(([id, record]) => records.put(id, record)));

    expect(await records.readAll()).toEqual(expected);
    expect(await records.chunkCount()).toBeGreaterThan(5);
    expect(Math.max(...(await valueSizes(store, 'agg:acme-gold:wl:g')))).toBeLessThanOrEqual(1_024);
  }, BUSY_MACHINE_TIMEOUT_MS);

  it('replaces everything with a new generation and removes the old one', async () => {
    const records = setOn();
    await records.replaceAll(contributions(300));
    const replacement = new Map([...contributions(500)].filter(([id]) => Number(id) % 2 === 0));

    await records.replaceAll(replacement);
    await records.replaceAll(replacement);

    expect(await records.readAll()).toEqual(replacement);
    const keys = (await store.listByPrefix('agg:acme-gold:wl:')).entries.map((entry) => entry.key);
    const generations = new Set(keys.filter((key) => key !== 'agg:acme-gold:wl:head').map((key) => key.split(':')[3]));
    expect(generations.size).toBe(1);
  });

});

describe('ChunkedRecordSet at the scale of a large plan', () => {
  it('keeps 100,000 records in chunks that each fit the 240 KiB value limit', async () => {
    const store = new MemoryStore();
    const records = new ChunkedRecordSet({ store, prefix: 'agg:big:wl', recordSchema: contributionSchema });
    const expected = contributions(100_000);

    await records.replaceAll(expected);
    const sizes = await valueSizes(store, 'agg:big:wl:g');
    const readBack = await records.readAll();

    expect(readBack.size).toBe(100_000);
    expect(readBack.get(worklogId(99_999))).toEqual(buildContribution(99_999));
    expect(canonicalJson(readBack)).toBe(canonicalJson(expected));
    expect(sizes.length).toBe(await records.chunkCount());
    expect(sizes.length).toBe(512);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40 * 1024);
    expect(Math.max(...sizes)).toBeLessThan(STORE_LIMITS.maxValueBytes);
  }, BUSY_MACHINE_TIMEOUT_MS);
});

describe('ChunkedRecordSet against a plain map', () => {
  const operation = fc.oneof(
    fc.record({ kind: fc.constant('put' as const), index: fc.nat(40), seconds: fc.nat(10_000) }),
    fc.record({ kind: fc.constant('delete' as const), index: fc.nat(40) }),
  );

  it('holds what a map holds after any sequence of puts and deletes, also when the sequence is replayed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 80 }), async (operations) => {
        const records = new ChunkedRecordSet({
          store: new MemoryStore(),
          prefix: 'agg:p:wl',
          recordSchema: contributionSchema,
          splitAboveBytes: 600,
        });
        const model = new Map<string, Contribution>();
        for (const replay of [1, 2]) {
          for (const step of operations) {
            const id = worklogId(step.index);
            if (step.kind === 'put') {
              const record = buildContribution(step.index, { seconds: step.seconds });
              await records.put(id, record);
              if (replay === 1) model.set(id, record);
            } else {
              await records.delete(id);
              if (replay === 1) model.delete(id);
            }
          }
          expect(canonicalJson(await records.readAll())).toBe(canonicalJson(model));
        }
      }),
      { numRuns: 60 },
    );
  });
});

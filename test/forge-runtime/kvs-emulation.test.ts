/**
 * The emulated KVS of the local Forge runtime, driven through the real `@forge/kvs` client (and, for
 * what the client hides, the raw `__forge_fetch__` call it makes): Forge's documented limits, custom
 * entities and their indexes, transactions with conditions, cursors, and the per-minute budget.
 */
import { FilterConditions, Filter, ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import { FileBackend } from '../../src/adapters/storage/file-store';
import { FORGE_KVS_LIMITS, type JsonValue } from '../../src/app/ports/store';
import type { ForgeFetchAnswer } from '../../src/local/forge-runtime/forge-fetch';
import { LocalForgeRuntime } from '../../src/local/forge-runtime/local-forge-runtime';
import type { EntityDeclaration } from '../../src/local/forge-runtime/kvs/entity-declarations';
import { ManualClock } from '../jira-simulator/site';
import { makeTempDirectory, removeTempDirectory } from '../adapters/storage/temp-directory';

/** A made-up entity with a partitioned index, for the conditions the app's one entity does not use. */
const READING: EntityDeclaration = {
  name: 'reading',
  attributes: { site: { type: 'string' }, at: { type: 'integer' }, note: { type: 'any' } },
  indexes: [{ name: 'by-site-time', partition: ['site'], range: ['at'] }],
};
const ITEM: EntityDeclaration = {
  name: 'item',
  attributes: { name: { type: 'string' }, version: { type: 'string' }, payload: { type: 'any' } },
  indexes: [{ name: 'by-name', range: ['name'] }],
};

/** A minute boundary, so the budget's window is the whole of the next 60 s. */
const MINUTE_START = Date.parse('2026-10-20T12:00:00Z');

async function start(clock = new ManualClock(MINUTE_START)): Promise<{ runtime: LocalForgeRuntime; clock: ManualClock }> {
  const runtime = LocalForgeRuntime.inMemory({ clock, entities: [READING, ITEM] });
  return { runtime, clock };
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof ForgeKvsAPIError)) throw new Error(`expected KVS to refuse, got ${String(error)}`);
  return { status: error.responseDetails.status, code: error.code };
}

/** The raw call `@forge/kvs` makes, for what its errors do not show (headers). */
function rawKvsCall(path: string, body: unknown): Promise<ForgeFetchAnswer> {
  const forgeFetch = globalThis.__forge_fetch__;
  if (forgeFetch === undefined) throw new Error('no Forge runtime');
  return forgeFetch({ type: 'kvs', provider: 'app', remote: 'kvs' }, path, { method: 'POST', body: JSON.stringify(body) });
}

const items = kvs.entity<{ name: string; version?: string; payload?: JsonValue }>(ITEM.name);
const readings = kvs.entity<{ site: string; at: number; note?: JsonValue }>(READING.name);

/** A payload that makes the item's JSON exactly `bytes` long. */
function itemOfBytes(name: string, bytes: number): { name: string; payload: string } {
  const overhead = JSON.stringify({ name, payload: '' }).length;
  return { name, payload: 'x'.repeat(bytes - overhead) };
}

describe('the emulated KVS: keys and values', () => {
  beforeEach(() => start());

  it.each([
    ['an empty key', 'EMPTY_KEY', ''],
    ['a key of 501 characters', 'KEY_TOO_LONG', 'k'.repeat(FORGE_KVS_LIMITS.maxKeyLength + 1)],
    ['a key with a slash', 'INVALID_KEY', 'plan/1'],
    ['a key of spaces only', 'INVALID_KEY', '   '],
  ])('refuses %s with %s', async (_label, code, key) => {
    expect(await refusal(items.set(key, { name: 'a' }))).toEqual({ status: 400, code });
    expect(await refusal(kvs.set(key, 1))).toEqual({ status: 400, code });
  });

  it('keeps an item of exactly 240 KiB and refuses one byte more, or 33 levels deep', async () => {
    await items.set('big', itemOfBytes('big', FORGE_KVS_LIMITS.maxValueBytes));
    expect(await refusal(items.set('bigger', itemOfBytes('bigger', FORGE_KVS_LIMITS.maxValueBytes + 1)))).toEqual({ status: 400, code: 'MAX_SIZE' });
    const deep = Array.from({ length: 32 }).reduce<JsonValue>((inner) => [inner], 1);
    expect(await refusal(items.set('deep', { name: 'deep', payload: deep }))).toEqual({ status: 400, code: 'MAX_DEPTH' });

    expect((await items.get('big'))?.payload).toHaveLength(FORGE_KVS_LIMITS.maxValueBytes - JSON.stringify({ name: 'big', payload: '' }).length);
    expect(await items.get('bigger')).toBeUndefined();
  });

  it("refuses what the manifest does not declare, and values of another type than declared", async () => {
    expect(await refusal(kvs.entity('undeclared').set('k', { name: 'a' }))).toEqual({ status: 400, code: 'INVALID_ENTITY_TYPE' });
    expect(await refusal(kvs.entity('item').set('k', { name: 'a', colour: 'red' }))).toEqual({ status: 400, code: 'INVALID_ENTITY_VALUE' });
    expect(await refusal(kvs.entity('reading').set('k', { site: 'a', at: 1.5 }))).toEqual({ status: 400, code: 'INVALID_ENTITY_VALUE' });
    expect(await refusal(kvs.entity('reading').set('k', { site: 'a', at: 2 ** 31 }))).toEqual({ status: 400, code: 'INVALID_ENTITY_VALUE' });
    expect(await refusal(readings.query().index('by-colour').getMany())).toEqual({ status: 400, code: 'INVALID_ENTITY_INDEX' });
  });

  it('reads back what it keeps, plain and in entities, and nothing once deleted', async () => {
    await kvs.set('plain', { a: [1, 2] });
    await items.set('one', { name: 'one', payload: { n: 1 } });

    expect(await kvs.get('plain')).toEqual({ a: [1, 2] });
    expect(await items.get('one')).toEqual({ name: 'one', payload: { n: 1 } });
    expect(await kvs.entity('reading').get('one')).toBeUndefined();
    await items.delete('one');
    await items.delete('never-there');
    expect(await items.get('one')).toBeUndefined();
  });
});

describe('the emulated KVS: round trips', () => {
  it('answers each request no sooner than its modelled round trip, and at once by default', async () => {
    const { runtime } = await start();
    await kvs.set('plain', 1);
    let answered = false;
    runtime.kvsLatencyMs = 40;
    const read = kvs.get('plain').then((value) => {
      answered = true;
      return value;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    expect(await read).toBe(1);

    runtime.kvsLatencyMs = 0;
    const first = await Promise.race([kvs.get('plain').then(() => 'read'), new Promise((resolve) => setTimeout(resolve, 40, 'timer'))]);
    expect(first).toBe('read');
  });
});

describe('the emulated KVS: transactions', () => {
  beforeEach(() => start());

  const version = (expected: string) => new Filter<{ version: string }>().and('version', FilterConditions.equalTo(expected));
  const absent = () => new Filter<{ version: string }>().and('version', FilterConditions.notExists());

  it('applies 25 operations and refuses 26, or a key twice, or more than 4 MiB, writing nothing', async () => {
    const transaction = (count: number, name = (index: number) => `n${index}`) => {
      const builder = kvs.transact();
      for (let index = 0; index < count; index += 1) builder.set(name(index), { name: name(index) }, { entityName: ITEM.name });
      return builder.execute();
    };

    expect(await refusal(transaction(26))).toEqual({ status: 400, code: 'TRANSACTION_TOO_LARGE' });
    expect(await refusal(transaction(2, () => 'same'))).toEqual({ status: 400, code: 'DUPLICATE_KEY_IN_TRANSACTION' });
    const large = kvs.transact();
    for (let index = 0; index < 18; index += 1) large.set(`l${index}`, itemOfBytes(`l${index}`, 240 * 1024), { entityName: ITEM.name });
    expect(await refusal(large.execute())).toEqual({ status: 400, code: 'TRANSACTION_TOO_LARGE' });
    expect((await items.query().index('by-name').limit(100).getMany()).results).toEqual([]);

    await transaction(25);
    expect((await items.query().index('by-name').limit(100).getMany()).results).toHaveLength(25);
  });

  it('applies a transaction whose conditions hold, and none of one whose condition fails (assumed 409 CONDITION_FAILED)', async () => {
    await items.set('a', { name: 'a', version: 'v1' });

    await kvs
      .transact()
      .set('a', { name: 'a', version: 'v2' }, { entityName: ITEM.name, conditions: version('v1') })
      .set('b', { name: 'b', version: 'v1' }, { entityName: ITEM.name, conditions: absent() })
      .check('c', { entityName: ITEM.name, conditions: absent() })
      .execute();
    const stale = kvs
      .transact()
      .set('c', { name: 'c', version: 'v1' }, { entityName: ITEM.name })
      .delete('b', { entityName: ITEM.name, conditions: version('v1') })
      .check('a', { entityName: ITEM.name, conditions: version('v1') })
      .execute();

    expect(await refusal(stale)).toEqual({ status: 409, code: 'CONDITION_FAILED' });
    expect([await items.get('a'), await items.get('b'), await items.get('c')]).toEqual([
      { name: 'a', version: 'v2' },
      { name: 'b', version: 'v1' },
      undefined,
    ]);
  });

  it('holds NOT_EXISTS, and no other condition, for a missing item (assumed)', async () => {
    await kvs.transact().check('missing', { entityName: ITEM.name, conditions: absent() }).execute();
    expect(await refusal(kvs.transact().check('missing', { entityName: ITEM.name, conditions: version('v1') }).execute())).toEqual({ status: 409, code: 'CONDITION_FAILED' });
    const exists = new Filter<{ name: string }>().and('name', FilterConditions.exists());
    expect(await refusal(kvs.transact().check('missing', { entityName: ITEM.name, conditions: exists }).execute())).toEqual({ status: 409, code: 'CONDITION_FAILED' });
    await items.set('present', { name: 'present' });
    expect(await refusal(kvs.transact().check('present', { entityName: ITEM.name, conditions: exists.and('name', FilterConditions.beginsWith('q')) }).execute())).toEqual({
      status: 409,
      code: 'CONDITION_FAILED',
    });
    const either = new Filter<{ name: string }>().or('name', FilterConditions.beginsWith('q')).or('name', FilterConditions.contains('sen'));
    await kvs.transact().check('present', { entityName: ITEM.name, conditions: either }).execute();
  });
});

describe('the emulated KVS: index queries and cursors', () => {
  beforeEach(() => start());

  async function allPages(prefix: string, limit: number): Promise<{ readonly sizes: number[]; readonly keys: string[] }> {
    const sizes: number[] = [];
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      let query = items.query().index('by-name').where(WhereConditions.beginsWith(prefix)).limit(limit);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      sizes.push(page.results.length);
      keys.push(...page.results.map((result) => result.key));
      cursor = page.nextCursor;
    } while (cursor !== undefined && sizes.length < 10);
    return { sizes, keys };
  }

  it('pages through the items of a prefix in order, with a cursor until the last page, and sees writes between pages', async () => {
    const names = Array.from({ length: 250 }, (_, index) => `agg:${String(index).padStart(3, '0')}`);
    for (const name of [...names].reverse()) await items.set(name, { name });
    await items.set('agh:000', { name: 'agh:000' });
    await items.set('af', { name: 'af' });

    expect(await allPages('agg:', 100)).toEqual({ sizes: [100, 100, 50], keys: names });
    expect((await allPages('agg:', 10)).sizes).toHaveLength(10);
    const first = await items.query().index('by-name').where(WhereConditions.beginsWith('agg:')).getMany();
    expect(first.results).toHaveLength(10);
    await items.delete('agg:010');
    const second = await items.query().index('by-name').where(WhereConditions.beginsWith('agg:')).limit(2).cursor(first.nextCursor ?? '').getMany();
    expect(second.results.map((result) => result.key)).toEqual(['agg:011', 'agg:012']);
  });

  it('refuses page limits outside 1 to 100, and cursors it did not hand out for the query (assumed INVALID_CURSOR)', async () => {
    for (const name of ['a1', 'a2', 'a3', 'b1']) await items.set(name, { name });
    const page = await items.query().index('by-name').where(WhereConditions.beginsWith('a')).limit(1).getMany();
    const byName = () => items.query().index('by-name');

    expect(await refusal(byName().limit(0).getMany())).toEqual({ status: 400, code: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE' });
    expect(await refusal(byName().limit(101).getMany())).toEqual({ status: 400, code: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE' });
    expect(await refusal(byName().cursor('%%%').getMany())).toEqual({ status: 400, code: 'INVALID_CURSOR' });
    expect(await refusal(byName().sort(Sort.DESC).cursor(page.nextCursor ?? '').getMany())).toEqual({ status: 400, code: 'INVALID_CURSOR' });
    expect((await byName().where(WhereConditions.beginsWith('a')).cursor(page.nextCursor ?? '').getMany()).results.map((result) => result.key)).toEqual(['a2', 'a3']);
  });

  it('queries a partition by range conditions, in either order', async () => {
    for (const [key, site, at] of [['r1', 'north', 1], ['r2', 'north', 5], ['r3', 'north', 9], ['r4', 'south', 5], ['r5', 'north', 5]] as const) {
      await readings.set(key, { site, at });
    }
    const keysOf = async (where: ReturnType<(typeof WhereConditions)[keyof typeof WhereConditions]>, sort: Sort = Sort.ASC) =>
      (await readings.query().index('by-site-time', { partition: ['north'] }).where(where).sort(sort).getMany()).results.map((result) => result.key);

    expect(await keysOf(WhereConditions.greaterThan(1))).toEqual(['r2', 'r5', 'r3']);
    expect(await keysOf(WhereConditions.greaterThanEqualTo(5))).toEqual(['r2', 'r5', 'r3']);
    expect(await keysOf(WhereConditions.lessThan(5))).toEqual(['r1']);
    expect(await keysOf(WhereConditions.lessThanEqualTo(5), Sort.DESC)).toEqual(['r5', 'r2', 'r1']);
    expect(await keysOf(WhereConditions.equalTo(5))).toEqual(['r2', 'r5']);
    expect(await keysOf(WhereConditions.between(1, 5))).toEqual(['r1', 'r2', 'r5']);
    await readings.set('r2', { site: 'south', at: 5 });
    expect(await keysOf(WhereConditions.equalTo(5))).toEqual(['r5']);
  });
});

describe('the emulated KVS: units and the per-minute budget', () => {
  it('counts ⌈bytes / 10 KiB⌉ units a request, at least 1, a transaction as one write', async () => {
    const { runtime } = await start();
    await items.set('w', itemOfBytes('w', 25_000));
    await items.get('w');
    await items.get('missing');
    await kvs.transact().set('t1', { name: 't1' }, { entityName: ITEM.name }).set('t2', { name: 't2' }, { entityName: ITEM.name }).delete('w', { entityName: ITEM.name }).execute();
    await items.query().index('by-name').limit(100).getMany();

    expect(runtime.kvsUsage()).toEqual({ reads: 3, readUnits: 3 + 1 + 1, writes: 2, writeUnits: 3 + 1, refused: 0 });
  });

  it("refuses reads over the installation's budget with 429 and Retry-After, and serves again the next minute", async () => {
    const clock = new ManualClock(MINUTE_START);
    const runtime = LocalForgeRuntime.inMemory({ clock, entities: [ITEM], unitsPerMinute: 30 });
    await items.set('big', itemOfBytes('big', 10 * FORGE_KVS_LIMITS.usageUnitBytes));
    for (let read = 0; read < 3; read += 1) await items.get('big');
    clock.advance(45_000);

    expect(await refusal(items.get('big'))).toEqual({ status: 429, code: 'RATE_LIMIT_EXCEEDED' });
    const answer = await rawKvsCall('/api/v1/entity/get', { entityName: ITEM.name, key: 'big' });
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '15']);
    await items.set('writes-have-their-own-budget', { name: 'w' });
    clock.advance(15_000);
    expect((await items.get('big'))?.name).toBe('big');
    expect(runtime.kvsUsage()).toMatchObject({ reads: 4, readUnits: 40, refused: 2 });
  });

  it("refuses a transaction over the write budget as TOO_MANY_REQUESTS, writing nothing, on an installation's own budget", async () => {
    const runtime = LocalForgeRuntime.inMemory({ clock: new ManualClock(MINUTE_START), entities: [ITEM], unitsPerMinute: 30 });
    await items.set('first', itemOfBytes('first', 20 * FORGE_KVS_LIMITS.usageUnitBytes));
    await items.set('second', itemOfBytes('second', 5 * FORGE_KVS_LIMITS.usageUnitBytes));
    const transaction = kvs.transact().set('late', itemOfBytes('late', 5 * FORGE_KVS_LIMITS.usageUnitBytes + 1), { entityName: ITEM.name });

    expect(await refusal(transaction.execute())).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
    await kvs.transact().set('fits', itemOfBytes('fits', 5 * FORGE_KVS_LIMITS.usageUnitBytes), { entityName: ITEM.name }).execute();
    expect([await items.get('late'), (await items.get('fits'))?.name]).toEqual([undefined, 'fits']);
    expect(runtime.kvsUsage()).toMatchObject({ writes: 3, writeUnits: 30, refused: 1 });
  });

  it('counts without refusing when the budget is not enforced', async () => {
    const clock = new ManualClock(MINUTE_START);
    const runtime = LocalForgeRuntime.inMemory({ clock, entities: [ITEM], enforceBudget: false });
    for (let write = 0; write < 20; write += 1) await items.set('big', itemOfBytes('big', FORGE_KVS_LIMITS.maxValueBytes));

    expect(runtime.kvsUsage()).toEqual({ reads: 0, readUnits: 0, writes: 20, writeUnits: 20 * 24, refused: 0 });
  });
});

describe('the emulated KVS on disk', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await makeTempDirectory();
  });
  afterEach(() => removeTempDirectory(directory));

  it("keeps items and their indexes across restarts in the file store's log", async () => {
    const clock = new ManualClock(MINUTE_START);
    const first = await FileBackend.open(directory);
    await LocalForgeRuntime.open({ storage: first, clock, entities: [ITEM] });
    await items.set('b', { name: 'b' });
    await items.set('a', { name: 'a', payload: [1] });
    await items.set('c', { name: 'c' });
    await items.delete('c');
    await first.close();

    const second = await FileBackend.open(directory);
    await LocalForgeRuntime.open({ storage: second, clock, entities: [ITEM] });
    const page = await items.query().index('by-name').getMany();
    await second.close();

    expect(page).toEqual({ results: [{ key: 'a', value: { name: 'a', payload: [1] } }, { key: 'b', value: { name: 'b' } }] });
  });
});

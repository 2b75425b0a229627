/**
 * Checks only how KvsStore maps the port onto @forge/kvs calls (KVS itself cannot run here);
 * the behaviour shared by all stores is the contract suite's job.
 */
import { Filter, FilterConditions, ForgeKvsAPIError } from '@forge/kvs';
import { KVS_STORE_ENTITY, KvsStore } from '../../../src/adapters/storage/kvs-store';
import { expectStoreError } from './store-contract';

const mockEntity = { get: jest.fn(), set: jest.fn(), delete: jest.fn(), query: jest.fn() };
const mockQuery = { index: jest.fn(), where: jest.fn(), limit: jest.fn(), cursor: jest.fn(), getMany: jest.fn() };
const mockTransaction = { set: jest.fn<unknown, [key: string, value: unknown, options: unknown]>(), delete: jest.fn(), check: jest.fn(), execute: jest.fn() };
const mockKvs = { entity: jest.fn<unknown, [name: string]>(), transact: jest.fn<unknown, []>() };

jest.mock('@forge/kvs', () => ({
  ...jest.requireActual<object>('@forge/kvs'),
  kvs: {
    entity: (name: string) => mockKvs.entity(name),
    transact: () => mockKvs.transact(),
  },
}));

const versionFilter = (): Filter<{ version: string }> => new Filter<{ version: string }>();

function apiError(status: number, code: string): ForgeKvsAPIError {
  return new ForgeKvsAPIError({ status, statusText: code }, { code, message: `${code} from KVS` });
}

describe('KvsStore maps the Store port onto @forge/kvs custom-entity calls', () => {
  let store: KvsStore;

  beforeEach(() => {
    jest.clearAllMocks();
    mockKvs.entity.mockReturnValue(mockEntity);
    mockKvs.transact.mockReturnValue(mockTransaction);
    mockEntity.query.mockReturnValue(mockQuery);
    for (const step of [mockQuery.index, mockQuery.where, mockQuery.limit, mockQuery.cursor]) step.mockReturnValue(mockQuery);
    for (const step of [mockTransaction.set, mockTransaction.delete, mockTransaction.check]) step.mockReturnValue(mockTransaction);
    mockTransaction.execute.mockResolvedValue(undefined);
    store = new KvsStore({ newVersion: () => 'v2', retryDelayMs: () => 0 });
  });

  it('writes a value as an entity carrying its key and a fresh version', async () => {
    await store.set('plan:acme', { hours: 300 });

    expect(mockKvs.entity).toHaveBeenCalledWith(KVS_STORE_ENTITY);
    expect(mockEntity.set).toHaveBeenCalledWith('plan:acme', { storeKey: 'plan:acme', version: 'v2', value: { hours: 300 } });
    expect(mockKvs.transact).not.toHaveBeenCalled();
  });

  it('reads the value and version of an entity, and nothing for a missing key', async () => {
    mockEntity.get.mockResolvedValueOnce({ storeKey: 'plan:acme', version: 'v1', value: [1, 2] });
    mockEntity.get.mockResolvedValueOnce(undefined);

    expect(await store.getVersioned('plan:acme')).toEqual({ value: [1, 2], version: 'v1' });
    expect(await store.get('plan:missing')).toBeUndefined();
    expect(mockEntity.get.mock.calls).toEqual([['plan:acme'], ['plan:missing']]);
  });

  it('deletes through the entity', async () => {
    await store.delete('plan:acme');

    expect(mockEntity.delete).toHaveBeenCalledWith('plan:acme');
  });

  it('lists by prefix through the key index with limit and cursor', async () => {
    mockQuery.getMany.mockResolvedValue({
      results: [{ key: 'agg:a', value: { storeKey: 'agg:a', version: 'v1', value: 7 } }],
      nextCursor: 'next-page',
    });

    const page = await store.listByPrefix('agg:', { limit: 2, cursor: 'this-page' });

    expect(page).toEqual({ entries: [{ key: 'agg:a', value: 7 }], nextCursor: 'next-page' });
    expect(mockQuery.index).toHaveBeenCalledWith('by-store-key');
    expect(mockQuery.where).toHaveBeenCalledWith({ condition: 'BEGINS_WITH', values: ['agg:'] });
    expect(mockQuery.limit).toHaveBeenCalledWith(2);
    expect(mockQuery.cursor).toHaveBeenCalledWith('this-page');
  });

  it('lists everything without a key condition when the prefix is empty', async () => {
    mockQuery.getMany.mockResolvedValue({ results: [] });

    expect(await store.listByPrefix('')).toEqual({ entries: [] });
    expect(mockQuery.where).not.toHaveBeenCalled();
    expect(mockQuery.limit).toHaveBeenCalledWith(100);
  });

  it('turns version conditions into entity filters of one KVS transaction', async () => {
    await store.transact([
      { set: { key: 'a', value: 1, ifVersion: 'v1' } },
      { delete: { key: 'b' } },
      { check: { key: 'c', ifVersion: null } },
    ]);

    expect(mockTransaction.set).toHaveBeenCalledWith(
      'a',
      { storeKey: 'a', version: 'v2', value: 1 },
      { entityName: KVS_STORE_ENTITY, conditions: versionFilter().and('version', FilterConditions.equalTo('v1')) },
    );
    expect(mockTransaction.delete).toHaveBeenCalledWith('b', { entityName: KVS_STORE_ENTITY });
    expect(mockTransaction.check).toHaveBeenCalledWith('c', {
      entityName: KVS_STORE_ENTITY,
      conditions: versionFilter().and('version', FilterConditions.notExists()),
    });
    // The comparison above sees the condition's values, not only its shape:
    expect(mockTransaction.set.mock.calls[0]?.[2]).not.toEqual({
      entityName: KVS_STORE_ENTITY,
      conditions: versionFilter().and('version', FilterConditions.equalTo('v0')),
    });
    expect(mockTransaction.execute).toHaveBeenCalledTimes(1);
  });

  it('retries an update whose condition KVS refused, reading the new version', async () => {
    mockEntity.get
      .mockResolvedValueOnce({ storeKey: 'n', version: 'v1', value: 1 })
      .mockResolvedValueOnce({ storeKey: 'n', version: 'v5', value: 5 });
    mockTransaction.execute.mockRejectedValueOnce(apiError(409, 'CONDITION_NOT_MET')).mockResolvedValueOnce(undefined);

    const stored = await store.update('n', (current) => (typeof current === 'number' ? current + 1 : 1));

    expect(stored).toBe(6);
    expect(mockTransaction.set.mock.calls.map(([key, value]) => [key, value])).toEqual([
      ['n', { storeKey: 'n', version: 'v2', value: 2 }],
      ['n', { storeKey: 'n', version: 'v2', value: 6 }],
    ]);
  });

  it.each([
    [409, 'CONFLICT', 'conflict'],
    [429, 'TOO_MANY_REQUESTS', 'rate-limited'],
    [500, 'INTERNAL_SERVER_ERROR', 'unavailable'],
  ] as const)('maps a KVS %i %s to a StoreError %s', async (status, code, storeCode) => {
    mockEntity.set.mockRejectedValueOnce(apiError(status, code));

    await expectStoreError(store.set('k', 1), storeCode);
  });

  it("refuses what breaks Forge's limits before calling KVS", async () => {
    await expectStoreError(store.set('bad/key', 1), 'invalid-key');
    await expectStoreError(store.listByPrefix('agg:', { limit: 101 }), 'invalid-page-size');

    expect(mockEntity.set).not.toHaveBeenCalled();
    expect(mockEntity.query).not.toHaveBeenCalled();
  });
});

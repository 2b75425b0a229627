/**
 * The production store over the real `@forge/kvs`, answered by the local Forge runtime's emulated KVS:
 * the contract every store shares, then what only KvsStore does (its entity, and KVS's refusals).
 */
import { kvs } from '@forge/kvs';
import { KVS_STORE_ENTITY, KvsStore } from '../../../src/adapters/storage/kvs-store';
import type { StorageBackend } from '../../../src/adapters/storage/storage-backend';
import { fixedClock } from '../../../src/app/ports/clock';
import { FORGE_KVS_LIMITS } from '../../../src/app/ports/store';
import { LocalForgeRuntime } from '../../../src/local/forge-runtime/local-forge-runtime';
import { describeStoreContract, expectStoreError, jsonStringOfBytes } from './store-contract';
import { openKvsStoreFixture } from './store-fixtures';

describeStoreContract('KvsStore through the local Forge runtime', openKvsStoreFixture);

const clock = fixedClock(Date.parse('2026-10-20T12:00:00Z'));

describe('KvsStore on KVS', () => {
  it("keeps each value in the manifest's entity, with its key and version as indexed attributes", async () => {
    const { store } = await openKvsStoreFixture();
    await store.set('plan:acme', { hours: 300 });
    const stored = await store.getVersioned('plan:acme');

    expect(await kvs.entity(KVS_STORE_ENTITY).get('plan:acme')).toEqual({ storeKey: 'plan:acme', version: stored?.version, value: { hours: 300 } });
  });

  it("reads KVS's 429 over the installation's budget as rate-limited", async () => {
    LocalForgeRuntime.inMemory({ clock, unitsPerMinute: 3 });
    const store = new KvsStore({ retryDelayMs: () => 0 });
    await store.set('k', jsonStringOfBytes(2 * FORGE_KVS_LIMITS.usageUnitBytes));

    await expectStoreError(store.set('more', 1), 'rate-limited');
    await expectStoreError(store.transact([{ set: { key: 'more', value: 1 } }, { delete: { key: 'k' } }]), 'rate-limited');
  });

  it('reads any other failure of KVS as unavailable', async () => {
    const broken: StorageBackend = { read: () => Promise.reject(new Error('the disk is gone')), list: async () => ({ items: [] }), commit: async () => undefined };
    await LocalForgeRuntime.open({ storage: broken, clock });

    await expectStoreError(new KvsStore().get('k'), 'unavailable');
  });
});

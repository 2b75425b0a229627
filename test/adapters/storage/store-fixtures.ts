import { FileStore } from '../../../src/adapters/storage/file-store';
import { KvsStore, kvsEntityOverheadBytes } from '../../../src/adapters/storage/kvs-store';
import { FORGE_KVS_LIMITS } from '../../../src/app/ports/store';
import { MemoryStore } from '../../../src/adapters/storage/memory-store';
import { fixedClock } from '../../../src/app/ports/clock';
import { LocalForgeRuntime } from '../../../src/local/forge-runtime/local-forge-runtime';
import { StoreFixture } from './store-contract';
import { makeTempDirectory, removeTempDirectory } from './temp-directory';

export async function openMemoryStoreFixture(): Promise<StoreFixture> {
  return { store: new MemoryStore(), largestValueBytes: () => FORGE_KVS_LIMITS.maxValueBytes, dispose: async () => undefined };
}

/** A FileStore in a fresh temporary directory, removed on dispose. */
export async function openFileStoreFixture(): Promise<StoreFixture> {
  const directory = await makeTempDirectory();
  const store = await FileStore.open(directory);
  return {
    store,
    largestValueBytes: () => FORGE_KVS_LIMITS.maxValueBytes,
    dispose: async () => {
      await store.close();
      await removeTempDirectory(directory);
    },
  };
}

/** The production store over the real `@forge/kvs`, answered by the local runtime's emulated KVS. */
export async function openKvsStoreFixture(): Promise<StoreFixture> {
  LocalForgeRuntime.inMemory({ clock: fixedClock(Date.parse('2026-10-20T12:00:00Z')) });
  return {
    store: new KvsStore({ retryDelayMs: () => 0 }),
    largestValueBytes: (key) => FORGE_KVS_LIMITS.maxValueBytes - kvsEntityOverheadBytes(key),
    dispose: async () => undefined,
  };
}

import { FileStore } from '../../../src/adapters/storage/file-store';
import { MemoryStore } from '../../../src/adapters/storage/memory-store';
import { StoreFixture } from './store-contract';
import { makeTempDirectory, removeTempDirectory } from './temp-directory';

export async function openMemoryStoreFixture(): Promise<StoreFixture> {
  return { store: new MemoryStore(), dispose: async () => undefined };
}

/** A FileStore in a fresh temporary directory, removed on dispose. */
export async function openFileStoreFixture(): Promise<StoreFixture> {
  const directory = await makeTempDirectory();
  const store = await FileStore.open(directory);
  return {
    store,
    dispose: async () => {
      await store.close();
      await removeTempDirectory(directory);
    },
  };
}

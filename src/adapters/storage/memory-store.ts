import { EnforcedStore, EnforcedStoreOptions } from './enforced-store';
import { KeyTable } from './key-table';
import { Mutation, StorageBackend, StoredItem, StoredPage } from './storage-backend';

/** Keys in memory; the backend of `MemoryStore`, and of the emulated Forge KVS in tests. */
export class MemoryBackend implements StorageBackend {
  private readonly table = new KeyTable();

  async read(key: string): Promise<StoredItem | undefined> {
    return this.table.read(key);
  }

  async list(prefix: string, limit: number, cursor: string | undefined): Promise<StoredPage> {
    return this.table.list(prefix, limit, cursor);
  }

  /** Synchronous inside, so no other commit can interleave between check and apply. */
  async commit(mutations: readonly Mutation[]): Promise<void> {
    this.table.assertConditions(mutations);
    this.table.apply(mutations);
  }
}

/** The store for unit tests: Forge's limits and semantics, nothing persisted. */
export class MemoryStore extends EnforcedStore {
  constructor(options: EnforcedStoreOptions = {}) {
    super(new MemoryBackend(), options);
  }
}

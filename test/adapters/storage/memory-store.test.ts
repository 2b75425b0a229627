import { MemoryStore } from '../../../src/adapters/storage/memory-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('MemoryStore', async () => ({ store: new MemoryStore(), dispose: async () => undefined }));

import { describeStoreContract } from './store-contract';
import { openMemoryStoreFixture } from './store-fixtures';

describeStoreContract('MemoryStore', openMemoryStoreFixture);

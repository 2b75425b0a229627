import { STORE_LIMITS, type Store, type TransactOperation } from '../ports/store';

/** Unconditional writes of many keys, as few transactions of at most 25 operations as it takes. */
export async function transactInBatches(store: Store, operations: readonly TransactOperation[]): Promise<void> {
  const size = STORE_LIMITS.maxTransactionOperations;
  for (let start = 0; start < operations.length; start += size) {
    await store.transact(operations.slice(start, start + size));
  }
}

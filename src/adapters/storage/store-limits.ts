import { FORGE_KVS_LIMITS, StoreError, TransactOperation } from '../../app/ports/store';

export function assertValidKey(key: string): void {
  if (key.length === 0 || key.length > FORGE_KVS_LIMITS.maxKeyLength || !FORGE_KVS_LIMITS.keyPattern.test(key)) {
    throw new StoreError(
      'invalid-key',
      `Key "${key.slice(0, 80)}" must be 1 to ${FORGE_KVS_LIMITS.maxKeyLength} characters of letters, digits, ` +
        'spaces and ":._-#", and not only spaces.',
    );
  }
}

/** A prefix may be empty (list everything); otherwise it follows the key rules. */
export function assertValidPrefix(prefix: string): void {
  if (prefix !== '') assertValidKey(prefix);
}

export function assertValueSize(key: string, bytes: number, limit: number = FORGE_KVS_LIMITS.maxValueBytes): void {
  if (bytes > limit) {
    throw new StoreError('value-too-large', `Value for key "${key}" is ${bytes} bytes; the limit is ${limit}.`);
  }
}

export function assertPageSize(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > FORGE_KVS_LIMITS.maxPageSize) {
    throw new StoreError('invalid-page-size', `Page size ${limit} must be an integer from 1 to ${FORGE_KVS_LIMITS.maxPageSize}.`);
  }
}

export function assertTransactionShape(operations: readonly TransactOperation[]): void {
  if (operations.length > FORGE_KVS_LIMITS.maxTransactionOperations) {
    throw new StoreError(
      'transaction-too-large',
      `A transaction has ${operations.length} operations; the limit is ${FORGE_KVS_LIMITS.maxTransactionOperations}.`,
    );
  }
  const seen = new Set<string>();
  for (const operation of operations) {
    const key = operationKey(operation);
    if (seen.has(key)) {
      throw new StoreError('duplicate-key-in-transaction', `Key "${key}" appears more than once in one transaction.`);
    }
    seen.add(key);
  }
}

export function assertTransactionBytes(bytes: number, limit: number = FORGE_KVS_LIMITS.maxTransactionBytes): void {
  if (bytes > limit) {
    throw new StoreError('transaction-too-large', `A transaction carries ${bytes} bytes; the limit is ${limit}.`);
  }
}

export function operationKey(operation: TransactOperation): string {
  if ('set' in operation) return operation.set.key;
  if ('delete' in operation) return operation.delete.key;
  return operation.check.key;
}

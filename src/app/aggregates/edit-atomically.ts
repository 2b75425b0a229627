import { JsonValue, Store, StoreError, TransactOperation } from '../ports/store';

export type KeyValues = ReadonlyMap<string, JsonValue | undefined>;

const MAX_ATTEMPTS = 12;

/**
 * Read-modify-write of several keys as one transaction: reads each key with its version,
 * computes the next values, and commits them on the condition that none of the keys changed
 * meanwhile (unchanged keys are checked, not written). On a conflict it reads again and
 * retries, so concurrent event handlers never lose each other's updates.
 *
 * `compute` may run more than once and must not have side effects; a key missing from its
 * answer is left as it is, a key mapped to `undefined` is deleted.
 * Resolves to the number of keys written.
 */
export async function editAtomically(
  store: Store,
  keys: readonly string[],
  compute: (current: KeyValues) => KeyValues,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const versions = await Promise.all(keys.map(async (key) => [key, await store.getVersioned(key)] as const));
    const current = new Map(versions.map(([key, versioned]) => [key, versioned?.value]));
    const next = compute(current);
    const operations: TransactOperation[] = versions.map(([key, versioned]) => {
      const ifVersion = versioned?.version ?? null;
      if (!next.has(key) || sameJson(next.get(key), versioned?.value)) return { check: { key, ifVersion } };
      const value = next.get(key);
      return value === undefined ? { delete: { key, ifVersion } } : { set: { key, value, ifVersion } };
    });
    const writes = operations.filter((operation) => !('check' in operation)).length;
    if (writes === 0) return 0;
    try {
      await store.transact(operations);
      return writes;
    } catch (error) {
      const retryable = error instanceof StoreError && error.code === 'conflict' && attempt < MAX_ATTEMPTS;
      if (!retryable) throw error;
      await pause(Math.random() * Math.min(200, 5 * 2 ** attempt));
    }
  }
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return a === undefined || b === undefined ? a === b : JSON.stringify(a) === JSON.stringify(b);
}

/** Jittered so that writers that collided don't collide again on the next attempt. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

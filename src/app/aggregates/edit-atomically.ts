import type { JsonValue, Store, TransactOperation, VersionedValue } from '../ports/store';
import { jitteredBackoffMs, retryOnConflict } from '../retry-on-conflict';

export type KeyValues = ReadonlyMap<string, JsonValue | undefined>;

export interface EditOptions {
  /** Keys the caller has just read with their versions: the first attempt takes them as read instead of reading them again. */
  readonly known?: ReadonlyMap<string, VersionedValue | undefined>;
}

const MAX_ATTEMPTS = 12;

/**
 * Read-modify-write of several keys as one transaction: reads each key with its version,
 * computes the next values, and commits them on the condition that none of the keys changed
 * meanwhile (unchanged keys are checked, not written). On a conflict it reads again and
 * retries, so concurrent event handlers never lose each other's updates.
 *
 * `compute` may run more than once and must not have side effects; a key missing from its
 * answer is left as it is, a key mapped to `undefined` is deleted, and a key it adds that was
 * not read is created, on the condition that it does not exist yet.
 * Resolves to the number of keys written.
 */
export function editAtomically(
  store: Store,
  keys: readonly string[],
  compute: (current: KeyValues) => KeyValues,
  options: EditOptions = {},
): Promise<number> {
  let known = options.known;
  return retryOnConflict(
    () => {
      const firstRead = known;
      known = undefined;
      return editOnce(store, keys, compute, firstRead ?? new Map<string, VersionedValue | undefined>());
    },
    { maxAttempts: MAX_ATTEMPTS, delayMs: jitteredBackoffMs, subject: `Keys ${keys.join(', ')}` },
  );
}

async function editOnce(
  store: Store,
  keys: readonly string[],
  compute: (current: KeyValues) => KeyValues,
  known: ReadonlyMap<string, VersionedValue | undefined>,
): Promise<number> {
  const versions = await Promise.all(keys.map(async (key) => [key, known.has(key) ? known.get(key) : await store.getVersioned(key)] as const));
  const current = new Map(versions.map(([key, versioned]) => [key, versioned?.value]));
  const next = compute(current);
  const operations: TransactOperation[] = versions.map(([key, versioned]) => {
    const ifVersion = versioned?.version ?? null;
    if (!next.has(key) || sameJson(next.get(key), versioned?.value)) return { check: { key, ifVersion } };
    const value = next.get(key);
    return value === undefined ? { delete: { key, ifVersion } } : { set: { key, value, ifVersion } };
  });
  for (const [key, value] of next) {
    if (!current.has(key) && value !== undefined) operations.push({ set: { key, value, ifVersion: null } });
  }
  const writes = operations.filter((operation) => !('check' in operation)).length;
  if (writes > 0) await store.transact(operations);
  return writes;
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return a === undefined || b === undefined ? a === b : JSON.stringify(a) === JSON.stringify(b);
}

import type { Store, StoreEntry } from '../ports/store';

/** Every entry under a prefix, page after page, in key order. */
export async function listAll(store: Store, prefix: string): Promise<StoreEntry[]> {
  const entries: StoreEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listByPrefix(prefix, cursor === undefined ? {} : { cursor });
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return entries;
}

import type { JsonValue, Store } from '../ports/store';
import { entryChunkKey } from './figures-keys';

/** Every chunk of `ids` under `part`, decoded and in order; undefined when one is gone (a later refresh replaced it) or malformed. */
export async function readChunks<Item>(store: Store, planId: string, part: string, ids: readonly string[], decode: (value: JsonValue | undefined) => Item[] | undefined): Promise<Item[] | undefined> {
  const decoded = await Promise.all(ids.map(async (id) => decode(await store.get(entryChunkKey(planId, part, id)))));
  return decoded.every((items) => items !== undefined) ? decoded.flat() : undefined;
}

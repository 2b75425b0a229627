import { KvsStore } from '../adapters/storage/kvs-store';
import { RecordFormatStore } from '../adapters/storage/record-format-store';
import type { Store } from '../app/ports/store';

/** The store every Forge function uses: Forge's key-value store, each record in its format. */
export function forgeStore(): Store {
  return new RecordFormatStore(new KvsStore());
}

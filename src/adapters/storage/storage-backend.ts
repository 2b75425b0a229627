import { ExpectedVersion, JsonValue, Version } from '../../app/ports/store';

/**
 * The primitive each storage technology provides; `EnforcedStore` adds Forge's limits,
 * metering and the retry loop on top, so the three stores cannot drift apart.
 */
export interface StorageBackend {
  read(key: string): Promise<StoredItem | undefined>;
  /** Keys starting with `prefix` in ascending order, at most `limit`, after the cursor's position. */
  list(prefix: string, limit: number, cursor: string | undefined): Promise<StoredPage>;
  /** Applies all mutations or none; throws a `conflict` StoreError when an `ifVersion` does not hold. */
  commit(mutations: readonly Mutation[]): Promise<void>;
}

export interface StoredItem {
  readonly value: JsonValue;
  readonly version: Version;
  /** Serialized size, for metering. */
  readonly bytes: number;
}

export interface StoredPage {
  readonly items: readonly { readonly key: string; readonly item: StoredItem }[];
  readonly nextCursor?: string;
}

/** `ifVersion` absent: unconditional. */
export type Mutation =
  | {
      readonly kind: 'set';
      readonly key: string;
      readonly value: JsonValue;
      readonly json: string;
      readonly version: Version;
      readonly ifVersion?: ExpectedVersion;
    }
  | { readonly kind: 'delete'; readonly key: string; readonly ifVersion?: ExpectedVersion }
  | { readonly kind: 'check'; readonly key: string; readonly ifVersion: ExpectedVersion };

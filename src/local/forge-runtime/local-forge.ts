import type { JiraClientOptions } from '../../adapters/jira';
import type { EnforcedStoreOptions } from '../../adapters/storage/enforced-store';
import { KvsStore } from '../../adapters/storage/kvs-store';
import { RecordFormatStore } from '../../adapters/storage/record-format-store';
import type { Store } from '../../app/ports/store';
import { LocalJira } from '../local-jira';
import type { LocalForgeRuntime } from './local-forge-runtime';
import { RuntimeBoundStore } from './runtime-bound-store';

/** The app's production clients over a local Forge runtime: what the preview, the backend tests and the benchmarks run on. */
export interface LocalForge {
  readonly runtime: LocalForgeRuntime;
  /** The store as the app uses it on Forge (`forgeStore()`): `KvsStore` in record formats. */
  readonly store: Store;
  /** The `KvsStore` underneath, with its own count of what it asked of KVS. */
  readonly storage: KvsStore;
  /** Jira through `ForgeTransport`, as the app and as each user. */
  readonly jira: LocalJira;
}

export interface LocalForgeClientOptions {
  readonly storeOptions?: Omit<EnforcedStoreOptions, 'storedBytes'>;
  readonly jiraClient?: JiraClientOptions;
}

/** The production clients over `runtime`. */
export function localForge(runtime: LocalForgeRuntime, options: LocalForgeClientOptions = {}): LocalForge {
  const storage = new KvsStore(options.storeOptions);
  return { runtime, storage, store: new RuntimeBoundStore(runtime, new RecordFormatStore(storage)), jira: new LocalJira(runtime, options.jiraClient) };
}

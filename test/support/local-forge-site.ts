import type { Clock } from '../../src/app/ports/clock';
import type { WorkQueue } from '../../src/app/ports/queue';
import type { Store } from '../../src/app/ports/store';
import type { SyncDeps } from '../../src/app/sync/sync-deps';
import { DEMO_USERS } from '../../src/jira-simulator/demo/people';
import { APP_ACCOUNT } from '../../src/jira-simulator/model';
import type { JiraSimulator } from '../../src/jira-simulator/simulator';
import { LocalQueue } from '../../src/local/events/local-queue';
import { startLocalSync, type LocalSync } from '../../src/local/events/local-sync';
import { localForge } from '../../src/local/forge-runtime/local-forge';
import { LocalForgeRuntime } from '../../src/local/forge-runtime/local-forge-runtime';
import { createLocalBackend, type LocalBackend } from '../../src/local/local-backend';

export interface LocalForgeSiteOptions {
  readonly clock: Clock;
  /** The site's Jira, with the demo's people. */
  readonly simulator: JiraSimulator;
  /** The queue the consumers run on (a new one in manual mode unless given). */
  readonly queue?: LocalQueue;
  /** Where the sync and the alerts queue their work (`queue` unless given). */
  readonly workQueue?: WorkQueue;
}

export interface LocalForgeSite {
  /** The local Forge runtime the store and Jira run through, with its count of KVS reads and units. */
  readonly runtime: LocalForgeRuntime;
  readonly store: Store;
  readonly queue: LocalQueue;
  readonly backend: LocalBackend;
  /** The services the sync's and the alerts' functions run with. */
  readonly deps: SyncDeps;
  readonly sync: LocalSync;
}

/**
 * The app on its production clients (`KvsStore` over `@forge/kvs`, `ForgeTransport` over `@forge/api`) through an
 * in-memory local Forge runtime whose Jira is `simulator`, with the sync's and the alerts' consumers on a local
 * queue: the site large plans are built in, by the tests and the benchmarks. Storing a plan's whole work at one
 * instant would pass any minute's budget: KVS use is counted, not enforced.
 */
export function localForgeSite(options: LocalForgeSiteOptions): LocalForgeSite {
  const { clock, simulator } = options;
  const runtime = LocalForgeRuntime.inMemory({
    clock,
    enforceBudget: false,
    jira: { baseUrl: 'http://jira.local', fetch: (request) => simulator.handle(request), users: Object.values(DEMO_USERS), app: APP_ACCOUNT },
  });
  const { store, jira } = localForge(runtime, { storeOptions: { retryDelayMs: () => 0 } });
  const queue = options.queue ?? new LocalQueue({ mode: 'manual' });
  const backend = createLocalBackend({ store, clock, queue, jira });
  const deps: SyncDeps = { jira: backend.jira.app, store, queue: options.workQueue ?? queue, clock };
  const sync = startLocalSync({ deps, queue, subscribe: () => () => undefined });
  return { runtime, store, queue, backend, deps, sync };
}

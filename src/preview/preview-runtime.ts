import { FileBackend } from '../adapters/storage/file-store';
import type { Clock } from '../app/ports/clock';
import { DEMO_USERS } from '../jira-simulator/demo/people';
import { DEMO_PORTAL_CUSTOMERS } from '../jira-simulator/demo/service-desk';
import { APP_ACCOUNT } from '../jira-simulator/model';
import type { JiraSimulator } from '../jira-simulator/simulator';
import { COALESCE_SECONDS } from '../app/figures/request-figures-refresh';
import { requestRecompute } from '../app/sync/request-recompute';
import { internalIdOfKey } from '../app/scope/plan-scope';
import { LocalQueue } from '../local/events/local-queue';
import { startLocalSync } from '../local/events/local-sync';
import { addLocalTransitionValidator } from '../local/events/local-validator';
import { localForge } from '../local/forge-runtime/local-forge';
import { LocalForgeRuntime } from '../local/forge-runtime/local-forge-runtime';
import { createLocalBackend, type LocalBackend } from '../local/local-backend';
import type { PreviewRuntime } from './preview-handler';

const RECONCILE_EVERY_MS = 5 * 60_000;
const SETTLE_ROUND_MS = 20;
/** Jobs due this soon are waited for by `settle`: a coalesced figures refresh; not a later retry or the drop of a replaced generation. */
const SETTLE_HORIZON_MS = COALESCE_SECONDS * 1000;

export interface RunningRuntime extends PreviewRuntime {
  readonly backend: LocalBackend;
  readonly queue: LocalQueue;
  /** Rebuilds a plan's aggregates from Jira through the queue, as a plan change does on Forge. */
  recompute(planKey: string): Promise<void>;
  stop(): void;
}

/**
 * The app's server side as Forge would run it, on this machine: resolvers through the local
 * invoker, Jira's events into the trigger functions, the queue's jobs on real timers, and
 * reconciliation at the start and every five minutes, all on the production clients (`KvsStore`,
 * `ForgeTransport`) through the local Forge runtime: its KVS kept in `kvsDirectory`, Jira the
 * simulator; "now" is `clock`'s.
 */
export async function startPreviewRuntime(simulator: JiraSimulator, kvsDirectory: string, clock: Clock): Promise<RunningRuntime> {
  const accounts = [...Object.values(DEMO_USERS), ...Object.values(DEMO_PORTAL_CUSTOMERS)].map(({ accountId, email, apiToken }) => ({ accountId, email, apiToken }));
  const forge = await LocalForgeRuntime.open({
    storage: await FileBackend.open(kvsDirectory),
    clock,
    jira: { baseUrl: 'http://jira.preview.local', fetch: simulator.fetch, users: accounts, app: APP_ACCOUNT },
  });
  const { store, jira } = localForge(forge);
  const queue = new LocalQueue({ mode: 'timers' });
  const backend = createLocalBackend({ store, clock, queue, jira });
  const syncDeps = { jira: backend.jira.app, store, queue, clock };
  const sync = startLocalSync({
    deps: syncDeps,
    queue,
    subscribe: (listener) => simulator.onEvent(listener),
    reconcileEveryMs: RECONCILE_EVERY_MS,
  });
  // As on a site whose admin added the hard stop's validator to "Start progress" in the workflow editor.
  const removeValidator = addLocalTransitionValidator(simulator, syncDeps);
  // As on a site where the hourly reconciliation has been running: periods that ended can be closed at once.
  await sync.handlers.onReconcile();
  return {
    backend,
    queue,
    async recompute(planKey) {
      const internalId = await internalIdOfKey(syncDeps.store, planKey);
      if (internalId === undefined) throw new Error(`There is no plan ${planKey} to recompute.`);
      await requestRecompute(syncDeps, internalId);
    },
    invoke: (request) => backend.invoker.invokeFrame(request),
    async settle() {
      // A finished job may have pushed the next one onto a timer: wait until a round starts no new job. A change's
      // figures refresh waits out its coalescing delay on a timer: wait for it too, or frames reloaded now show the
      // figures from before the change (and nothing reloads them).
      let runs = -1;
      while (runs !== queue.runs.length) {
        runs = queue.runs.length;
        await simulator.idle();
        const dueInMs = queue.nextDueInMs();
        const wait = dueInMs !== undefined && dueInMs <= SETTLE_HORIZON_MS ? dueInMs + SETTLE_ROUND_MS : SETTLE_ROUND_MS;
        await new Promise((resolve) => setTimeout(resolve, wait));
        await queue.idle();
      }
    },
    stop() {
      removeValidator();
      sync.stop();
      queue.stop();
    },
  };
}

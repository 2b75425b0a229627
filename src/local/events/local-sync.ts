import { ALERTS_QUEUE_KEY } from '../../app/alerts/alert-keys';
import { SYNC_QUEUE_KEY, type SyncDeps } from '../../app/sync/sync-deps';
import { createAlertConsumer } from '../../forge/events/alert-consumer';
import { createSyncHandlers, type SyncHandlers } from '../../forge/events/sync-handlers';
import type { EventListener, ProductEvent } from '../../jira-simulator/events';
import type { LocalQueue } from './local-queue';
import { startSchedule } from './local-schedule';

export interface LocalSyncOptions {
  /** Services over the simulator and a local store; `deps.queue` should be `queue`. */
  readonly deps: SyncDeps;
  readonly queue: LocalQueue;
  /** The simulator's `onEvent`. */
  readonly subscribe: (listener: EventListener) => () => void;
  /** Run reconciliation on a timer this often (Forge: `fiveMinute`); absent: only when asked. */
  readonly reconcileEveryMs?: number;
}

export interface LocalSync {
  /** The very functions Forge calls. */
  readonly handlers: SyncHandlers;
  stop(): void;
}

/**
 * The sync side outside Forge: the simulator's product events go to the trigger functions,
 * the queue's jobs to the consumer function, reconciliation runs on a timer — each with the
 * Forge-shaped event it would get on Forge.
 */
export function startLocalSync(options: LocalSyncOptions): LocalSync {
  const handlers = createSyncHandlers(() => options.deps);
  options.queue.consume(SYNC_QUEUE_KEY, (event) => handlers.onSyncJob(event));
  options.queue.consume(ALERTS_QUEUE_KEY, createAlertConsumer(() => options.deps));
  const unsubscribe = options.subscribe((event) => dispatch(handlers, event));
  const stopSchedule =
    options.reconcileEveryMs === undefined
      ? () => undefined
      : startSchedule([{ name: 'reconcile', everyMs: options.reconcileEveryMs, run: handlers.onReconcile }], (name, error) =>
          console.error(`Scheduled ${name} failed:`, error),
        );
  return {
    handlers,
    stop() {
      unsubscribe();
      stopSchedule();
    },
  };
}

function dispatch(handlers: SyncHandlers, event: ProductEvent): Promise<void> {
  switch (event.eventType) {
    case 'avi:jira:created:issue':
      return handlers.onIssueCreated(event);
    case 'avi:jira:updated:issue':
      return handlers.onIssueUpdated(event);
    default:
      return handlers.onWorklogEvent(event);
  }
}

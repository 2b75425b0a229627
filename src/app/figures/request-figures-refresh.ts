import { toJsonValue } from '../plans/to-json-value';
import type { Clock } from '../ports/clock';
import type { WorkQueue } from '../ports/queue';
import type { Store } from '../ports/store';
import { planConcurrencyKey, SYNC_QUEUE_KEY } from '../sync/sync-deps';
import type { RefreshFiguresJob } from '../sync/sync-jobs';
import { figuresHeadKey, refreshRequestKey } from './figures-keys';
import { figuresHeadSchema, refreshRequestSchema } from './figures-records';

/** Changes within this long of the first are refreshed together. */
export const COALESCE_SECONDS = 5;

/** Forge's longest queue delay. */
const MAX_DELAY_SECONDS = 900;

/**
 * A request queued this long ago and not taken, or taken this long ago and not finished, is taken
 * for lost (a push that never ran, a refresh killed past its retries): the next request queues another.
 */
export const TAKEN_FOR_DEAD_MS = 2 * 60_000;

export interface RefreshRequestDeps {
  readonly store: Store;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

/**
 * Asks for the plan's figures to be refreshed after its aggregate, terms or closed periods changed.
 * Requests coalesce: while one is queued and not yet taken, another costs one read and writes
 * nothing; while a refresh runs, a request rewrites the request record, so that refresh sees the
 * change and runs again. So a burst of events on one plan causes a bounded number of refreshes.
 * A request lost for `TAKEN_FOR_DEAD_MS` is queued again by the next one (and by the hourly reconciliation).
 *
 * @returns whether a refresh job was queued
 */
export async function requestFiguresRefresh(deps: RefreshRequestDeps, planId: string): Promise<boolean> {
  const now = deps.clock.now();
  const decided = { queue: false };
  await deps.store.update(refreshRequestKey(planId), (current) => {
    const request = refreshRequestSchema.safeParse(current);
    const since = request.success ? (request.data.takenAt ?? request.data.requestedAt) : undefined;
    const alive = since !== undefined && now - since < TAKEN_FOR_DEAD_MS;
    if (alive && request.success && request.data.takenAt === undefined) {
      decided.queue = false;
      return current;
    }
    decided.queue = !alive;
    return toJsonValue(alive && request.success ? { requestedAt: now, takenAt: request.data.takenAt } : { requestedAt: now });
  });
  if (decided.queue) await queueRefresh(deps, planId);
  return decided.queue;
}

/**
 * A refresh reads the plan's whole aggregate, so under a steady stream of changes a large plan
 * refreshes at most about once per this many milliseconds per 1,000 worklogs: a 100,000-worklog
 * plan about once a minute. Closed periods are not counted: a refresh reads a closed period's
 * frozen statement only while late work is left to book for it (docs/internals/figures.md, Closed periods).
 */
export const SPACING_MS_PER_1000_WORKLOGS = 600;

/** Queues the plan's refresh job: in `COALESCE_SECONDS`, or once the last refresh is spaced enough from the next for the plan's size. */
export async function queueRefresh(deps: RefreshRequestDeps, planId: string): Promise<void> {
  const head = figuresHeadSchema.safeParse(await deps.store.get(figuresHeadKey(planId)));
  const spacingMs = head.success ? Math.ceil((head.data.worklogCount * SPACING_MS_PER_1000_WORKLOGS) / 1000) : 0;
  const dueAt = head.success ? head.data.refreshedAt + spacingMs : 0;
  const delayInSeconds = Math.min(MAX_DELAY_SECONDS, Math.max(COALESCE_SECONDS, Math.ceil((dueAt - deps.clock.now()) / 1000)));
  const job: RefreshFiguresJob = { kind: 'refresh-figures', planId };
  await deps.queue.push(SYNC_QUEUE_KEY, job, { concurrencyKey: planConcurrencyKey(planId), delayInSeconds });
}

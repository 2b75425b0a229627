import { toJsonValue } from '../plans/to-json-value';
import type { Clock } from '../ports/clock';
import { MAX_DELAY_SECONDS, type WorkQueue } from '../ports/queue';
import type { Store } from '../ports/store';
import { planConcurrencyKey, SYNC_QUEUE_KEY } from '../sync/sync-deps';
import type { RefreshFiguresJob } from '../sync/sync-jobs';
import { figuresHeadKey } from './figures-keys';
import { figuresHeadOf, REQUEST_ISSUES_MAX, type FiguresHead, type RefreshedFigures, type RefreshRequest } from './figures-records';

/** Changes within this long of the first are refreshed together. */
export const COALESCE_SECONDS = 5;

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

/** What a request asks to be refreshed: worklog events of some issues, or (absent) the whole plan. */
type RequestScope = RefreshRequest['issues'];

/** The scope of a request for `asked` added to one for `recorded`: the issues of both, or the whole plan when either is or they are too many. */
function widened(recorded: RequestScope, asked: RequestScope): RequestScope {
  if (recorded === undefined || asked === undefined) return undefined;
  const issues = [...new Set([...recorded, ...asked])];
  return issues.length > REQUEST_ISSUES_MAX ? undefined : issues;
}

const withScope = <Request extends RefreshRequest>(request: Request, issues: RequestScope): Request => {
  const { issues: _recorded, ...rest } = request;
  return (issues === undefined ? rest : { ...rest, issues }) as Request;
};

/**
 * Asks for the plan's figures to be refreshed after its aggregate, terms or closed periods changed.
 * The request lives in the plan's figures head, so a read learns whether one is pending from the
 * head it reads anyway. Requests coalesce: while one is queued and not yet taken, another costs one
 * read and writes nothing; while a refresh runs, the first request marks the request asked again, so
 * that refresh keeps it and runs again. So a burst of events on one plan causes a bounded number of refreshes.
 * A request lost for `TAKEN_FOR_DEAD_MS` is queued again by the next one (and by the hourly reconciliation).
 * The first request while a full recompute is under way also notes that something changed meanwhile.
 *
 * `issueId`: the change is a worklog event of that issue (its aggregate shard changed, nothing else), which the
 * request records so that the refresh may read only that issue's shard; a request without it asks for the whole
 * plan, and so does one naming more than `REQUEST_ISSUES_MAX` issues. A request adding nothing writes nothing.
 *
 * @returns whether a refresh job was queued
 */
export async function requestFiguresRefresh(deps: RefreshRequestDeps, planId: string, options: { readonly issueId?: string } = {}): Promise<boolean> {
  return (await recordRequest(deps, planId, { rebuilt: false, ...options })).queued;
}

/**
 * Asks for the refresh of a plan whose full recompute has just swapped its generation in: the figures stop saying it
 * is under way.
 *
 * @returns whether some change reached the plan while it was rebuilt (see `changedWhileRebuilding`)
 */
export async function requestRefreshAfterRebuild(deps: RefreshRequestDeps, planId: string): Promise<{ readonly changedWhileRebuilding: boolean }> {
  const { changedWhileRebuilding } = await recordRequest(deps, planId, { rebuilt: true });
  return { changedWhileRebuilding };
}

async function recordRequest(
  deps: RefreshRequestDeps,
  planId: string,
  options: { readonly rebuilt: boolean; readonly issueId?: string },
): Promise<{ readonly queued: boolean; readonly changedWhileRebuilding: boolean }> {
  const now = deps.clock.now();
  const asked: RequestScope = options.issueId === undefined ? undefined : [options.issueId];
  const decided = { queue: false, changedWhileRebuilding: false };
  const written = await deps.store.update(figuresHeadKey(planId), (current) => {
    const stored = figuresHeadOf(current);
    const { rebuilding: _rebuilding, changedWhileRebuilding: _changed, ...rebuilt } = stored;
    decided.changedWhileRebuilding = options.rebuilt && stored.changedWhileRebuilding === true;
    const head = options.rebuilt ? rebuilt : changeNoted(stored);
    const { request } = head;
    const alive = request !== null && now - (request.takenAt ?? request.requestedAt) < TAKEN_FOR_DEAD_MS;
    decided.queue = !alive;
    // A request taken for dead may never have been served: what it asked for is asked again.
    if (!alive) return toJsonValue({ ...head, request: withScope({ requestedAt: now }, request === null ? asked : widened(request.issues, asked)) });
    const scope = widened(request.issues, asked);
    const scoped = withScope(request, scope);
    const unchanged = scoped.issues?.length === request.issues?.length;
    // Queued and not taken, or taken and already asked again: this request is served as it is, unless it asks for more.
    if (request.takenAt === undefined || request.again === true) {
      if (unchanged) return head === stored ? current : toJsonValue(head);
      return toJsonValue({ ...head, request: scoped });
    }
    return toJsonValue({ ...head, request: { ...scoped, again: true } });
  });
  if (decided.queue) {
    const head = figuresHeadOf(written);
    await queueRefresh(deps, planId, head.refreshed, head.request?.issues);
  }
  return { queued: decided.queue, changedWhileRebuilding: decided.changedWhileRebuilding };
}

/**
 * Notes that a change reached the plan while it is being rebuilt, for a change that asks for no refresh (an issue's
 * priority on a plan with no rule on it): the swap carries over what the build may have missed. Writes only then.
 */
export async function noteChangeWhileRebuilding(deps: Pick<RefreshRequestDeps, 'store'>, planId: string): Promise<void> {
  await deps.store.update(figuresHeadKey(planId), (current) => {
    const head = figuresHeadOf(current);
    const noted = changeNoted(head);
    return current === undefined || noted === head ? current : toJsonValue(noted);
  });
}

/** The head with a change noted, if a rebuild is under way and none was noted yet. */
function changeNoted(head: FiguresHead): FiguresHead {
  return head.rebuilding === true && head.changedWhileRebuilding !== true ? { ...head, changedWhileRebuilding: true } : head;
}

/**
 * A refresh that reads the plan's whole aggregate costs about a read unit per 130 worklogs, so under a steady stream of
 * changes a large plan reads it at most about once per this many milliseconds per 1,000 worklogs: a 100,000-worklog
 * plan about once a minute. The refresh of worklog events in the reporting period and the next reads only their
 * issues (`refreshIncrementally`, a few dozen units at any size) and waits only `COALESCE_SECONDS`; one that finds it
 * must read the whole plan after all (its request widened while it waited, or the events changed earlier work)
 * defers itself until the spacing allows (`runFiguresRefresh`). Closed periods are not counted: a refresh reads a
 * closed period's frozen statement only while late work is left to book for it (docs/internals/figures.md, Closed
 * periods).
 */
export const SPACING_MS_PER_1000_WORKLOGS = 600;

/** When the plan's whole aggregate may be read again after the last refresh (`refreshed`); 0 before the first. */
export function fullRefreshDueAt(refreshed: Pick<RefreshedFigures, 'refreshedAt' | 'worklogCount'> | null): number {
  return refreshed === null ? 0 : refreshed.refreshedAt + Math.ceil((refreshed.worklogCount * SPACING_MS_PER_1000_WORKLOGS) / 1000);
}

/**
 * Queues the plan's refresh job: in `COALESCE_SECONDS`, or, for a request of the whole plan (`issues` absent), once
 * the last refresh (`refreshed`, from the head the caller just wrote) is spaced enough from the next for the plan's size.
 */
export async function queueRefresh(
  deps: RefreshRequestDeps,
  planId: string,
  refreshed: Pick<RefreshedFigures, 'refreshedAt' | 'worklogCount'> | null,
  issues: RequestScope,
): Promise<void> {
  const dueAt = issues === undefined ? fullRefreshDueAt(refreshed) : 0;
  const delayInSeconds = Math.min(MAX_DELAY_SECONDS, Math.max(COALESCE_SECONDS, Math.ceil((dueAt - deps.clock.now()) / 1000)));
  const job: RefreshFiguresJob = { kind: 'refresh-figures', planId };
  await deps.queue.push(SYNC_QUEUE_KEY, job, { concurrencyKey: planConcurrencyKey(planId), delayInSeconds });
}

/** Marks the plan's figures as being rebuilt by a full recompute, until its swap asks for their refresh. */
export async function markRebuilding(deps: Pick<RefreshRequestDeps, 'store'>, planId: string): Promise<void> {
  await deps.store.update(figuresHeadKey(planId), (current) => toJsonValue({ ...figuresHeadOf(current), rebuilding: true }));
}

import { requestAlertCheck } from '../alerts/request-alert-check';
import { toJsonValue } from '../plans/to-json-value';
import type { Store } from '../ports/store';
import type { SyncDeps } from '../sync/sync-deps';
import type { RefreshFiguresJob } from '../sync/sync-jobs';
import { figuresHeadKey } from './figures-keys';
import type { DeepReadonly } from '../../contract';
import { figuresHeadOf, type RefreshedFigures, type RefreshRequest } from './figures-records';
import { checkHorizon, queueHorizonCheck, type HorizonOutcome } from './figures-horizon';
import { figuresExpireAfter } from './read-plan-figures';
import { refreshIncrementally, type FullRefreshReason } from './refresh-incrementally';
import { refreshPlanFigures } from './refresh-plan-figures';
import { fullRefreshDueAt, queueRefresh } from './request-figures-refresh';

/** What a refresh read: the worklog events' issues only (`refreshIncrementally`), or the whole plan, asked for or because the events' refresh could not tell nothing else changed. */
export type RefreshRead = { readonly scope: 'issues' } | { readonly scope: 'plan'; readonly because: FullRefreshReason | 'asked' };

export type FiguresRefreshOutcome =
  | { readonly status: 'nothing-asked' | 'plan-gone' }
  /** It had to read the whole plan sooner than the plan's spacing allows: queued again for `dueAt`, the request kept. */
  | { readonly status: 'deferred'; readonly dueAt: number }
  | { readonly status: 'refreshed'; readonly again: boolean; readonly read: RefreshRead }
  | { readonly status: 'horizon'; readonly check: HorizonOutcome };

/**
 * The refresh job: takes the plan's refresh request, refreshes its figures, then queues a check
 * of its alerts (which reads the fresh figures), and, when the figures answer only through an instant (work
 * logged ahead), a check timed for it. A job with a `horizon` is such a check (`checkHorizon`). A request made while it ran queues it again,
 * spaced for the plan's size (see `queueRefresh`). Killed at any point, it leaves the last complete
 * figures readable and its request in place, so the queue's retry (or the next request, once it
 * is taken for dead) runs it again.
 */
export async function runFiguresRefresh(deps: SyncDeps, job: RefreshFiguresJob): Promise<FiguresRefreshOutcome> {
  if (job.horizon !== undefined) return { status: 'horizon', check: await checkHorizon(deps, job.planId, job.horizon) };
  const { store } = deps;
  const key = figuresHeadKey(job.planId);
  const now = deps.clock.now();
  const asked: { request: RefreshRequest | null; previous: RefreshedFigures | null; early: boolean } = { request: null, previous: null, early: false };
  await store.update(key, (current) => {
    const head = figuresHeadOf(current);
    asked.request = head.request;
    asked.previous = head.refreshed;
    asked.early = head.request !== null && head.request.issues === undefined && tooEarly(head.request, head.refreshed, now);
    if (head.request === null || asked.early) return current;
    // Taking the request covers everything asked so far.
    return toJsonValue({ ...head, request: keptScope({ requestedAt: head.request.requestedAt, takenAt: now }, head.request) });
  });
  const { request, previous } = asked;
  if (request === null) return { status: 'nothing-asked' };
  if (asked.early) return deferFullRefresh(deps, job.planId, previous);
  const outcome = { again: false };
  const commit = async (figures: DeepReadonly<RefreshedFigures>) => {
    const committed = await commitHead(store, key, figures);
    outcome.again = committed.again;
    if (outcome.again) await queueRefresh(deps, job.planId, figures, committed.request?.issues);
    // The refresh that runs again queues its own check.
    const until = committed.refreshed && figuresExpireAfter(committed.refreshed);
    if (!outcome.again && until !== null) await queueHorizonCheck(deps, job.planId, until);
  };
  const incremental = request.issues === undefined || previous === null ? null : await refreshIncrementally(deps, job.planId, request.issues, previous, commit);
  if (incremental?.status === 'full' && tooEarly(request, previous, now)) return deferFullRefresh(deps, job.planId, previous);
  const read: RefreshRead = incremental === null ? { scope: 'plan', because: 'asked' } : incremental.status === 'refreshed' ? { scope: 'issues' } : { scope: 'plan', because: incremental.reason };
  if (read.scope === 'plan' && !(await refreshPlanFigures(deps, job.planId, commit))) return { status: 'plan-gone' };
  await requestAlertCheck(deps, job.planId);
  return { status: 'refreshed', again: outcome.again, read };
}

/** Whether reading the whole plan now would come sooner than its spacing allows, for a request not deferred once already. */
function tooEarly(request: RefreshRequest, previous: RefreshedFigures | null, now: number): boolean {
  return request.deferred !== true && now < fullRefreshDueAt(previous);
}

/**
 * Leaves the plan's request for a refresh of the whole plan, not taken and marked deferred, and queues the job for
 * when the plan's spacing allows it. The mark makes that job run whatever its clock says (a queue's delay is what
 * spaces it), so a refresh is deferred once.
 */
async function deferFullRefresh(deps: SyncDeps, planId: string, previous: RefreshedFigures | null): Promise<FiguresRefreshOutcome> {
  await deps.store.update(figuresHeadKey(planId), (current) => {
    const head = figuresHeadOf(current);
    return head.request === null ? current : toJsonValue({ ...head, request: { requestedAt: head.request.requestedAt, deferred: true } });
  });
  await queueRefresh(deps, planId, previous, undefined);
  return { status: 'deferred', dueAt: fullRefreshDueAt(previous) };
}

/** `request` with the issues `from` asks for, if it names them: a request kept for later still asks for what it asked. */
const keptScope = (request: RefreshRequest, from: RefreshRequest): RefreshRequest => (from.issues === undefined ? request : { ...request, issues: from.issues });

/**
 * Writes the refreshed figures into the head (a conditional update: a request written meanwhile is not lost).
 * The request clears unless it was asked again while the refresh ran: then it stays, not taken, and
 * the refresh must run again. A request not taken (queued anew after this refresh was taken for
 * dead) stays as it is: its own job is queued.
 *
 * @returns whether the refresh must run again, and the figures as the head now holds them
 */
async function commitHead(
  store: Store,
  key: string,
  refreshed: DeepReadonly<RefreshedFigures>,
): Promise<{ readonly again: boolean; readonly refreshed: RefreshedFigures | null; readonly request: RefreshRequest | null }> {
  const decided = { again: false };
  const written = await store.update(key, (current) => {
    const head = figuresHeadOf(current);
    const { request } = head;
    decided.again = request?.again === true;
    const kept = request === null || (request.takenAt !== undefined && !decided.again) ? null : keptScope({ requestedAt: request.requestedAt }, request);
    return toJsonValue({ ...head, refreshed, request: kept });
  });
  const head = figuresHeadOf(written);
  return { again: decided.again, refreshed: head.refreshed, request: head.request };
}

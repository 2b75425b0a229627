import { requestAlertCheck } from '../alerts/request-alert-check';
import { toJsonValue } from '../plans/to-json-value';
import type { Version } from '../ports/store';
import { jitteredBackoffMs, retryOnConflict } from '../retry-on-conflict';
import type { SyncDeps } from '../sync/sync-deps';
import type { RefreshFiguresJob } from '../sync/sync-jobs';
import { figuresHeadKey } from './figures-keys';
import type { DeepReadonly } from '../../contract';
import { figuresHeadOf, type RefreshedFigures } from './figures-records';
import { refreshPlanFigures } from './refresh-plan-figures';
import { queueRefresh } from './request-figures-refresh';

export type FiguresRefreshOutcome =
  | { readonly status: 'nothing-asked' | 'plan-gone' }
  | { readonly status: 'refreshed'; readonly again: boolean };

/**
 * The refresh job: takes the plan's refresh request, refreshes its figures, then queues a check
 * of its alerts (which reads the fresh figures). A request made while it ran queues it again,
 * spaced for the plan's size (see `queueRefresh`). Killed at any point, it leaves the last complete
 * figures readable and its request in place, so the queue's retry (or the next request, once it
 * is taken for dead) runs it again.
 */
export async function runFiguresRefresh(deps: SyncDeps, job: RefreshFiguresJob): Promise<FiguresRefreshOutcome> {
  const { store } = deps;
  const key = figuresHeadKey(job.planId);
  const now = deps.clock.now();
  const asked = { found: false };
  await store.update(key, (current) => {
    const head = figuresHeadOf(current);
    asked.found = head.request !== null;
    return head.request === null ? current : toJsonValue({ ...head, request: { ...head.request, takenAt: now } });
  });
  if (!asked.found) return { status: 'nothing-asked' };
  const taken = await store.getVersioned(key);
  const outcome = { again: false };
  const refreshed = await refreshPlanFigures(deps, job.planId, async (figures) => {
    outcome.again = await commitHead(deps, key, figures, taken?.version);
    if (outcome.again) await queueRefresh(deps, job.planId, figures);
  });
  if (!refreshed) return { status: 'plan-gone' };
  await requestAlertCheck(deps, job.planId);
  return { status: 'refreshed', again: outcome.again };
}

/**
 * Writes the refreshed figures into the head, on the condition that it did not change meanwhile.
 * Only requests write the head while a refresh runs, so a head changed since the request was
 * taken (`takenVersion`) holds a request made meanwhile: it stays, not taken, and the refresh runs again.
 *
 * @returns whether a request made meanwhile stays
 */
function commitHead(deps: SyncDeps, key: string, refreshed: DeepReadonly<RefreshedFigures>, takenVersion: Version | undefined): Promise<boolean> {
  return retryOnConflict(
    async () => {
      const found = await deps.store.getVersioned(key);
      const { request } = figuresHeadOf(found?.value);
      const askedAgain = request !== null && found?.version !== takenVersion;
      const head = { refreshed, request: askedAgain ? { requestedAt: request.requestedAt } : null };
      await deps.store.transact([{ set: { key, value: toJsonValue(head), ifVersion: found?.version ?? null } }]);
      return askedAgain;
    },
    { maxAttempts: 10, delayMs: jitteredBackoffMs, subject: `The figures head ${key}` },
  );
}

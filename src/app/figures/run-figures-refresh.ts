import { requestAlertCheck } from '../alerts/request-alert-check';
import { toJsonValue } from '../plans/to-json-value';
import { StoreError } from '../ports/store';
import type { SyncDeps } from '../sync/sync-deps';
import type { RefreshFiguresJob } from '../sync/sync-jobs';
import { refreshRequestKey } from './figures-keys';
import { refreshRequestSchema } from './figures-records';
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
  const key = refreshRequestKey(job.planId);
  const now = deps.clock.now();
  const asked = { found: false };
  await store.update(key, (current) => {
    const request = refreshRequestSchema.safeParse(current);
    asked.found = request.success;
    return request.success ? toJsonValue({ ...request.data, takenAt: now }) : current;
  });
  if (!asked.found) return { status: 'nothing-asked' };
  const taken = await store.getVersioned(key);
  const refreshed = await refreshPlanFigures(deps, job.planId);
  const again = taken !== undefined && !(await deleteUnlessChanged(deps, key, taken.version));
  if (again) {
    await store.update(key, (current) => {
      const request = refreshRequestSchema.safeParse(current);
      return request.success ? toJsonValue({ requestedAt: request.data.requestedAt }) : current;
    });
    await queueRefresh(deps, job.planId);
  }
  if (!refreshed) return { status: 'plan-gone' };
  await requestAlertCheck(deps, job.planId);
  return { status: 'refreshed', again };
}

/** Deletes the request if no one asked again since it was taken; false when someone did. */
async function deleteUnlessChanged(deps: SyncDeps, key: string, version: string): Promise<boolean> {
  try {
    await deps.store.transact([{ delete: { key, ifVersion: version } }]);
    return true;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return false;
    throw error;
  }
}

import { listEveryProjectsPlans, internalIdOf } from '../plans/plan-repository';
import { reportingPeriod } from '../usage/reporting-period';
import { figuresExpireAfter, readFiguresHead } from './read-plan-figures';
import { type RefreshRequestDeps, requestFiguresRefresh } from './request-figures-refresh';

/**
 * Asks for a refresh of every plan (but those in `refreshedAnyway`) whose figures are missing, computed under an
 * older version of the plan, end before its reporting period, or no longer answer now for work logged ahead of
 * their refresh: plans stored by a release before figures, and plans no event touches (nothing linked), whose
 * forecast and periods must still move on. One read a plan.
 *
 * @returns how many refreshes were asked for
 */
export async function refreshFiguresDue(deps: RefreshRequestDeps, refreshedAnyway: ReadonlySet<string>): Promise<number> {
  const now = deps.clock.now();
  let asked = 0;
  for (const stored of await listEveryProjectsPlans(deps.store)) {
    const planId = internalIdOf(stored);
    if (stored.status === 'deleting' || refreshedAnyway.has(planId)) continue;
    const { refreshed } = await readFiguresHead(deps.store, planId);
    const expiresAfter = refreshed && figuresExpireAfter(refreshed);
    const due =
      refreshed?.planVersion !== stored.version ||
      refreshed.lastLabel < reportingPeriod(stored.plan, now).label ||
      (expiresAfter !== null && now > expiresAfter);
    if (due && (await requestFiguresRefresh(deps, planId))) asked += 1;
  }
  return asked;
}

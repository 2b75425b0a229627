import { listPeriods, periodByLabel, periodContaining } from '../../ledger';
import type { Instant, Period, Plan } from '../../ledger/types';

/**
 * The period a plan's figures are shown for at `now`: the one containing it; before the
 * plan starts, its first period; after it ends, its last.
 *
 * @example
 * reportingPeriod(monthlyPlanFrom20261001, Date.parse('2026-10-20T12:00:00Z')).label // '2026-10'
 */
export function reportingPeriod(plan: Plan, now: Instant): Period {
  const period = periodContaining(plan, now) ?? listPeriods(plan, now).at(-1) ?? periodByLabel(plan, plan.startDate.slice(0, 7));
  if (period === null) throw new Error(`Plan ${plan.id} has no first period`);
  return period;
}

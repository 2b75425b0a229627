import { LedgerInputError } from './errors';
import type { PeriodCalendar } from './period-calendar';
import { periodByLabel } from './period-by-label';
import type { Period, Plan } from './types';

/**
 * The plan's period named by a `YYYY-MM` label or given as a `Period` of this plan (same index,
 * label and bounds).
 * Callers check labels with `periodByLabel` first, so an unknown period is a caller's bug.
 *
 * @example
 * resolvePeriod(plan, calendar, '2026-10', 'period').startDate // '2026-10-01'
 */
export function resolvePeriod(plan: Plan, calendar: PeriodCalendar, period: string | Period, field: string): Period {
  const resolved = typeof period === 'string' ? periodByLabel(plan, period) : calendar.period(period.index);
  const label = typeof period === 'string' ? period : period.label;
  const sameBounds = typeof period === 'string' || (resolved?.start === period.start && resolved.end === period.end);
  if (resolved?.label !== label || !sameBounds) {
    throw new LedgerInputError(field, `plan ${plan.id} has no period ${JSON.stringify(label)}`);
  }
  return resolved;
}

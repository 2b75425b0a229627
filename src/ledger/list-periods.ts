import { createPeriodCalendar } from './period-calendar';
import type { Instant, Period, Plan } from './types';

/**
 * Every period of the plan that has started at or before `throughInstant`, oldest first
 * (empty before the plan's start; stops at the plan's end).
 *
 * @example
 * // monthly plan from 2026-01-15, Europe/Berlin
 * listPeriods(plan, Date.parse('2026-03-20T00:00:00Z')).map((p) => p.label) // ['2026-01', '2026-02', '2026-03']
 */
export function listPeriods(plan: Plan, throughInstant: Instant): Period[] {
  const calendar = createPeriodCalendar(plan);
  const periods: Period[] = [];
  for (let period = calendar.period(0); period !== null && period.start <= throughInstant; ) {
    periods.push(period);
    period = calendar.period(period.index + 1);
  }
  return periods;
}

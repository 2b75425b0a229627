import { createPeriodCalendar } from './period-calendar';
import type { Instant, Period, Plan } from './types';

/**
 * The plan's last `count` periods that ended at or before `asOf`, oldest first: fewer when the plan has fewer, none
 * before its first period ends.
 *
 * @example
 * // monthly plan from 2026-01-01 in UTC
 * completePeriods(plan, Date.parse('2026-05-10T00:00:00Z'), 2).map((period) => period.label) // ['2026-03', '2026-04']
 */
export function completePeriods(plan: Plan, asOf: Instant, count: number): Period[] {
  const calendar = createPeriodCalendar(plan);
  const ended: Period[] = [];
  for (let period = calendar.period(0); period !== null && period.end <= asOf; period = calendar.period(period.index + 1)) {
    ended.push(period);
    if (ended.length > count) ended.shift();
  }
  return ended;
}

import { createPeriodCalendar } from './period-calendar';
import type { Instant, Period, Plan } from './types';

/**
 * The period whose [start, end) holds `instant`, or null before the plan's start or after its end.
 *
 * @example
 * // monthly plan from 2026-01-01, Europe/Berlin: 2026-01-31T23:30Z is already February in Berlin
 * periodContaining(plan, Date.parse('2026-01-31T23:30:00Z'))?.label // '2026-02'
 */
export function periodContaining(plan: Plan, instant: Instant): Period | null {
  const calendar = createPeriodCalendar(plan);
  const index = calendar.indexContaining(instant);
  return index === null ? null : calendar.period(index);
}

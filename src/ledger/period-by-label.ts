import { createPeriodCalendar } from './period-calendar';
import type { Period, Plan } from './types';

const PERIOD_LABEL = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The period that starts in the local month `label` (`YYYY-MM`), or null when the plan has no
 * period starting in that month (a month inside a quarter, before the start, after the end,
 * or a label that is not `YYYY-MM`).
 *
 * @example
 * // quarterly plan from 2026-01-15
 * periodByLabel(plan, '2026-04')?.startDate // '2026-04-15'
 * periodByLabel(plan, '2026-05') // null
 */
export function periodByLabel(plan: Plan, label: string): Period | null {
  const match = PERIOD_LABEL.exec(label);
  if (match === null) return null;
  const calendar = createPeriodCalendar(plan);
  const index = calendar.indexStartingIn(Number(match[1]), Number(match[2]));
  return index === null ? null : calendar.period(index);
}

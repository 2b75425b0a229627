import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { max } from 'date-fns/max';
import { parseISO } from 'date-fns/parseISO';
import type { Instant, Period } from '../../ledger/types';

/**
 * Whole local days from `now` to the end of the period, today included, read in the plan's
 * time zone; the whole period before it starts, 0 once it is over.
 *
 * @example
 * daysLeft(october2026InBerlin, Date.parse('2026-10-30T23:30:00Z'), 'Europe/Berlin') // 1 (already 31 October there)
 */
export function daysLeft(period: Period, now: Instant, timeZone: string): number {
  const today = parseISO(format(new TZDate(now, timeZone), 'yyyy-MM-dd'));
  const from = max([today, parseISO(period.startDate)]);
  return Math.max(0, differenceInCalendarDays(parseISO(period.endDateExclusive), from));
}

import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns/addMonths';
import { LedgerInputError } from './errors';
import { addDays, type DateParts, formatLocalDate, parseLocalDate, startOfLocalDate } from './local-date';
import type { Instant, Period, PeriodUnit, Plan } from './types';

const MONTHS_PER_PERIOD: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, year: 12 };

/** The periods of one plan, computed on demand and cached. */
export interface PeriodCalendar {
  readonly planStart: Instant;
  /** Exclusive end of the plan's last day; null when the plan has no end date. */
  readonly planEnd: Instant | null;
  /** Period `index`, or null when the plan has no such period. */
  period(index: number): Period | null;
  /** End of period `index`, or the plan's end when the plan ends before that period. */
  endOfPeriodOrPlan(index: number): Instant;
  /** Index of the period containing `instant`, or null when it lies outside the plan. */
  indexContaining(instant: Instant): number | null;
  /** Index of the period starting in that local month (`month` 1–12), or null when there is none. */
  indexStartingIn(year: number, month: number): number | null;
}

/**
 * Builds the calendar of a plan. Period k starts at the start date + k months (3k for quarters,
 * 12k for years), the day clamped to the month's length and always computed from the start
 * date, at the first local instant of that date; it ends where the next begins, or at the end
 * of the plan's end date when that comes first.
 *
 * @example
 * const calendar = createPeriodCalendar(plan); // plan starting 2026-01-31, monthly, Europe/Berlin
 * calendar.period(1)?.startDate // '2026-02-28'
 */
export function createPeriodCalendar(plan: Plan): PeriodCalendar {
  const { timeZone } = plan;
  const firstDate = parseLocalDate(plan.startDate, 'plan.startDate');
  const lastDate = plan.endDate === undefined ? null : parseLocalDate(plan.endDate, 'plan.endDate');
  const afterLastDate = lastDate && addDays(lastDate, 1);
  const planStart = startOfLocalDate(firstDate, timeZone);
  if (Number.isNaN(planStart)) {
    throw new LedgerInputError('plan.timeZone', `unknown IANA time zone ${JSON.stringify(timeZone)}`);
  }
  const planEnd = afterLastDate && startOfLocalDate(afterLastDate, timeZone);
  const monthsPerPeriod = MONTHS_PER_PERIOD[plan.period];
  // Noon always exists, so DST gaps cannot shift the anchor's local date.
  const anchor = new TZDate(firstDate.year, firstDate.month - 1, firstDate.day, 12, timeZone);

  const startDateOf = memoizeByIndex((index): DateParts => {
    const local = addMonths(anchor, index * monthsPerPeriod);
    return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
  });
  const startOf = memoizeByIndex((index) => startOfLocalDate(startDateOf(index), timeZone));

  const computePeriod = (index: number): Period | null => {
    const start = startOf(index);
    if (planEnd !== null && start >= planEnd) return null;
    const startDate = startDateOf(index);
    const nextStart = startOf(index + 1);
    const cut = afterLastDate !== null && planEnd !== null && planEnd < nextStart;
    return {
      index,
      label: formatLocalDate(startDate).slice(0, 7),
      startDate: formatLocalDate(startDate),
      endDateExclusive: formatLocalDate(cut ? afterLastDate : startDateOf(index + 1)),
      start,
      end: cut ? planEnd : nextStart,
    };
  };

  const cachedPeriod = memoizeByIndex(computePeriod);
  const period = (index: number): Period | null =>
    Number.isSafeInteger(index) && index >= 0 ? cachedPeriod(index) : null;

  const endOfPeriodOrPlan = (index: number): Instant => {
    const end = period(index)?.end ?? planEnd;
    if (end === null) throw new RangeError(`period ${index} does not exist in an open-ended plan`);
    return end;
  };

  const indexContaining = (instant: Instant): number | null => {
    if (instant < planStart || (planEnd !== null && instant >= planEnd)) return null;
    const local = new TZDate(instant, timeZone);
    const monthsSinceStart = (local.getFullYear() - firstDate.year) * 12 + local.getMonth() + 1 - firstDate.month;
    let index = Math.max(0, Math.floor(monthsSinceStart / monthsPerPeriod));
    while (index > 0 && startOf(index) > instant) index -= 1;
    while (startOf(index + 1) <= instant) index += 1;
    return index;
  };

  const indexStartingIn = (year: number, month: number): number | null => {
    const monthsSinceStart = (year - firstDate.year) * 12 + month - firstDate.month;
    if (monthsSinceStart < 0 || monthsSinceStart % monthsPerPeriod !== 0) return null;
    const index = monthsSinceStart / monthsPerPeriod;
    return period(index) === null ? null : index;
  };

  return { planStart, planEnd, period, endOfPeriodOrPlan, indexContaining, indexStartingIn };
}

function memoizeByIndex<T>(compute: (index: number) => T): (index: number) => T {
  const cache = new Map<number, { readonly value: T }>();
  return (index) => {
    let entry = cache.get(index);
    if (entry === undefined) {
      entry = { value: compute(index) };
      cache.set(index, entry);
    }
    return entry.value;
  };
}

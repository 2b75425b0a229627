import { TZDate } from '@date-fns/tz';
import { LedgerInputError } from './errors';
import type { Instant, LocalDate } from './types';

const LOCAL_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** A calendar date split into its parts; `month` is 1–12. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Splits a `YYYY-MM-DD` date, refusing impossible dates such as `2026-02-30`.
 *
 * @param field names the value in the error, e.g. `plan.startDate`
 * @example
 * parseLocalDate('2028-02-29', 'plan.startDate') // { year: 2028, month: 2, day: 29 }
 */
export function parseLocalDate(date: LocalDate, field: string): DateParts {
  const match = LOCAL_DATE.exec(date);
  const parts = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!parts || formatLocalDate(addDays(parts, 0)) !== date) {
    throw new LedgerInputError(field, `expected a date like 2026-10-01, got ${JSON.stringify(date)}`);
  }
  return parts;
}

/**
 * The calendar date `days` after `date` (normalising overflowing days and months).
 *
 * @example
 * addDays({ year: 2028, month: 2, day: 29 }, 1) // { year: 2028, month: 3, day: 1 }
 */
export function addDays(date: DateParts, days: number): DateParts {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/**
 * The calendar date `months` months after `date`, on the same day of the month or on the month's
 * last day when it is shorter (as date-fns `addMonths` does); calendar arithmetic, no time zone.
 *
 * @example
 * addMonths({ year: 2026, month: 1, day: 31 }, 1) // { year: 2026, month: 2, day: 28 }
 */
export function addMonths(date: DateParts, months: number): DateParts {
  const first = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

/**
 * First instants found so far, by zone and date. A TZDate asks Intl for the zone's offset several times, and every
 * statement, history and plan check asks again for the same period starts: this was most of a statement's CPU time.
 */
const firstInstants = new Map<string, Instant>();
/** Far more than the period starts and expiry dates of the plans one process works on; past it the memory starts over. */
const FIRST_INSTANTS_KEPT = 10_000;

/**
 * The first instant of a local date in a time zone: midnight, or the end of the DST gap on
 * days that skip midnight.
 *
 * @example
 * startOfLocalDate({ year: 2026, month: 3, day: 29 }, 'Europe/Berlin') // 1774738800000 (2026-03-28T23:00Z)
 */
export function startOfLocalDate(date: DateParts, timeZone: string): Instant {
  const key = `${timeZone} ${formatLocalDate(date)}`;
  const known = firstInstants.get(key);
  if (known !== undefined) return known;
  const instant = new TZDate(date.year, date.month - 1, date.day, timeZone).getTime();
  if (firstInstants.size >= FIRST_INSTANTS_KEPT) firstInstants.clear();
  firstInstants.set(key, instant);
  return instant;
}

/**
 * @example
 * formatLocalDate({ year: 2026, month: 3, day: 1 }) // '2026-03-01'
 */
export function formatLocalDate(date: DateParts): LocalDate {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

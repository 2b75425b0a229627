import { LedgerInputError } from './errors';
import type { Instant } from './types';

const JIRA_INSTANT =
  /^([1-9]\d{3})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a Jira timestamp (`2026-10-05T09:00:00.000+0200`; `+02:00` and `Z` are accepted too,
 * milliseconds optional) to epoch milliseconds. Hand-written rather than `Date.parse` because
 * `Date.parse` rejects Jira's `+0200` offsets on some engines and accepts impossible dates
 * such as Feb 30 by rolling them over.
 *
 * @param field names the value in the error when it is malformed, e.g. `worklogs[id=1].started`
 * @example
 * parseJiraInstant('2026-10-05T09:00:00.000+0200', 'started') // 1791183600000 (07:00 UTC)
 */
export function parseJiraInstant(text: string, field: string): Instant {
  const match = JIRA_INSTANT.exec(text);
  if (match === null) throw malformed(text, field);
  const [, year, month, day, hour, minute, second, fraction = '0', zulu, sign, offsetHours, offsetMinutes] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  const validClock = h <= 23 && mi <= 59 && s <= 59;
  const validDate = mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
  if (!validClock || !validDate) throw malformed(text, field);
  const milliseconds = Number(fraction.padEnd(3, '0'));
  const localAsUtc = Date.UTC(y, mo - 1, d, h, mi, s, milliseconds);
  if (zulu !== undefined) return localAsUtc;
  const oh = Number(offsetHours);
  const om = Number(offsetMinutes);
  if (oh > 18 || om > 59) throw malformed(text, field);
  const offsetMs = (oh * 60 + om) * 60_000;
  return sign === '+' ? localAsUtc - offsetMs : localAsUtc + offsetMs;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function malformed(text: string, field: string): LedgerInputError {
  return new LedgerInputError(
    field,
    `expected a timestamp like 2026-10-05T09:00:00.000+0200, got ${JSON.stringify(text)}`,
  );
}

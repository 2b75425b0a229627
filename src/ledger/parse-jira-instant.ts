import { LedgerInputError } from './errors';
import type { Instant } from './types';

const JIRA_INSTANT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})$/;
const DIGIT_ZERO = 48;
const FRACTION_START = 19;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a Jira timestamp (`2026-10-05T09:00:00.000+0200`; `+02:00` and `Z` are accepted too,
 * milliseconds optional) to epoch milliseconds, throwing a `LedgerInputError` naming `field`
 * when it is malformed.
 *
 * @param field names the value in the error, e.g. `worklogs[id=1].started`
 * @example
 * parseJiraInstant('2026-10-05T09:00:00.000+0200', 'started') // 1791183600000 (07:00 UTC)
 */
export function parseJiraInstant(text: string, field: string): Instant {
  const instant = readJiraInstant(text);
  if (instant === null) {
    const expected = 'expected a timestamp like 2026-10-05T09:00:00.000+0200';
    throw new LedgerInputError(field, `${expected}, got ${JSON.stringify(text)}`);
  }
  return instant;
}

/**
 * Parses a Jira timestamp like `parseJiraInstant`, answering null when it is malformed, so hot
 * loops build an error message only for the rare bad value. Hand-written rather than
 * `Date.parse` because `Date.parse` rejects Jira's `+0200` offsets on some engines and rolls
 * impossible dates such as Feb 30 over; fields are read by position once the pattern matched.
 *
 * @example
 * readJiraInstant('2026-10-05T09:00:00Z') // 1791190800000
 * readJiraInstant('2026-02-30T09:00:00Z') // null
 */
export function readJiraInstant(text: string): Instant | null {
  if (!JIRA_INSTANT.test(text)) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const validDate = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  if (!validDate || hour > 23 || minute > 59 || second > 59) return null;

  let zoneAt = FRACTION_START;
  let milliseconds = 0;
  if (text[FRACTION_START] === '.') {
    zoneAt = FRACTION_START + 1;
    while (isDigit(text.charCodeAt(zoneAt))) zoneAt += 1;
    const fractionDigits = zoneAt - FRACTION_START - 1;
    milliseconds = digitsAt(text, FRACTION_START + 1, fractionDigits) * 10 ** (3 - fractionDigits);
  }
  const localAsUtc = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  if (text[zoneAt] === 'Z') return localAsUtc;

  const offsetHours = digitsAt(text, zoneAt + 1, 2);
  const offsetMinutes = digitsAt(text, text[zoneAt + 3] === ':' ? zoneAt + 4 : zoneAt + 3, 2);
  if (offsetHours > 18 || offsetMinutes > 59) return null;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return text[zoneAt] === '+' ? localAsUtc - offsetMs : localAsUtc + offsetMs;
}

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index += 1) value = value * 10 + text.charCodeAt(index) - DIGIT_ZERO;
  return value;
}

function isDigit(code: number): boolean {
  return code >= DIGIT_ZERO && code <= DIGIT_ZERO + 9;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

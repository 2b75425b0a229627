import { tzOffset } from '@date-fns/tz';
import { addDays, type DateParts, formatLocalDate, startOfLocalDate } from './local-date';
import type { Instant } from './types';

const MINUTE_MS = 60_000;
const HALF_DAY_MS = 12 * 60 * MINUTE_MS;

/** The zone's offset from UTC at `instant`, in ms. */
function offsetAt(timeZone: string, instant: Instant): number {
  return tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
}

/**
 * Instants found so far, by zone, then date and minute as one number; bounded as `startOfLocalDate`'s are. Every
 * multiplied worklog asks for a few, mostly the same: asking Intl again was most of a statement's time.
 */
const clockInstants = new Map<string, Map<number, Instant>>();
const CLOCK_INSTANTS_KEPT = 10_000;
let clockInstantsKept = 0;

/**
 * The first instant at which the wall clock of `date` in `timeZone` reads `minuteOfDay` (minutes after midnight, 0–1439)
 * or later: the time itself; its first occurrence when the clock shows it twice (DST ends); the end of the gap when
 * the clock skips it (DST starts). Assumes at most one offset change within 12 hours of it, as every zone has.
 *
 * @example
 * firstInstantAtClock({ year: 2026, month: 3, day: 29 }, 150, 'Europe/Berlin') // 2026-03-29T01:00Z: 02:30 is skipped, the clock jumps to 03:00
 * firstInstantAtClock({ year: 2026, month: 10, day: 25 }, 150, 'Europe/Berlin') // 2026-10-25T00:30Z: 02:30 the first time (+02:00)
 */
export function firstInstantAtClock(date: DateParts, minuteOfDay: number, timeZone: string): Instant {
  const key = ((date.year * 100 + date.month) * 100 + date.day) * 1440 + minuteOfDay;
  const zone = clockInstants.get(timeZone) ?? new Map<number, Instant>();
  const known = zone.get(key);
  if (known !== undefined) return known;
  const instant = findFirstInstantAtClock(Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay), timeZone);
  if (clockInstantsKept >= CLOCK_INSTANTS_KEPT) {
    clockInstants.clear();
    zone.clear();
    clockInstantsKept = 0;
  }
  zone.set(key, instant);
  clockInstants.set(timeZone, zone);
  clockInstantsKept += 1;
  return instant;
}

/** `wall` is the wall-clock reading written as if it were UTC. */
function findFirstInstantAtClock(wall: number, timeZone: string): Instant {
  const before = offsetAt(timeZone, wall - HALF_DAY_MS);
  const after = offsetAt(timeZone, wall + HALF_DAY_MS);
  const exact = [before, after].map((offset) => wall - offset).filter((instant) => offsetAt(timeZone, instant) === wall - instant);
  if (exact.length > 0) return Math.min(...exact);
  // Skipped: the first instant with the later offset, which lies in (wall − after, wall − before]; offsets change on a second.
  let low = Math.floor((wall - after) / 1000);
  let high = Math.ceil((wall - before) / 1000);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(timeZone, middle * 1000) === after) high = middle;
    else low = middle + 1;
  }
  return low * 1000;
}

/**
 * The local date of `instant` in `timeZone`: its UTC date or a neighbour (no zone is more than 14 hours off UTC),
 * told apart by the dates' first instants, which `startOfLocalDate` keeps, so no new question to Intl per worklog.
 *
 * @example
 * localDateOf(Date.parse('2026-10-04T23:30:00Z'), 'Europe/Berlin') // { year: 2026, month: 10, day: 5 }
 */
export function localDateOf(instant: Instant, timeZone: string): DateParts {
  const utc = new Date(instant);
  const date = { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
  if (instant < startOfLocalDate(date, timeZone)) return addDays(date, -1);
  const next = addDays(date, 1);
  return instant < startOfLocalDate(next, timeZone) ? date : next;
}

/**
 * The local dates from the one containing `from` to the one containing `to`, both included.
 *
 * @example
 * localDatesBetween(Date.parse('2026-10-04T20:00:00Z'), Date.parse('2026-10-05T01:00:00Z'), 'UTC') // Oct 4, Oct 5
 */
export function localDatesBetween(from: Instant, to: Instant, timeZone: string): DateParts[] {
  const last = formatLocalDate(localDateOf(to, timeZone));
  const dates: DateParts[] = [];
  for (let date = localDateOf(from, timeZone); formatLocalDate(date) <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

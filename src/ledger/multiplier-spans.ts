import { addDays, type DateParts, formatLocalDate } from './local-date';
import { firstInstantAtClock, localDatesBetween } from './wall-clock';
import type { Instant, MultiplierCondition, Weekday } from './types';

/** A stretch of time `[start, end)` in epoch ms. */
export interface Span {
  readonly start: Instant;
  readonly end: Instant;
}

export type TimeCondition = Extract<MultiplierCondition, { kind: 'time-window' | 'holidays' }>;

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function weekdayOf(date: DateParts): Weekday {
  return WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] ?? 'sun';
}

/** `HH:mm` as minutes after midnight. */
function minuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The condition's span that starts on local date `date`, or null when it has none that day. */
function spanOn(condition: TimeCondition, date: DateParts, timeZone: string): Span | null {
  if (condition.kind === 'holidays') {
    if (!condition.dates.includes(formatLocalDate(date))) return null;
    return { start: firstInstantAtClock(date, 0, timeZone), end: firstInstantAtClock(addDays(date, 1), 0, timeZone) };
  }
  if (!condition.days.includes(weekdayOf(date))) return null;
  const from = minuteOfDay(condition.from);
  const to = minuteOfDay(condition.to);
  const endDate = to > from ? date : addDays(date, 1);
  return { start: firstInstantAtClock(date, from, timeZone), end: firstInstantAtClock(endDate, to, timeZone) };
}

/**
 * The local dates whose spans can overlap `[start, end)`: from the day before the one containing `start` (an overnight
 * window from then can reach into it) to the one containing `end`. Worked out once a worklog, for all its rules:
 * each date asks Intl for the zone's offset.
 *
 * @example
 * datesAround(friday1730, friday1900, 'UTC') // Thursday, Friday
 */
export function datesAround(start: Instant, end: Instant, timeZone: string): DateParts[] {
  const [first, ...rest] = localDatesBetween(start, end, timeZone);
  return first === undefined ? [] : [addDays(first, -1), first, ...rest];
}

/**
 * The spans of a time window or holiday list that overlap `[start, end)` (`start` < `end`), in time order, as the
 * plan's time zone reads them (see docs/ledger.md, Multipliers). A window that runs past midnight is one span from
 * the day it starts.
 *
 * @param dates `datesAround(start, end, timeZone)`
 * @example
 * // weekdays 18:00–08:00 in UTC, over Friday 17:30 to 19:00
 * spansOverlapping({ kind: 'time-window', days: ['fri'], from: '18:00', to: '08:00' }, friday1730, friday1900, dates, 'UTC')
 * // [{ start: friday 18:00, end: saturday 08:00 }]
 */
export function spansOverlapping(condition: TimeCondition, start: Instant, end: Instant, dates: readonly DateParts[], timeZone: string): Span[] {
  return dates.flatMap((date) => {
    const span = spanOn(condition, date, timeZone);
    return span !== null && span.start < end && span.end > start ? [span] : [];
  });
}

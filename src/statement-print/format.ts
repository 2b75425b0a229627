/// <reference lib="es2023.intl" />
import type { Instant } from '../ledger/types';
import { cachedBy } from '../quantities/intl-cache';

const dateFormat = cachedBy((locale, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }));

/** A calendar date of an instant in the time zone, e.g. "5 Oct 2026". */
export function formatDate(instant: Instant, timeZone: string, locale: string): string {
  return dateFormat(locale, timeZone).format(instant);
}

const timeFormat = cachedBy((locale, timeZone) => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }));

/** The wall-clock time of an instant in the time zone, e.g. "18:00". */
export function formatTime(instant: Instant, timeZone: string, locale: string): string {
  return timeFormat(locale, timeZone).format(instant);
}

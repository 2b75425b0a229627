/** A date in the plan's time zone, in the user's locale. @example formatDate(0, 'UTC', 'en-GB') // '1 Jan 1970' */
export function formatDate(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(instant);
}

/** A date and time in the plan's time zone, in the user's locale. */
export function formatDateTime(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

/** Whole days from `asOf` until the exclusive `end`, never negative. */
export function daysLeft(asOf: number, end: number): number {
  return Math.max(0, Math.ceil((end - asOf) / 86_400_000));
}

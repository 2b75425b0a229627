/** A date in the plan's time zone, in the user's locale. @example formatDate(0, 'UTC', 'en-GB') // '1 Jan 1970' */
export function formatDate(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(instant);
}

/** A date and time in the plan's time zone, in the user's locale. */
export function formatDateTime(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}


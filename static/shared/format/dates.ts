/** A date in the plan's time zone, in the user's locale. @example formatDate(0, 'UTC', 'en-GB') // '1 Jan 1970' */
export function formatDate(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(instant);
}

/** Whose time a date and time is in: the zone it is shown in, and the viewer's own. */
export interface ShownZone {
  readonly timeZone: string;
  readonly viewerTimeZone: string;
}

/** The viewer's own zone, where no label is needed. */
export const viewersOwn = (timeZone: string): ShownZone => ({ timeZone, viewerTimeZone: timeZone });

/**
 * A date and time in the user's locale, in `timeZone`, naming the zone when it is not the viewer's own: 09:00 UTC
 * shown to someone in Berlin reads "16 Nov 2026, 09:00 UTC", never an unlabelled time they would take for theirs.
 *
 * @example formatDateTime(0, { timeZone: 'UTC', viewerTimeZone: 'Europe/Berlin' }, 'en-GB') // '1 Jan 1970, 00:00 UTC'
 */
export function formatDateTime(instant: number, { timeZone, viewerTimeZone }: ShownZone, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone === viewerTimeZone ? {} : { timeZoneName: 'short' }),
  }).format(instant);
}

/** A day without its year in the plan's time zone, for a chart's date axis. @example formatDayMonth(0, 'UTC', 'en-GB') // '1 Jan' */
export function formatDayMonth(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' }).format(instant);
}

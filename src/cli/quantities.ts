import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';
import type { Instant, MinorUnits } from '../ledger';
import { amountDecimal } from '../quantities';

/** An amount for people, e.g. "EUR 1,234.50". */
export function amountForPeople(amountMinor: MinorUnits, currency: string): string {
  const [whole = '', fraction] = amountDecimal(amountMinor, currency).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${fraction === undefined ? grouped : `${grouped}.${fraction}`}`;
}

/** An instant as ISO 8601 with the offset it has in the plan's time zone, e.g. "2026-10-01T00:00:00.000+02:00". */
export function instantInZone(instant: Instant, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
}

/** The local date of an instant in the plan's time zone, e.g. "2026-10-05". */
export function localDate(instant: Instant, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}

/** Local date and time for people, e.g. "2026-10-05 09:00". */
export function localDateTime(instant: Instant, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd HH:mm');
}

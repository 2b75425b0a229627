import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';
import { type Instant, type MinorUnits, type Seconds, decimalText, roundHalfUp } from '../ledger';

/** Hours with two decimals, rounded half up from integer seconds, e.g. 5400 → "1.50". For reading only: seconds stay exact. */
export function hoursText(seconds: Seconds): string {
  return decimalText(roundHalfUp(BigInt(seconds) * 100n, 3600n), 2);
}

/** How many decimals the currency's minor unit has (CLDR data via Intl: EUR 2, JPY 0, BHD 3). */
export function minorDigits(currency: string): number {
  const { maximumFractionDigits } = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
  // Always set for the currency style; the type allows undefined, and 2 is what most currencies use.
  return maximumFractionDigits ?? 2;
}

/** An amount as an exact decimal in major units, e.g. 123450 EUR → "1234.50"; no floating point involved. */
export function amountText(amountMinor: MinorUnits, currency: string): string {
  return decimalText(amountMinor, minorDigits(currency));
}

/** An amount for people, e.g. "EUR 1,234.50". */
export function amountForPeople(amountMinor: MinorUnits, currency: string): string {
  const [whole = '', fraction] = amountText(amountMinor, currency).split('.');
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

/// <reference lib="es2023.intl" />
import { decimalText } from '../ledger/decimal-text';
import type { Instant, MinorUnits, Seconds } from '../ledger/types';

const SECONDS_PER_HOUR = 3600;

/**
 * One formatter per locale and options, made once: a statement formats every line's hours and date, and making an
 * Intl formatter costs far more than using one (a 9,000-line statement took seconds to render without this).
 */
function cached<Formatter>(make: (key: string) => Formatter): (key: string) => Formatter {
  const made = new Map<string, Formatter>();
  return (key) => {
    const known = made.get(key);
    if (known !== undefined) return known;
    const formatter = make(key);
    made.set(key, formatter);
    return formatter;
  };
}

const moneyFormat = cached((key) => {
  const [locale, currency] = key.split('|');
  return new Intl.NumberFormat(locale, { style: 'currency', currency });
});
const hoursFormat = cached((locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const dateFormat = cached((key) => {
  const [locale, timeZone] = key.split('|');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
});

/** An amount of minor units in its currency for the locale, e.g. (123456, 'EUR', 'en-GB') → "€1,234.56". */
export function formatMoney(amountMinor: MinorUnits, currency: string, locale: string): string {
  const format = moneyFormat(`${locale}|${currency}`);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(decimalText(amountMinor, digits));
}

/** Hours with two decimals, rounded half up (away from zero) from integer seconds, e.g. 5400 → "1.50 h". */
export function formatHours(seconds: Seconds, locale: string): string {
  const hundredths = Math.floor((Math.abs(seconds) * 100 + SECONDS_PER_HOUR / 2) / SECONDS_PER_HOUR);
  const value = decimalText(seconds < 0 ? -hundredths : hundredths, 2);
  return `${hoursFormat(locale).format(value)} h`;
}

/** A calendar date of an instant in the time zone, e.g. "5 Oct 2026". */
export function formatDate(instant: Instant, timeZone: string, locale: string): string {
  return dateFormat(`${locale}|${timeZone}`).format(instant);
}

import { decimalText } from '../ledger/decimal-text';
import { cachedBy } from './intl-cache';
import { typedDecimal } from './typed-decimal';

const currencyFormat = cachedBy((locale, currency) => new Intl.NumberFormat(locale, { style: 'currency', currency }));

/**
 * How many decimals the currency's minor unit has, from CLDR through Intl (EUR 2, JPY 0, BHD 3); 2 for a code Intl
 * does not know, which only a form being typed into can hold (stored plans have valid ISO 4217 codes).
 */
export function currencyDigits(currency: string): number {
  try {
    return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount as an exact decimal in major units, e.g. (123450, 'EUR') → '1234.50'; no floating point involved. */
export function amountDecimal(amountMinor: number, currency: string): `${number}` {
  return decimalText(amountMinor, currencyDigits(currency));
}

/**
 * An amount of minor units in its currency for people in their locale: the one way every surface, the printable
 * statement and the CLI write money.
 *
 * @example formatMoney(123456, 'EUR', 'de-DE') // '1.234,56 €'
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  return currencyFormat(locale, currency).format(amountDecimal(amountMinor, currency));
}

/**
 * An amount typed by a person to integer minor units, or null when it is not a non-negative number, has more decimals
 * than the currency's minor unit, or is too large to be exact.
 *
 * @example minorFromAmount('12.5', 2) // 1250
 * @example minorFromAmount('1.234', 2) // null
 */
export function minorFromAmount(text: string, fractionDigits: number): number | null {
  const typed = typedDecimal(text);
  if (typed === null) return null;
  const { whole, fraction } = typed;
  if (fraction.length > fractionDigits) return null;
  const minor = Number(`${whole}${fraction.padEnd(fractionDigits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

import { decimalText } from '@ledger/decimal-text';

/**
 * Formats an integer amount of minor units in its currency without ever making it a float.
 *
 * @example formatMoney(123456, 'EUR', 'de-DE') // '1.234,56 €'
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const fractionDigits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(decimalText(amountMinor, fractionDigits));
}

/** Text typed into the form, read exactly: hours to integer seconds, money to integer minor units. */

const DECIMAL = /^\s*(\d+)(?:[.,](\d*))?\s*$/;

/** @example secondsFromHours('1.5') // 5400; secondsFromHours('x') // null */
export function secondsFromHours(text: string): number | null {
  const match = DECIMAL.exec(text);
  if (match === null) return null;
  const [, whole = '0', fraction = ''] = match;
  // Hours to 1/10,000 are exact enough for seconds: 0.0001 h = 0.36 s, rounded to the second.
  const scaled = Number(whole) * 10_000 + Number(fraction.padEnd(4, '0').slice(0, 4));
  return Math.round((scaled * 36) / 100);
}

/** @example minorFromAmount('12.5', 2) // 1250; minorFromAmount('1.234', 2) // null (more decimals than the currency has) */
export function minorFromAmount(text: string, fractionDigits: number): number | null {
  const match = DECIMAL.exec(text);
  if (match === null) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > fractionDigits) return null;
  const minor = Number(`${whole}${fraction.padEnd(fractionDigits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Seconds back to hours for the form, without trailing zeros. @example hoursText(5400) // '1.5' */
export function hoursText(seconds: number): string {
  const tenThousandths = Math.round((seconds * 100) / 36);
  const whole = Math.trunc(tenThousandths / 10_000);
  const fraction = String(tenThousandths % 10_000).padStart(4, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** How many decimals the currency's minor unit has (EUR 2, JPY 0); 2 for an unknown code. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

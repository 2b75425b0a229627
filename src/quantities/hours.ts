import { decimalText } from '../ledger/decimal-text';
import { roundHalfUp } from '../ledger/money';
import { cachedBy } from './intl-cache';
import { typedDecimal } from './typed-decimal';

const SECONDS_PER_HOUR = 3600n;
/** The form reads and writes hours to 1/10,000 h (0.36 s), finer than any plan needs and exact in seconds. */
const INPUT_PLACES = 4;

export interface HoursOptions {
  /** `'up-to-two'` (screens: "1.5 h") or `'exactly-two'` (statements and exports: "1.50 h"). */
  readonly decimals?: 'up-to-two' | 'exactly-two';
}

/**
 * Seconds as hours to `places` decimals, the magnitude rounded half up, so a negative adjustment shows the same
 * digits as the positive one; exact for any integer (no floating point).
 *
 * @example hoursDecimal(5400) // '1.50'
 * @example hoursDecimal(-18) // '-0.01'
 */
export function hoursDecimal(seconds: number, places = 2): `${number}` {
  const scale = 10n ** BigInt(places);
  const magnitude = roundHalfUp((seconds < 0 ? -BigInt(seconds) : BigInt(seconds)) * scale, SECONDS_PER_HOUR);
  return decimalText(seconds < 0 ? -magnitude : magnitude, places);
}

const hoursFormat = cachedBy(
  (locale, minimumFractionDigits) => new Intl.NumberFormat(locale, { minimumFractionDigits: Number(minimumFractionDigits), maximumFractionDigits: 2 }),
);

/**
 * Hours for people in their locale, from integer seconds: the one way every surface, the printable statement and the
 * CLI write a quantity of time.
 *
 * @example formatHours(5400, 'en-GB') // '1.5 h'
 * @example formatHours(5400, 'de-DE', { decimals: 'exactly-two' }) // '1,50 h'
 */
export function formatHours(seconds: number, locale: string, options: HoursOptions = {}): string {
  const minimumFractionDigits = options.decimals === 'exactly-two' ? '2' : '0';
  return `${hoursFormat(locale, minimumFractionDigits).format(hoursDecimal(seconds))} h`;
}

/**
 * Seconds as the hours a person types into a form, without trailing zeros.
 *
 * @example hoursInputText(5400) // '1.5'
 * @example hoursInputText(60) // '0.0167'
 */
export function hoursInputText(seconds: number): string {
  return hoursDecimal(seconds, INPUT_PLACES).replace(/\.?0+$/, '');
}

/**
 * Hours typed by a person (a dot or a comma as the decimal mark) to integer seconds, rounded half up, or null when the
 * text is not a non-negative number or the seconds would not be a safe integer.
 *
 * @example secondsFromHours('1.5') // 5400
 * @example secondsFromHours('0,25') // 900
 */
export function secondsFromHours(text: string): number | null {
  const typed = typedDecimal(text);
  if (typed === null) return null;
  const { whole, fraction } = typed;
  const scale = 10n ** BigInt(fraction.length);
  const seconds = roundHalfUp(BigInt(`${whole}${fraction}`) * SECONDS_PER_HOUR, scale);
  return seconds <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seconds) : null;
}

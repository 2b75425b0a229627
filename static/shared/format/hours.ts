import { decimalText } from '@ledger/decimal-text';

const SECONDS_PER_HOUR = 3600;

/**
 * Hours to two decimals (rounded half up from integer seconds), in the user's locale.
 *
 * @example formatHours(4800, 'en-US') // '1.33 h'
 */
export function formatHours(seconds: number, locale: string): string {
  const hundredths = Math.floor((Math.abs(seconds) * 100 + SECONDS_PER_HOUR / 2) / SECONDS_PER_HOUR);
  const value = decimalText(seconds < 0 ? -hundredths : hundredths, 2);
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} h`;
}

/** The share of `part` in `whole` as a whole percentage clamped to 0–100, for bars. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return Math.min(100, Math.max(0, Math.round((part * 100) / whole)));
}

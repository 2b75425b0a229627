import type { BillingClass, Rounding, Seconds } from './types';

/**
 * The seconds a worklog counts for. Billable work (`covered`, `extra`) is rounded up to the
 * increment and then raised to the minimum; `non-billable` work and 0-second worklogs keep
 * their raw seconds.
 *
 * @example
 * roundWorklog(600, { incrementSeconds: 900, minimumSeconds: 0 }, 'covered') // 900
 * roundWorklog(600, { incrementSeconds: 0, minimumSeconds: 1800 }, 'extra') // 1800
 * roundWorklog(600, { incrementSeconds: 900, minimumSeconds: 1800 }, 'non-billable') // 600
 */
export function roundWorklog(seconds: Seconds, rounding: Rounding, billingClass: BillingClass): Seconds {
  if (billingClass === 'non-billable' || seconds === 0) return seconds;
  const { incrementSeconds, minimumSeconds } = rounding;
  const remainder = incrementSeconds > 0 ? seconds % incrementSeconds : 0;
  const roundedUp = remainder === 0 ? seconds : seconds - remainder + incrementSeconds;
  return Math.max(minimumSeconds, roundedUp);
}

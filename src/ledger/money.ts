import { LedgerInputError } from './errors';
import type { MinorUnits, Seconds } from './types';

const SECONDS_PER_HOUR = 3600n;

/**
 * Rounds the rational `numerator / denominator` to the nearest integer, halves towards
 * positive infinity. Exact for any size: both parts are BigInts.
 *
 * @example
 * roundHalfUp(5n, 2n) // 3n
 * roundHalfUp(7n, 3n) // 2n
 * roundHalfUp(-5n, 2n) // -2n
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('roundHalfUp: denominator must be positive');
  return floorDivide(2n * numerator + denominator, 2n * denominator);
}

/**
 * Rounds `numerator / denominator` up to the next integer.
 *
 * @example
 * ceilDivide(7n, 2n) // 4n
 */
export function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  return -floorDivide(-numerator, denominator);
}

function floorDivide(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const truncatedTowardsZero = quotient * denominator !== numerator && numerator < 0n !== denominator < 0n;
  return truncatedTowardsZero ? quotient - 1n : quotient;
}

/**
 * Converts an exact BigInt amount to a number, refusing anything that a number cannot hold exactly.
 *
 * @example
 * toSafeInteger(1234n, 'overage amount') // 1234
 */
export function toSafeInteger(value: bigint, what: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${what} ${value} is beyond the safe integer range`);
  return result;
}

/**
 * An amount computed from the input as a number, or a `LedgerInputError` naming the input field that
 * made it larger than a number holds exactly: the input is at fault, not the ledger.
 *
 * @param field e.g. `plan.extraRateMinor`
 * @param what what the amount is, for the message, e.g. `extra work in 2026-10`
 * @example
 * toSafeAmount(18000n, 'plan.overageRateMinor', 'overage in 2026-10') // 18000
 */
export function toSafeAmount(value: bigint, field: string, what: string): MinorUnits {
  const result = Number(value);
  if (Number.isSafeInteger(result)) return result;
  throw new LedgerInputError(field, `${what} would be ${value} minor units, more than amounts are exact up to (${Number.MAX_SAFE_INTEGER})`);
}

/**
 * The exact amount of a time-based charge: seconds × rate per hour / 3600, rounded half up once.
 *
 * @example
 * exactTimeCharge(5400, 12000) // 18000n (1.5 h at 120.00)
 * exactTimeCharge(1, 1799) // 0n (0.4997 minor units)
 * exactTimeCharge(1, 1800) // 1n (exactly half a minor unit rounds up)
 */
export function exactTimeCharge(seconds: Seconds, ratePerHourMinor: MinorUnits): bigint {
  return roundHalfUp(BigInt(seconds) * BigInt(ratePerHourMinor), SECONDS_PER_HOUR);
}

/**
 * Sums amounts of money exactly.
 *
 * @example
 * exactSum([100, 250]) // 350n
 */
export function exactSum(amounts: readonly MinorUnits[]): bigint {
  return amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
}

/**
 * Sums amounts of money exactly, refusing a total that a number cannot hold exactly.
 *
 * @example
 * sumMinor([100, 250]) // 350
 */
export function sumMinor(amounts: readonly MinorUnits[]): MinorUnits {
  return toSafeInteger(exactSum(amounts), 'total');
}

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
 * The amount of a time-based charge: seconds × rate per hour / 3600, rounded half up once.
 *
 * @example
 * timeChargeMinor(5400, 12000) // 18000 (1.5 h at 120.00)
 * timeChargeMinor(1, 1799) // 0 (0.4997 minor units)
 * timeChargeMinor(1, 1800) // 1 (exactly half a minor unit rounds up)
 */
export function timeChargeMinor(seconds: Seconds, ratePerHourMinor: MinorUnits): MinorUnits {
  const exact = roundHalfUp(BigInt(seconds) * BigInt(ratePerHourMinor), SECONDS_PER_HOUR);
  return toSafeInteger(exact, 'charge amount');
}

/**
 * Sums amounts of money exactly, refusing a total that a number cannot hold exactly.
 *
 * @example
 * sumMinor([100, 250]) // 350
 */
export function sumMinor(amounts: readonly MinorUnits[]): MinorUnits {
  const total = amounts.reduce((sum, amount) => sum + BigInt(amount), 0n);
  return toSafeInteger(total, 'total');
}

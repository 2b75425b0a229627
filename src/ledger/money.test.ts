import { LedgerInputError } from './errors';
import { ceilDivide, exactTimeCharge, roundHalfUp, sumMinor, toSafeAmount, toSafeInteger } from './money';

describe('roundHalfUp', () => {
  it.each([
    [5n, 2n, 3n], // 2.5 → 3
    [7n, 3n, 2n], // 2.33 → 2
    [8n, 3n, 3n], // 2.67 → 3
    [6n, 3n, 2n], // exact
    [0n, 7n, 0n],
    [-5n, 2n, -2n], // -2.5 → -2 (halves go up)
    [-7n, 3n, -2n], // -2.33 → -2
    [-8n, 3n, -3n], // -2.67 → -3
  ])('rounds %p / %p to %p', (numerator, denominator, expected) => {
    expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });

  it('refuses a denominator that is not positive', () => {
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('ceilDivide', () => {
  it.each([
    [7n, 2n, 4n],
    [6n, 2n, 3n],
    [-7n, 2n, -3n],
    [0n, 5n, 0n],
  ])('ceil(%p / %p) = %p', (numerator, denominator, expected) => {
    expect(ceilDivide(numerator, denominator)).toBe(expected);
  });
});

describe('exactTimeCharge', () => {
  it('charges seconds × rate / 3600, rounded half up once', () => {
    expect(exactTimeCharge(5400, 12000)).toBe(18000n); // 1.5 h × 120.00
    expect(exactTimeCharge(1, 1800)).toBe(1n); // 0.5 → 1
    expect(exactTimeCharge(1, 1799)).toBe(0n); // 0.49972 → 0
    expect(exactTimeCharge(1000, 9999)).toBe(2778n); // 2777.5 → 2778
    expect(exactTimeCharge(0, 12000)).toBe(0n);
  });

  it('stays exact where a float product would not', () => {
    // 2^53 / 3600 would lose the last digits in floating point: 9007199254740992 × 3600 / 3600.
    expect(exactTimeCharge(9_007_199_254_740_991, 3600)).toBe(9_007_199_254_740_991n);
    expect(exactTimeCharge(9_007_199_254_740_991, 7200)).toBe(18_014_398_509_481_982n);
  });
});

describe('toSafeAmount', () => {
  it('passes amounts a number holds exactly', () => {
    expect(toSafeAmount(BigInt(Number.MAX_SAFE_INTEGER), 'plan.extraRateMinor', 'extra work')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('blames the input field for an amount beyond the safe integer range', () => {
    const tooLarge = () => toSafeAmount(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'plan.extraRateMinor', 'extra work in 2026-10');
    expect(tooLarge).toThrow(LedgerInputError);
    expect(tooLarge).toThrow(
      'plan.extraRateMinor: extra work in 2026-10 would be 9007199254740992 minor units, more than amounts are exact up to (9007199254740991)',
    );
  });
});

describe('toSafeInteger and sumMinor', () => {
  it('converts safe values and sums exactly', () => {
    expect(toSafeInteger(42n, 'x')).toBe(42);
    expect(sumMinor([100, 250, 0])).toBe(350);
    expect(sumMinor([])).toBe(0);
  });

  it('refuses unsafe totals', () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow('total 9007199254740992 is beyond the safe integer range');
  });
});

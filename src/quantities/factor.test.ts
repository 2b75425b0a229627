import { factorDecimal, formatFactor, permilleFromFactor } from './factor';

describe('a typed multiplier factor', () => {
  it('is read exactly in thousandths, never through a float, and refused with more than 3 decimals or no number', () => {
    expect(['1.5', ' 2 ', '×1.25', '1.333', '1'].map(permilleFromFactor)).toEqual([1500, 2000, 1250, 1333, 1000]);
    expect(['1.2345', 'abc', ''].map(permilleFromFactor)).toEqual([null, null, null]);
  });
});

describe('a factor written out', () => {
  it('drops trailing zeros of the decimals only, never of the whole part', () => {
    expect([1000, 1500, 1125, 2000, 10000, 10500].map(factorDecimal)).toEqual(['1', '1.5', '1.125', '2', '10', '10.5']);
    expect(formatFactor(1750)).toBe('×1.75');
  });

  it('reads back as the same thousandths', () => {
    for (const permille of [1000, 1001, 1250, 1999, 9999, 10000]) expect(permilleFromFactor(factorDecimal(permille))).toBe(permille);
  });
});

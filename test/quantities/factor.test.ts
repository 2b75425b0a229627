import { factorDecimal, formatFactor } from '../../src/quantities';

describe('factors', () => {
  it.each([
    [1000, '1'],
    [1500, '1.5'],
    [1250, '1.25'],
    [1125, '1.125'],
    [2000, '2'],
    [10000, '10'],
  ])('writes %i thousandths as %s, exactly', (permille, text) => {
    expect(factorDecimal(permille)).toBe(text);
    expect(formatFactor(permille)).toBe(`×${text}`);
  });
});

import { decimalText } from './decimal-text';

describe('decimalText', () => {
  it.each([
    [123450, 2, '1234.50'],
    [-5, 2, '-0.05'],
    [0, 2, '0.00'],
    [7, 0, '7'],
    [-1234, 3, '-1.234'],
    [1, 3, '0.001'],
  ])('%i scaled by 10^%i is %s', (scaled, digits, expected) => {
    expect(decimalText(scaled, digits)).toBe(expected);
    expect(decimalText(BigInt(scaled), digits)).toBe(expected);
  });

  it('refuses a number that is not a safe integer', () => {
    expect(() => decimalText(0.5, 2)).toThrow('0.5 is not a safe integer');
  });
});

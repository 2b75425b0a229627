import { amountDecimal, currencyDigits, formatMoney, minorFromAmount } from '../../src/quantities';

describe('currencyDigits', () => {
  it('takes the minor unit from CLDR', () => {
    expect(['EUR', 'JPY', 'BHD', 'USD'].map(currencyDigits)).toEqual([2, 0, 3, 2]);
  });

  it('falls back to two decimals for text that is not a currency code', () => {
    expect(currencyDigits('E1')).toBe(2);
    expect(currencyDigits('')).toBe(2);
  });
});

describe('amountDecimal', () => {
  it.each([
    [3_220_000, 'EUR', '32200.00'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'GBP', '0.00'],
    [123_456, 'JPY', '123456'],
    [1234, 'BHD', '1.234'],
    [9_007_199_254_740_991, 'EUR', '90071992547409.91'],
  ])('%d %s → %s', (amountMinor, currency, text) => {
    expect(amountDecimal(amountMinor, currency)).toBe(text);
  });
});

describe('formatMoney', () => {
  it('formats in the locale without passing through a float', () => {
    expect(formatMoney(123_456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney(9_007_199_254_740_991, 'EUR', 'en-GB')).toBe('€90,071,992,547,409.91');
    expect(formatMoney(1234, 'BHD', 'en-US')).toBe('BHD\u00a01.234');
    expect(formatMoney(500, 'JPY', 'ja-JP')).toBe('￥500');
  });
});

describe('amounts typed into a form', () => {
  it.each([
    ['12.5', 2, 1250],
    ['0.10', 2, 10],
    ['0,5', 2, 50],
    ['1.234', 2, null],
    ['500', 0, 500],
    ['1.234', 3, 1234],
    ['-1', 2, null],
    ['1e3', 2, null],
    ['9'.repeat(17), 2, null],
  ])('%j with %d decimals → %p', (text, digits, minor) => {
    expect(minorFromAmount(text, digits)).toBe(minor);
  });
});

import fc from 'fast-check';
import { formatHours, hoursDecimal, hoursInputText, secondsFromHours } from '../../src/quantities';

describe('hoursDecimal', () => {
  it.each([
    [0, '0.00'],
    [5400, '1.50'],
    [900, '0.25'],
    [17, '0.00'],
    [18, '0.01'],
    [1_321_200, '367.00'],
    [100, '0.03'],
    [-18, '-0.01'],
    [-17, '0.00'],
    [-5400, '-1.50'],
  ])('%d s → %s h', (seconds, expected) => {
    expect(hoursDecimal(seconds)).toBe(expected);
  });

  it('shows a negative quantity with the digits of its positive twin, and no sign when they are all zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), (seconds) => {
        const positive = hoursDecimal(seconds);
        expect(hoursDecimal(-seconds)).toBe(positive === '0.00' ? positive : `-${positive}`);
      }),
    );
  });

  it('is exact at the largest safe integer', () => {
    expect(hoursDecimal(Number.MAX_SAFE_INTEGER)).toBe('2501999792983.61');
  });
});

describe('formatHours', () => {
  it('drops trailing zeros on screens and keeps two decimals on statements', () => {
    expect(formatHours(5400, 'en-GB')).toBe('1.5 h');
    expect(formatHours(5400, 'en-GB', { decimals: 'exactly-two' })).toBe('1.50 h');
    expect(formatHours(3600 * 300, 'en-US')).toBe('300 h');
    expect(formatHours(3600 * 1234, 'en-US', { decimals: 'exactly-two' })).toBe('1,234.00 h');
  });

  it('writes the locale’s decimal mark and grouping', () => {
    expect(formatHours(3600 * 1234 + 1800, 'de-DE')).toBe('1.234,5 h');
    expect(formatHours(4800, 'de-DE', { decimals: 'exactly-two' })).toBe('1,33 h');
  });
});

describe('hours typed into a form', () => {
  it.each([
    ['1.5', 5400],
    ['0,25', 900],
    ['7', 25_200],
    [' 300 ', 1_080_000],
    ['0.0167', 60],
    ['0.00013', 0],
    ['0.00014', 1],
    ['-1', null],
    ['abc', null],
    ['1.2.3', null],
    ['', null],
    ['9'.repeat(20), null],
  ])('%j → %p', (text, seconds) => {
    expect(secondsFromHours(text)).toBe(seconds);
  });

  it.each([
    [5400, '1.5'],
    [3600 * 300, '300'],
    [60, '0.0167'],
    [0, '0'],
  ])('%d s is shown in the form as %s', (seconds, text) => {
    expect(hoursInputText(seconds)).toBe(text);
  });

  it('reads back every whole second it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (seconds) => {
        expect(secondsFromHours(hoursInputText(seconds))).toBe(seconds);
      }),
    );
  });
});

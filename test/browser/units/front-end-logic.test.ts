/**
 * The front end's pure logic, without a browser: form quantities, the burn series and counts in words.
 * (Modules that import the contract through the `@contract` alias are exercised by the browser test instead.)
 */
import { burnSeries } from '../../../static/project-page/src/burn-series';
import { hoursText, minorFromAmount, secondsFromHours } from '../../../static/project-settings/src/quantities';
import { countOf, ISSUES } from '../../../static/shared/format/count';

describe('form quantities', () => {
  it('reads hours to whole seconds and money to minor units exactly', () => {
    expect(secondsFromHours('1.5')).toBe(5400);
    expect(secondsFromHours('0,25')).toBe(900);
    expect(secondsFromHours('7')).toBe(25_200);
    expect(secondsFromHours('-1')).toBeNull();
    expect(secondsFromHours('abc')).toBeNull();
    expect(minorFromAmount('12.5', 2)).toBe(1250);
    expect(minorFromAmount('0.10', 2)).toBe(10);
    expect(minorFromAmount('1.234', 2)).toBeNull();
    expect(minorFromAmount('500', 0)).toBe(500);
  });

  it('writes seconds back as hours without trailing zeros', () => {
    expect(hoursText(5400)).toBe('1.5');
    expect(hoursText(3600 * 300)).toBe('300');
    expect(hoursText(60)).toBe('0.0167');
  });
});

describe('burnSeries', () => {
  it('accumulates the covered seconds of each day', () => {
    expect(burnSeries([60, 0, 40, 0])).toEqual([60, 60, 100, 100]);
    expect(burnSeries([])).toEqual([]);
  });
});

describe('counts in words', () => {
  it('agrees the words with the count, by English plural rules', () => {
    expect([0, 1, 2, 21, 1000].map((count) => countOf(count, ISSUES))).toEqual(['0 issues', '1 issue', '2 issues', '21 issues', '1000 issues']);
    expect(countOf(1, { one: 'issue matches', other: 'issues match' })).toBe('1 issue matches');
  });
});

/**
 * The front end's pure logic, without a browser: the burn series and counts in words.
 */
import { burnSeries } from '../../../static/project-page/src/burn-series';
import { countOf, ISSUES } from '../../../static/shared/format/count';

describe('burnSeries', () => {
  it('accumulates the covered seconds of each day', () => {
    expect(burnSeries([60, 0, 40, 0])).toEqual([60, 60, 100, 100]);
    expect(burnSeries([])).toEqual([]);
  });
});

describe('counts in words', () => {
  it('agrees the words with the count, by English plural rules', () => {
    expect([0, 1, 2, 21, 1000].map((count) => countOf(count, ISSUES))).toEqual(['0 issues', '1 issue', '2 issues', '21 issues', '1,000 issues']);
    expect(countOf(1, { one: 'issue matches', other: 'issues match' })).toBe('1 issue matches');
  });
});

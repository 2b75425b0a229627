/**
 * The front end's pure logic, without a browser: the burn series, counts in words and the Advice form.
 */
import { burnSeries } from '../../../static/project-page/src/burn-series';
import { countOf, ISSUES } from '../../../static/shared/format/count';
import { candidatesOf, emptyRow, initialRows } from '../../../static/project-page/src/advice-form';

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

describe('the Advice form', () => {
  const plan = { currency: 'EUR', kind: 'buckets', coveredRateMinor: 9_500, allowance: { includedSeconds: 300 * 3600, fixedFeeMinor: 2_400_000, rollover: { capSeconds: 30 * 3600, expiresAfterPeriods: 1 } } } as const;

  it('opens with the plan\'s allowance ten hours smaller and larger, and blocks of 20 h at its hourly price', () => {
    expect(initialRows(plan).map((row) => [row.name, row.includedHours, row.fixedFee, row.rollover, row.blockHours, row.blockPrice])).toEqual([
      ['290 h a period', '290', '24000.00', true, '', ''],
      ['310 h a period', '310', '24000.00', true, '', ''],
      ['Blocks of 20 h', '', '', false, '20', '1900.00'],
    ]);
  });

  it('turns rows into candidate terms, and says what is wrong in each row', () => {
    expect(candidatesOf(initialRows(plan), 'EUR')).toEqual({
      candidates: [
        { name: '290 h a period', terms: { kind: 'buckets', allowance: { includedSeconds: 290 * 3600, fixedFeeMinor: 2_400_000, rollover: { capSeconds: 290 * 3600, expiresAfterPeriods: 1 } } } },
        { name: '310 h a period', terms: { kind: 'buckets', allowance: { includedSeconds: 310 * 3600, fixedFeeMinor: 2_400_000, rollover: { capSeconds: 310 * 3600, expiresAfterPeriods: 1 } } } },
        { name: 'Blocks of 20 h', terms: { kind: 'buckets', allowance: null, blocks: { topUpSeconds: 20 * 3600, priceMinor: 190_000 } } },
      ],
    });
    const wrong = { ...emptyRow(0), name: ' ', includedHours: 'lots', fixedFee: '1.234', blockHours: '0.5' };
    expect(candidatesOf([wrong, { ...emptyRow(1), name: 'Twin' }, { ...emptyRow(2), name: 'Twin' }], 'EUR')).toEqual({
      errors: [
        { name: 'Give the candidate a name.', includedHours: 'Hours, e.g. 35 or 37.5.', fixedFee: 'An amount in EUR, e.g. 3500.00.', blockHours: 'At least 1 hour.' },
        {},
        { name: 'Another candidate has this name.' },
      ],
    });
  });
});

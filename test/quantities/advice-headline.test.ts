import { advisePlan, buildHistory } from '../../src/ledger';
import { buildLink, buildPlan, buildWorklog, HOUR } from '../../src/ledger/test-builders';
import { adviceHeadline, formatMoney } from '../../src/quantities';

describe('adviceHeadline', () => {
  it('says the issue\'s sentence from the ledger\'s figures', () => {
    const plan = buildPlan({ startDate: '2026-01-01', allowance: { includedSeconds: 40 * HOUR, fixedFeeMinor: 400_000 }, overageRateMinor: 11_600 });
    const hours = [30, 30, 38, 30, 30, 38, 30, 30, 39, 30, 30, 30];
    const worklogs = hours.map((each, month) =>
      buildWorklog({ id: String(month), started: `2026-${String(month + 1).padStart(2, '0')}-10T09:00:00.000+0000`, timeSpentSeconds: each * HOUR }),
    );
    const statements = buildHistory({ plan, links: [buildLink()], worklogs, throughPeriod: '2026-12' });
    const advice = advisePlan({ plan, statements, candidates: [{ name: '35 h a month', terms: { allowance: { includedSeconds: 35 * HOUR, fixedFeeMinor: 380_000 } } }] });
    const [candidate] = advice.candidates;
    if (candidate === undefined) throw new Error('one candidate was given');
    const figures = { candidateName: candidate.name, differenceMinor: candidate.differenceMinor, periodCount: advice.periods.length, periodUnit: plan.period, periodsWithOverage: candidate.periodsWithOverage };
    expect(adviceHeadline(figures, (minor) => formatMoney(minor, plan.currency, 'en-GB'))).toBe('With 35 h a month you would have paid €1,240.00 less over 12 months; 3 months would have had overage.');
  });

  it('says more, the same, one period and none', () => {
    const dollars = (minor: number) => formatMoney(minor, 'USD', 'en-US');
    const figures = { candidateName: 'Pay as you go', periodCount: 1, periodUnit: 'quarter', periodsWithOverage: 0 } as const;
    expect(adviceHeadline({ ...figures, differenceMinor: 5_050 }, dollars)).toBe('With Pay as you go you would have paid $50.50 more over 1 quarter; no quarter would have had overage.');
    expect(adviceHeadline({ ...figures, differenceMinor: 0, periodsWithOverage: 1 }, dollars)).toBe('With Pay as you go you would have paid the same over 1 quarter; 1 quarter would have had overage.');
  });
});

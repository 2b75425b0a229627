import { buildCharges } from './build-charges';
import { LedgerInputError } from './errors';
import { periodByLabel } from './period-by-label';
import { scheduleBlocks } from './schedule-blocks';
import { buildPayAsYouGoPlan, buildPlan } from './test-builders';
import type { Period, Plan } from './types';

const october = (plan: Plan): Period => {
  const period = periodByLabel(plan, '2026-10');
  if (period === null) throw new Error('test plan has no October');
  return period;
};

describe('buildCharges', () => {
  it('rounds each time-based line half up once, from its total seconds', () => {
    const plan = buildPlan({ overageRateMinor: 1, extraRateMinor: 1 });
    // 1800 s at 0.01/h = 0.5 minor units → 1; 5399 s → 1.4997 → 1.
    expect(buildCharges(plan, october(plan), { coveredSeconds: 0, overageSeconds: 1800, extraSeconds: 5399 }, [])).toEqual([
      { kind: 'overage', description: 'Overage', seconds: 1800, rateMinor: 1, amountMinor: 1 },
      { kind: 'extra', description: 'Extra work', seconds: 5399, rateMinor: 1, amountMinor: 1 },
    ]);
  });

  it('names the rate of a line too large to be exact, as bad input', () => {
    const plan = buildPayAsYouGoPlan({ hourlyRateMinor: 10_000_000_000 });
    const charge = () => buildCharges(plan, october(plan), { coveredSeconds: 3_300_000_000, overageSeconds: 0, extraSeconds: 0 }, []);
    expect(charge).toThrow(LedgerInputError);
    expect(charge).toThrow(/^plan\.hourlyRateMinor: covered work in 2026-10 \(3300000000 s at 10000000000 per hour\) would be 9166666666666667 minor units/);
  });

  it('keeps a line with seconds but a zero rate, and leaves out lines with neither', () => {
    const plan = buildPlan({ overageRateMinor: 0 });
    expect(buildCharges(plan, october(plan), { coveredSeconds: 0, overageSeconds: 60, extraSeconds: 0 }, [])).toEqual([
      { kind: 'overage', description: 'Overage', seconds: 60, rateMinor: 0, amountMinor: 0 },
    ]);
  });

  it('bills a pay-as-you-go plan its covered seconds and never overage or a fee', () => {
    const plan = buildPayAsYouGoPlan();
    expect(buildCharges(plan, october(plan), { coveredSeconds: 7200, overageSeconds: 0, extraSeconds: 0 }, [])).toEqual([
      { kind: 'pay-as-you-go', description: 'Covered work', seconds: 7200, rateMinor: 9000, amountMinor: 18000 },
    ]);
  });

  it('adds one line per block purchase after the time-based lines, leaving out free empty blocks', () => {
    const plan = buildPlan({
      allowance: undefined,
      blocks: [
        { id: 'paid', purchasedOn: '2026-10-03', seconds: 3600, priceMinor: 200 },
        { id: 'free-empty', purchasedOn: '2026-10-04', seconds: 0, priceMinor: 0 },
        { id: 'free-hours', purchasedOn: '2026-10-05', seconds: 1800, priceMinor: 0 },
      ],
    });
    const billed = { coveredSeconds: 0, overageSeconds: 3600, extraSeconds: 0 };
    expect(buildCharges(plan, october(plan), billed, scheduleBlocks(plan))).toEqual([
      { kind: 'overage', description: 'Overage', seconds: 3600, rateMinor: 10000, amountMinor: 10000 },
      { kind: 'block-purchase', description: 'Prepaid block paid purchased 2026-10-03', seconds: 3600, amountMinor: 200 },
      { kind: 'block-purchase', description: 'Prepaid block free-hours purchased 2026-10-05', seconds: 1800, amountMinor: 0 },
    ]);
  });
});

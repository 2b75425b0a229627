import { adviceFigures } from './advice-figures';
import { advisePlan } from './advise-plan';
import { buildHistory } from './build-history';
import { buildLink, buildPayAsYouGoPlan, buildPlan, buildWorklog, HOUR } from './test-builders';
import type { ClosedPeriod, JiraWorklog } from './types';

/** One worklog of `hours` on the 10th of each month of 2026, `hoursByMonth[0]` in January. */
function monthlyWork(hoursByMonth: readonly number[]): JiraWorklog[] {
  return hoursByMonth.map((hours, month) =>
    buildWorklog({ id: String(month + 1), started: `2026-${String(month + 1).padStart(2, '0')}-10T09:00:00.000+0000`, timeSpentSeconds: hours * HOUR }),
  );
}

const YEAR = [30, 30, 38, 30, 30, 38, 30, 30, 39, 30, 30, 30];

describe('advisePlan', () => {
  const plan = buildPlan({ startDate: '2026-01-01', allowance: { includedSeconds: 40 * HOUR, fixedFeeMinor: 400_000 }, overageRateMinor: 11_600 });
  const statements = buildHistory({ plan, links: [buildLink()], worklogs: monthlyWork(YEAR), throughPeriod: '2026-12' });

  it('prices the same work under a smaller allowance: €1,240 less over 12 months, 3 of them with overage', () => {
    const advice = advisePlan({
      plan,
      statements,
      candidates: [{ name: '35 h a month', terms: { allowance: { includedSeconds: 35 * HOUR, fixedFeeMinor: 380_000 } } }],
    });
    const [candidate] = advice.candidates;
    expect(advice.paid.totalMinor).toBe(12 * 400_000);
    expect(advice.paid.periodsWithOverage).toBe(0);
    // 12 × 3,800.00 and 10 h of overage at 116.00: 45,600.00 + 1,160.00.
    expect(candidate?.totalMinor).toBe(4_676_000);
    expect(candidate?.differenceMinor).toBe(-124_000);
    expect(candidate?.periodsWithOverage).toBe(3);
    expect(candidate?.overageSeconds).toBe(10 * HOUR);
    expect(candidate?.statements[8]?.charges).toEqual([
      { kind: 'fixed-fee', description: 'Fixed fee for 2026-09', amountMinor: 380_000 },
      { kind: 'overage', description: 'Overage', seconds: 4 * HOUR, rateMinor: 11_600, amountMinor: 46_400 },
    ]);
    expect(advice.cheapest).toBe(0);
  });

  it('names the cheapest candidate, the first of equals', () => {
    const allowance = (hours: number, feeMinor: number) => ({ allowance: { includedSeconds: hours * HOUR, fixedFeeMinor: feeMinor } });
    const advice = advisePlan({
      plan,
      statements,
      candidates: [
        { name: 'as now', terms: {} },
        { name: '30 h', terms: allowance(30, 300_000) },
        { name: '30 h again', terms: allowance(30, 300_000) },
      ],
    });
    expect(advice.candidates.map((candidate) => candidate.differenceMinor)).toEqual([0, -1_200_000 + 25 * 11_600, -1_200_000 + 25 * 11_600]);
    expect(advice.cheapest).toBe(1);
    expect(advisePlan({ plan, statements, candidates: [] }).cheapest).toBeNull();
  });

  it('buys a top-up block on the day the bank runs empty, and carries its rest into the next period', () => {
    const payg = buildPayAsYouGoPlan({ id: 'gold', startDate: '2026-01-01', hourlyRateMinor: 10_000 });
    const work = [
      buildWorklog({ id: '1', started: '2026-01-05T09:00:00.000+0000', timeSpentSeconds: 6 * HOUR }),
      buildWorklog({ id: '2', started: '2026-01-20T23:30:00.000+0000', timeSpentSeconds: 15 * HOUR }),
      buildWorklog({ id: '3', started: '2026-02-03T09:00:00.000+0000', timeSpentSeconds: 3 * HOUR }),
    ];
    const history = buildHistory({ plan: payg, links: [buildLink()], worklogs: work, throughPeriod: '2026-02' });
    const advice = advisePlan({
      plan: payg,
      statements: history,
      candidates: [{ name: 'blocks of 10 h', terms: { kind: 'buckets', blocks: { topUpSeconds: 10 * HOUR, priceMinor: 90_000 } } }],
    });
    const [candidate] = advice.candidates;
    const [january, february] = candidate?.statements ?? [];
    expect(january?.charges.map((charge) => charge.description)).toEqual([
      'Prepaid block top-up-1 purchased 2026-01-05',
      'Prepaid block top-up-2 purchased 2026-01-20',
      'Prepaid block top-up-3 purchased 2026-01-20',
    ]);
    expect(january?.overageSeconds).toBe(0);
    expect(january?.lines[1]?.draws).toEqual([
      { bucketId: 'block:top-up-1', seconds: 4 * HOUR },
      { bucketId: 'block:top-up-2', seconds: 10 * HOUR },
      { bucketId: 'block:top-up-3', seconds: HOUR },
    ]);
    // February draws on the 9 h left of top-up-3 and buys nothing.
    expect(february?.charges).toEqual([]);
    expect(february?.lines[0]?.draws).toEqual([{ bucketId: 'block:top-up-3', seconds: 3 * HOUR }]);
    expect(candidate?.totalMinor).toBe(3 * 90_000);
    expect(history.map((statement) => statement.totalMinor)).toEqual([210_000, 30_000]);
    // The figures an answer carries put January's three purchases in one line.
    expect(adviceFigures(advice).candidates[0]?.periods[0]?.charges).toEqual([
      { kind: 'block-purchase', description: '3 prepaid blocks purchased', seconds: 30 * HOUR, amountMinor: 270_000 },
    ]);
  });

  it('keeps the lots and blocks brought into the first period, and prices a closed period on its invoiced lines', () => {
    const rolling = buildPlan({
      startDate: '2026-01-01',
      allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 5 * HOUR, expiresAfterPeriods: 2 } },
    });
    const work = monthlyWork([4, 12, 3]);
    const [, frozen] = buildHistory({ plan: rolling, links: [buildLink()], worklogs: work, throughPeriod: '2026-02' });
    if (frozen === undefined) throw new Error('February has a statement');
    const closed: ClosedPeriod[] = [{ periodLabel: '2026-02', version: 1, statement: { ...frozen, closedVersion: 1 } }];
    // Logged after February was closed: its statement (and the advice) keeps the invoiced 12 h.
    const late = [...work, buildWorklog({ id: 'late', started: '2026-02-11T09:00:00.000+0000', timeSpentSeconds: 8 * HOUR })];
    const window = buildHistory({ plan: rolling, links: [buildLink()], worklogs: late, throughPeriod: '2026-03', closedPeriods: closed }).slice(1);
    const advice = advisePlan({ plan: rolling, statements: window, candidates: [{ name: 'same', terms: {} }, { name: 'no rollover', terms: { allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0 } } }] });
    const [same, noRollover] = advice.candidates;
    expect(same?.statements[0]?.carriedIn).toEqual(frozen.carriedIn);
    expect(same?.statements[0]?.charges).toEqual(frozen.charges);
    expect(same?.differenceMinor).toBe(0);
    // January's 5 h lot, made under the plan's terms, still covers 2 of February's 12 h and brings its last 3 h into
    // March; February's unused hours (none) make no lot without rollover.
    expect(noRollover?.statements[0]?.overageSeconds).toBe(0);
    expect(noRollover?.statements[1]?.carriedIn).toEqual([{ bucketId: 'rollover:2026-01', fromPeriod: '2026-01', seconds: 3 * HOUR, expiresAt: Date.UTC(2026, 3, 1) }]);
  });
});

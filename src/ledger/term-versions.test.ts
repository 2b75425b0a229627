import { buildHistory } from './build-history';
import { buildStatement } from './build-statement';
import { LedgerInputError } from './errors';
import { periodByLabel } from './period-by-label';
import { createPeriodCalendar } from './period-calendar';
import { periodContaining } from './period-containing';
import { buildAmendment, buildLink, buildPlan, buildWorklog, HOUR } from './test-builders';
import type { BucketPlan, ClosedPeriod, JiraWorklog, Plan } from './types';

const links = [buildLink()];

function labels(plan: Plan, count: number): string[] {
  const calendar = createPeriodCalendar(plan);
  return Array.from({ length: count }, (_unused, index) => calendar.period(index)?.label ?? 'none');
}

function withAmendments(plan: BucketPlan, ...amendments: BucketPlan['amendments'] & object): BucketPlan {
  return { ...plan, amendments };
}

describe('term versions: the calendar', () => {
  const monthly = buildPlan({ startDate: '2026-07-01' });

  it('starts a new sequence where a version changes the unit, keeping the periods before it', () => {
    const plan = withAmendments(monthly, buildAmendment(monthly, '2026-10', { period: 'quarter' }));
    expect(labels(plan, 6)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2027-01', '2027-04']);
    expect(createPeriodCalendar(plan).versionStarts).toEqual([0, 3]);
    expect(periodByLabel(plan, '2026-11')).toBeNull();
    expect(periodContaining(plan, Date.UTC(2026, 10, 15))?.label).toBe('2026-10');
    expect(periodByLabel(plan, '2026-10')).toMatchObject({ startDate: '2026-10-01', endDateExclusive: '2027-01-01' });
  });

  it('keeps the plan start day as the anchor of a new sequence, clamped to short months', () => {
    const plan = buildPlan({ startDate: '2026-01-31' });
    const amended = withAmendments(plan, buildAmendment(plan, '2026-03', { period: 'quarter' }));
    const calendar = createPeriodCalendar(amended);
    expect([1, 2, 3, 4].map((index) => calendar.period(index)?.startDate)).toEqual(['2026-02-28', '2026-03-31', '2026-06-30', '2026-09-30']);
  });

  it('continues the sequence when a version keeps the unit', () => {
    const plan = withAmendments(monthly, buildAmendment(monthly, '2026-09', { overageRateMinor: 1 }));
    expect(labels(plan, 5)).toEqual(labels(monthly, 5));
  });

  it.each([
    ['a month inside a period', buildPlan({ startDate: '2026-07-01', period: 'quarter' }), '2026-08', '"2026-08" is not the first month of a period of the plan'],
    ['a month before the plan', monthly, '2026-06', '"2026-06" is not the first month of a period of the plan'],
    ['the plan\'s first period', monthly, '2026-07', '2026-07 must come after the first period of the version before'],
    ['a month after the plan\'s end', buildPlan({ startDate: '2026-07-01', endDate: '2026-09-30' }), '2026-10', '"2026-10" is not the first month of a period of the plan'],
    ['not a label', monthly, '2026-7', '"2026-7" is not the first month of a period of the plan'],
  ])('refuses a version from %s', (_case, plan, from, message) => {
    expect(() => createPeriodCalendar(withAmendments(plan, buildAmendment(plan, from)))).toThrow(
      new LedgerInputError('plan.amendments[0].from', message),
    );
  });

  it('refuses versions out of order', () => {
    const plan = withAmendments(monthly, buildAmendment(monthly, '2026-10'), buildAmendment(monthly, '2026-09'));
    expect(() => createPeriodCalendar(plan)).toThrow(
      new LedgerInputError('plan.amendments[1].from', '2026-09 must come after the first period of the version before'),
    );
  });
});

describe('term versions: statements', () => {
  const plan = buildPlan({ allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 50_000 } });
  const twelveHours = (id: string, started: string): JiraWorklog => buildWorklog({ id, started, timeSpentSeconds: 12 * HOUR });
  const worklogs = [twelveHours('1', '2026-10-05T09:00:00.000+0000'), twelveHours('2', '2026-11-05T09:00:00.000+0000')];

  it('prices each period with the terms in force at its start and names the version', () => {
    const amended = withAmendments(
      plan,
      buildAmendment(plan, '2026-11', { allowance: { includedSeconds: 20 * HOUR, fixedFeeMinor: 80_000 }, overageRateMinor: 12_000 }),
    );
    const [october, november] = buildHistory({ plan: amended, links, worklogs, throughPeriod: '2026-11' });
    expect(october).toMatchObject({ termsVersion: 1, includedSeconds: 10 * HOUR, overageSeconds: 2 * HOUR });
    expect(october?.charges.map((line) => [line.kind, line.rateMinor, line.amountMinor])).toEqual([
      ['fixed-fee', undefined, 50_000],
      ['overage', 10_000, 20_000],
    ]);
    expect(november).toMatchObject({ termsVersion: 2, includedSeconds: 20 * HOUR, overageSeconds: 0, totalMinor: 80_000 });
  });

  it('rounds worklogs by the rounding of the version in force in their period', () => {
    const amended = withAmendments(plan, buildAmendment(plan, '2026-11', { rounding: { incrementSeconds: 0, minimumSeconds: 13 * HOUR } }));
    const [october, november] = buildHistory({ plan: amended, links, worklogs, throughPeriod: '2026-11' });
    expect([october?.usedCoveredSeconds, november?.usedCoveredSeconds]).toEqual([12 * HOUR, 13 * HOUR]);
  });

  it('lets rollover lots keep the expiry of the terms that made them', () => {
    const rolling = buildPlan({ allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 5 * HOUR, expiresAfterPeriods: 2 } } });
    const amended = withAmendments(
      rolling,
      buildAmendment(rolling, '2026-11', { allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 1 * HOUR, expiresAfterPeriods: 1 } } }),
    );
    const december = buildStatement({ plan: amended, links, worklogs: [], period: '2026-12' });
    expect(december.carriedIn).toEqual([
      { bucketId: 'rollover:2026-10', fromPeriod: '2026-10', seconds: 5 * HOUR, expiresAt: Date.UTC(2027, 0, 1) },
      { bucketId: 'rollover:2026-11', fromPeriod: '2026-11', seconds: 1 * HOUR, expiresAt: Date.UTC(2027, 0, 1) },
    ]);
  });

  it('lets a monthly lot keep its monthly expiry inside the first quarter of a new sequence', () => {
    const rolling = buildPlan({
      startDate: '2026-09-01',
      allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 5 * HOUR, expiresAfterPeriods: 1 } },
    });
    const quarterly = withAmendments(rolling, buildAmendment(rolling, '2026-10', { period: 'quarter' }));
    const quarter = buildStatement({ plan: quarterly, links, worklogs: [], period: '2026-10' });
    expect(quarter.carriedIn).toEqual([{ bucketId: 'rollover:2026-09', fromPeriod: '2026-09', seconds: 5 * HOUR, expiresAt: Date.UTC(2026, 10, 1) }]);
    expect(quarter.buckets.find((bucket) => bucket.kind === 'rollover')?.expiredSeconds).toBe(5 * HOUR);
  });

  it('schedules the blocks a later version lists', () => {
    const amended = withAmendments(plan, buildAmendment(plan, '2026-11', { blocks: [{ id: 'nov', purchasedOn: '2026-11-02', seconds: 4 * HOUR, priceMinor: 30_000 }] }));
    const november = buildStatement({ plan: amended, links, worklogs, period: '2026-11' });
    expect(november).toMatchObject({ purchasedSeconds: 4 * HOUR, availableSeconds: 14 * HOUR, totalMinor: 50_000 + 30_000 });
  });

  it('books late work of a closed month at that month\'s rate on the first quarter after a change of unit', () => {
    const monthly = buildPlan({ startDate: '2026-07-01' });
    const september = twelveHours('1', '2026-09-10T09:00:00.000+0000');
    const frozen: ClosedPeriod = {
      periodLabel: '2026-09',
      version: 1,
      statement: buildStatement({ plan: monthly, links, worklogs: [september], period: '2026-09' }),
    };
    const quarterly = withAmendments(monthly, buildAmendment(monthly, '2026-10', { period: 'quarter', overageRateMinor: 20_000 }));
    const lateTwoHours = buildWorklog({ id: '9', started: '2026-09-20T09:00:00.000+0000', timeSpentSeconds: 2 * HOUR });
    const october = buildWorklog({ id: '3', started: '2026-10-05T09:00:00.000+0000', timeSpentSeconds: 3 * HOUR });
    const closedPeriods = [frozen];
    const all = [september, lateTwoHours, october];
    expect(buildStatement({ plan: quarterly, links, worklogs: all, period: '2026-09', closedPeriods })).toEqual({ ...frozen.statement, closedVersion: 1 });
    const quarter = buildStatement({ plan: quarterly, links, worklogs: all, period: '2026-10', closedPeriods });
    expect(quarter.period).toMatchObject({ startDate: '2026-10-01', endDateExclusive: '2027-01-01' });
    expect(quarter).toMatchObject({ termsVersion: 2, usedCoveredSeconds: 3 * HOUR });
    expect(quarter.lines.map((line) => line.worklogId)).toEqual(['3']);
    expect(quarter.adjustmentCharges).toEqual([
      expect.objectContaining({ periodLabel: '2026-09', kind: 'overage', seconds: 2 * HOUR, rateMinor: 10_000, amountMinor: 20_000 }),
    ]);
  });
});

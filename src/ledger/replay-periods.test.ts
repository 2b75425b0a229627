import { buildHistory } from './build-history';
import { buildStatement } from './build-statement';
import { buildLink, buildPlan, buildWorklog, HOUR } from './test-builders';
import type { BucketPlan, JiraWorklog } from './types';

const at = (date: string) => `${date}T09:00:00.000+0000`;
const work = (id: string, date: string, hours: number): JiraWorklog =>
  buildWorklog({ id, started: at(date), timeSpentSeconds: hours * HOUR });
const history = (plan: BucketPlan, worklogs: JiraWorklog[], throughPeriod: string) =>
  buildHistory({ plan, links: [buildLink()], worklogs, throughPeriod });

describe('rollover', () => {
  it('carries unused allowance up to the cap into the next period only (K = 1)', () => {
    const plan = buildPlan({
      allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 4 * HOUR, expiresAfterPeriods: 1 } },
    });
    // Oct: 3 h used, 7 h unused → lot of 4 h (the cap). Nov: 12 h = 4 h lot + 8 h allowance; 2 h unused → lot of 2 h.
    const [october, november, december] = history(plan, [work('1', '2026-10-05', 3), work('2', '2026-11-05', 12)], '2026-12');
    expect(october?.carriedIn).toEqual([]);
    expect(november?.carriedIn).toEqual([
      { bucketId: 'rollover:2026-10', fromPeriod: '2026-10', seconds: 14400, expiresAt: Date.UTC(2026, 11, 1) },
    ]);
    // Lot and allowance tie on expiry and usable-from: the lot is drawn first.
    expect(november?.lines[0]?.draws).toEqual([
      { bucketId: 'rollover:2026-10', seconds: 14400 },
      { bucketId: 'allowance:2026-11', seconds: 28800 },
    ]);
    expect(november).toMatchObject({ carriedInSeconds: 14400, availableSeconds: 50400, usedCoveredSeconds: 43200, remainingSeconds: 7200, overageSeconds: 0 });
    expect(november?.buckets.map((b) => [b.id, b.openingSeconds, b.usedSeconds, b.expiredSeconds, b.closingSeconds])).toEqual([
      ['rollover:2026-10', 14400, 14400, 0, 0],
      ['allowance:2026-11', 36000, 28800, 7200, 0],
    ]);
    // The October lot expired with November; only November's 2 h arrive in December.
    expect(december?.carriedIn.map((lot) => [lot.bucketId, lot.seconds])).toEqual([['rollover:2026-11', 7200]]);
    expect(december?.availableSeconds).toBe(43200);
  });

  it('keeps a lot for two periods when K = 2 and draws the soonest-expiring bucket first', () => {
    const plan = buildPlan({
      allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 4 * HOUR, expiresAfterPeriods: 2 } },
    });
    // Oct unused 10 h → lot A 4 h (Nov 1 – Jan 1). Nov: 1 h from Nov allowance (expires Dec 1, before lot A);
    // 9 h unused → lot B 4 h (Dec 1 – Feb 1). Dec: 16 h = lot A 4 h (expires Jan 1, usable since Nov) + 10 h allowance + 2 h of lot B.
    const [, november, december] = history(plan, [work('1', '2026-11-05', 1), work('2', '2026-12-05', 16)], '2026-12');
    expect(november?.lines[0]?.draws).toEqual([{ bucketId: 'allowance:2026-11', seconds: 3600 }]);
    expect(november?.buckets.map((b) => [b.id, b.expiresAt, b.closingSeconds, b.expiredSeconds])).toEqual([
      ['allowance:2026-11', Date.UTC(2026, 11, 1), 0, 32400],
      ['rollover:2026-10', Date.UTC(2027, 0, 1), 14400, 0],
    ]);
    expect(november?.remainingSeconds).toBe(46800); // 32400 expired + 14400 still open
    expect(december?.carriedIn).toEqual([
      { bucketId: 'rollover:2026-10', fromPeriod: '2026-10', seconds: 14400, expiresAt: Date.UTC(2027, 0, 1) },
      { bucketId: 'rollover:2026-11', fromPeriod: '2026-11', seconds: 14400, expiresAt: Date.UTC(2027, 1, 1) },
    ]);
    expect(december?.lines[0]?.draws).toEqual([
      { bucketId: 'rollover:2026-10', seconds: 14400 },
      { bucketId: 'allowance:2026-12', seconds: 36000 },
      { bucketId: 'rollover:2026-11', seconds: 7200 },
    ]);
    expect(december).toMatchObject({ availableSeconds: 64800, usedCoveredSeconds: 57600, remainingSeconds: 7200, overageSeconds: 0 });
  });

  it('expires a lot at the plan end at the latest and makes none after the last period', () => {
    const plan = buildPlan({
      endDate: '2026-11-20',
      allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 4 * HOUR, expiresAfterPeriods: 2 } },
    });
    const [, november] = history(plan, [], '2026-11');
    const planEnd = Date.UTC(2026, 10, 21);
    expect(november?.buckets.map((b) => [b.id, b.expiresAt, b.expiredSeconds])).toEqual([
      ['rollover:2026-10', planEnd, 14400],
      ['allowance:2026-11', planEnd, 36000],
    ]);
  });

  it('does not roll lots again and ignores a cap of 0', () => {
    const noCap = buildPlan({
      allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 0, expiresAfterPeriods: 3 } },
    });
    expect(history(noCap, [], '2026-11')[1]?.carriedIn).toEqual([]);
    const longLived = buildPlan({
      allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 20 * HOUR, expiresAfterPeriods: 1 } },
    });
    // Each period's lot holds that period's unused 10 h only, never the previous lot's hours.
    expect(history(longLived, [], '2026-12')[2]?.carriedIn.map((lot) => [lot.bucketId, lot.seconds])).toEqual([['rollover:2026-11', 36000]]);
  });
});

describe('prepaid blocks', () => {
  const plan = buildPlan({
    allowance: undefined,
    blocks: [
      { id: 'b1', purchasedOn: '2026-10-01', seconds: 20 * HOUR, expiresOn: '2026-10-15', priceMinor: 50000 },
      { id: 'b2', purchasedOn: '2026-10-20', seconds: 10 * HOUR, priceMinor: 80000 },
    ],
  });
  // Oct 5: 5 h from b1. Oct 18: b1 expired at Oct 16 00:00 and b2 is not bought yet → 2 h overage. Oct 25: 3 h from b2.
  const worklogs = [work('1', '2026-10-05', 5), work('2', '2026-10-18', 2), work('3', '2026-10-25', 3)];
  const [october, november] = history(plan, worklogs, '2026-11');

  it('uses a block from its purchase date to the end of its expiry date', () => {
    expect(october?.lines.map((l) => [l.worklogId, l.overageSeconds, l.draws])).toEqual([
      ['1', 0, [{ bucketId: 'block:b1', seconds: 18000 }]],
      ['2', 7200, []],
      ['3', 0, [{ bucketId: 'block:b2', seconds: 10800 }]],
    ]);
    expect(october?.buckets).toEqual([
      {
        id: 'block:b1',
        kind: 'block',
        usableFrom: Date.UTC(2026, 9, 1),
        expiresAt: Date.UTC(2026, 9, 16),
        openingSeconds: 72000,
        usedSeconds: 18000,
        expiredSeconds: 54000,
        closingSeconds: 0,
      },
      {
        id: 'block:b2',
        kind: 'block',
        usableFrom: Date.UTC(2026, 9, 20),
        expiresAt: null,
        openingSeconds: 36000,
        usedSeconds: 10800,
        expiredSeconds: 0,
        closingSeconds: 25200,
      },
    ]);
  });

  it('counts blocks bought in the period as purchased and charges them there', () => {
    expect(october).toMatchObject({
      purchasedSeconds: 108000,
      availableSeconds: 108000,
      usedCoveredSeconds: 36000,
      overageSeconds: 7200,
      remainingSeconds: 79200, // 54000 expired + 25200 open
      totalMinor: 150000, // 2 h × 100.00 + 500.00 + 800.00
    });
    expect(october?.charges.map((c) => [c.kind, c.amountMinor])).toEqual([
      ['overage', 20000],
      ['block-purchase', 50000],
      ['block-purchase', 80000],
    ]);
  });

  it('carries a block balance into later periods without charging it again', () => {
    expect(november).toMatchObject({ purchasedSeconds: 0, availableSeconds: 25200, charges: [], totalMinor: 0 });
    expect(november?.buckets.map((b) => [b.id, b.openingSeconds])).toEqual([['block:b2', 25200]]);
  });
});

describe('draw order ties', () => {
  it('draws the allowance before a block that expires and opens with it, and blocks in purchase order', () => {
    const plan = buildPlan({
      allowance: { includedSeconds: HOUR, fixedFeeMinor: 0 },
      blocks: [
        { id: 'zeta', purchasedOn: '2026-10-01', seconds: HOUR, expiresOn: '2026-10-31', priceMinor: 0 },
        { id: 'alpha', purchasedOn: '2026-10-01', seconds: HOUR, expiresOn: '2026-10-31', priceMinor: 0 },
        { id: 'soon', purchasedOn: '2026-10-01', seconds: HOUR, expiresOn: '2026-10-20', priceMinor: 0 },
      ],
    });
    const statement = buildStatement({ plan, links: [buildLink()], worklogs: [work('1', '2026-10-05', 4)], period: '2026-10' });
    // 'soon' expires first; then allowance, 'zeta' and 'alpha' all expire Nov 1 and open Oct 1: allowance, then the plan's order (not id order).
    expect(statement.lines[0]?.draws.map((d) => d.bucketId)).toEqual(['block:soon', 'allowance:2026-10', 'block:zeta', 'block:alpha']);
  });

  it('creates no bucket of zero hours', () => {
    const plan = buildPlan({
      allowance: { includedSeconds: 0, fixedFeeMinor: 0 },
      blocks: [{ id: 'empty', purchasedOn: '2026-10-01', seconds: 0, priceMinor: 100 }],
    });
    const statement = buildStatement({ plan, links: [buildLink()], worklogs: [work('1', '2026-10-05', 1)], period: '2026-10' });
    expect(statement.buckets).toEqual([]);
    expect(statement.overageSeconds).toBe(3600);
  });
});

import { buildStatement } from './build-statement';
import { LedgerInputError } from './errors';
import { buildLink, buildPayAsYouGoPlan, buildPlan, buildWorklog, HOUR } from './test-builders';
import type { IssueLink, JiraWorklog, Plan } from './types';

const OCT = (day: number, hour = 9) => `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000+0000`;
const statementOf = (plan: Plan, worklogs: JiraWorklog[], period = '2026-10', links: IssueLink[] = [buildLink({ planId: plan.id })]) =>
  buildStatement({ plan, links, worklogs, period });

describe('buildStatement: draw-down and overage', () => {
  it('splits the worklog that exhausts the allowance into covered and overage', () => {
    // 10 h included; 6 h then 6 h: the second draws the last 4 h and 2 h become overage.
    const statement = statementOf(buildPlan(), [
      buildWorklog({ id: '1', started: OCT(5), timeSpentSeconds: 6 * HOUR }),
      buildWorklog({ id: '2', started: OCT(6), timeSpentSeconds: 6 * HOUR }),
    ]);
    expect(statement.lines.map((l) => [l.worklogId, l.coveredSeconds, l.overageSeconds, l.draws])).toEqual([
      ['1', 21600, 0, [{ bucketId: 'allowance:2026-10', seconds: 21600 }]],
      ['2', 21600, 7200, [{ bucketId: 'allowance:2026-10', seconds: 14400 }]],
    ]);
    expect(statement).toMatchObject({
      includedSeconds: 36000,
      availableSeconds: 36000,
      usedCoveredSeconds: 43200, // covered use includes the overage part
      remainingSeconds: 0,
      overageSeconds: 7200,
      totalMinor: 20000, // 2 h × 100.00
    });
    expect(statement.buckets).toEqual([
      {
        id: 'allowance:2026-10',
        kind: 'allowance',
        usableFrom: Date.UTC(2026, 9, 1),
        expiresAt: Date.UTC(2026, 10, 1),
        openingSeconds: 36000,
        usedSeconds: 36000,
        expiredSeconds: 0,
        closingSeconds: 0,
      },
    ]);
    expect(statement.charges).toEqual([
      { kind: 'overage', description: 'Overage', seconds: 7200, rateMinor: 10000, amountMinor: 20000 },
    ]);
  });

  it('counts unused allowance as remaining (it expires at the period end)', () => {
    const statement = statementOf(buildPlan(), [buildWorklog({ timeSpentSeconds: 3 * HOUR })]);
    expect(statement.remainingSeconds).toBe(25200);
    expect(statement.buckets[0]).toMatchObject({ usedSeconds: 10800, expiredSeconds: 25200, closingSeconds: 0 });
  });

  it('draws covered work in started order, ties broken by worklog id, not input order', () => {
    // Both start at the same instant; id 9 comes before id 10 and takes the allowance.
    const worklogs = [
      buildWorklog({ id: '10', started: OCT(5), timeSpentSeconds: 10 * HOUR }),
      buildWorklog({ id: '9', started: OCT(5), timeSpentSeconds: 10 * HOUR }),
    ];
    const statement = statementOf(buildPlan(), worklogs);
    expect(statement.lines.map((l) => [l.worklogId, l.overageSeconds])).toEqual([
      ['9', 0],
      ['10', 36000],
    ]);
  });
});

describe('buildStatement: rounding and billing classes', () => {
  const plan = buildPlan({ rounding: { incrementSeconds: 900, minimumSeconds: 1800 } });
  const links = [
    buildLink({ issueId: 'C', issueKey: 'SUP-1' }),
    buildLink({ issueId: 'E', billingClass: 'extra' }),
    buildLink({ issueId: 'N', billingClass: 'non-billable' }),
  ];
  const statement = buildStatement({
    plan,
    links,
    period: '2026-10',
    worklogs: [
      buildWorklog({ id: '1', issueId: 'C', started: OCT(1), timeSpentSeconds: 600 }), // → 1800 (minimum)
      buildWorklog({ id: '2', issueId: 'C', started: OCT(2), timeSpentSeconds: 2000 }), // → 2700
      buildWorklog({ id: '3', issueId: 'C', started: OCT(3), timeSpentSeconds: 0 }), // stays 0
      buildWorklog({ id: '4', issueId: 'E', started: OCT(4), timeSpentSeconds: 4000 }), // → 4500
      buildWorklog({ id: '5', issueId: 'N', started: OCT(5), timeSpentSeconds: 100 }), // raw 100
      buildWorklog({ id: '6', issueId: 'X', started: OCT(6), timeSpentSeconds: 9999 }), // not linked: ignored
    ],
  });

  it('rounds billable worklogs and keeps non-billable ones raw', () => {
    expect(statement.lines.map((l) => [l.worklogId, l.rawSeconds, l.roundedSeconds, l.coveredSeconds, l.extraSeconds, l.nonBillableSeconds])).toEqual([
      ['1', 600, 1800, 1800, 0, 0],
      ['2', 2000, 2700, 2700, 0, 0],
      ['3', 0, 0, 0, 0, 0],
      ['4', 4000, 4500, 0, 4500, 0],
      ['5', 100, 100, 0, 0, 100],
    ]);
    expect(statement.lines[2]?.draws).toEqual([]);
    expect(statement.lines[0]?.issueKey).toBe('SUP-1');
  });

  it('bills extra work on top and never charges or draws non-billable work', () => {
    expect(statement).toMatchObject({ usedCoveredSeconds: 4500, extraSeconds: 4500, nonBillableSeconds: 100, remainingSeconds: 31500 });
    // 4500 s × 150.00/h = 1.25 h × 15000 = 18750
    expect(statement.charges).toEqual([
      { kind: 'extra', description: 'Extra work', seconds: 4500, rateMinor: 15000, amountMinor: 18750 },
    ]);
    expect(statement.totalMinor).toBe(18750);
  });

  it('breaks down by issue and by author, sorted by key', () => {
    expect(statement.byIssue.map((b) => [b.key, b.roundedSeconds, b.worklogCount])).toEqual([
      ['C', 4500, 3],
      ['E', 4500, 1],
      ['N', 100, 1],
    ]);
    expect(statement.byAuthor.map((b) => [b.key, b.rawSeconds])).toEqual([['alice', 6700]]);
  });
});

describe('buildStatement: pay-as-you-go', () => {
  it('bills all covered seconds at the rate in one line, with no buckets', () => {
    const plan = buildPayAsYouGoPlan({ thresholdsPercent: [50] });
    const links = [buildLink({ planId: 'payg' }), buildLink({ issueId: 'E', planId: 'payg', billingClass: 'extra' })];
    const statement = buildStatement({
      plan,
      links,
      period: '2026-10',
      worklogs: [
        buildWorklog({ id: '1', started: OCT(1), timeSpentSeconds: 5400 }),
        buildWorklog({ id: '2', started: OCT(2), timeSpentSeconds: 1200, author: undefined }),
        buildWorklog({ id: '3', issueId: 'E', started: OCT(3), timeSpentSeconds: 3600 }),
      ],
    });
    // 6600 s × 90.00/h = 16500; 1 h extra × 150.00 = 15000
    expect(statement.charges).toEqual([
      { kind: 'pay-as-you-go', description: 'Covered work', seconds: 6600, rateMinor: 9000, amountMinor: 16500 },
      { kind: 'extra', description: 'Extra work', seconds: 3600, rateMinor: 15000, amountMinor: 15000 },
    ]);
    expect(statement).toMatchObject({ availableSeconds: 0, overageSeconds: 0, usedCoveredSeconds: 6600, totalMinor: 31500, buckets: [], thresholdsCrossed: [] });
    expect(statement.lines[1]?.authorAccountId).toBeNull();
    expect(statement.byAuthor.map((b) => [b.key, b.worklogCount])).toEqual([
      ['alice', 2],
      ['unknown', 1],
    ]);
  });
});

describe('buildStatement: charges', () => {
  it('lists fixed fee, overage, extra, then block purchases, leaving out zero lines', () => {
    const plan = buildPlan({
      allowance: { includedSeconds: HOUR, fixedFeeMinor: 50000 },
      blocks: [
        { id: 'b1', purchasedOn: '2026-10-20', seconds: 2 * HOUR, priceMinor: 30000 },
        { id: 'free', purchasedOn: '2026-10-21', seconds: 0, priceMinor: 0 },
      ],
    });
    const links = [buildLink(), buildLink({ issueId: 'E', billingClass: 'extra' })];
    const worklogs = [
      buildWorklog({ id: '1', started: OCT(2), timeSpentSeconds: 2 * HOUR }), // 1 h allowance, 1 h overage (block not yet bought)
      buildWorklog({ id: '2', issueId: 'E', started: OCT(3), timeSpentSeconds: 1800 }),
    ];
    const statement = buildStatement({ plan, links, worklogs, period: '2026-10' });
    expect(statement.charges).toEqual([
      { kind: 'fixed-fee', description: 'Fixed fee for 2026-10', amountMinor: 50000 },
      { kind: 'overage', description: 'Overage', seconds: 3600, rateMinor: 10000, amountMinor: 10000 },
      { kind: 'extra', description: 'Extra work', seconds: 1800, rateMinor: 15000, amountMinor: 7500 },
      { kind: 'block-purchase', description: 'Prepaid block b1 purchased 2026-10-20', seconds: 7200, amountMinor: 30000 },
    ]);
    expect(statement.totalMinor).toBe(97500);
    expect(statement.purchasedSeconds).toBe(7200);
  });

  it('charges a fixed fee in full even when the end date cuts the period', () => {
    const plan = buildPlan({ endDate: '2026-10-10', allowance: { includedSeconds: 36000, fixedFeeMinor: 99900 } });
    const statement = statementOf(plan, []);
    expect(statement.period.end).toBe(Date.UTC(2026, 9, 11));
    expect(statement.totalMinor).toBe(99900);
    expect(statement.availableSeconds).toBe(36000);
  });
});

describe('buildStatement: periods in the plan time zone', () => {
  it('files a worklog at 00:30 local on the first day (after a DST switch) into the new period', () => {
    const plan = buildPlan({ startDate: '2026-10-01', timeZone: 'Europe/Berlin' });
    const worklogs = [
      buildWorklog({ id: '1', started: '2026-11-01T00:30:00.000+0100' }), // Nov 1 in Berlin
      buildWorklog({ id: '2', started: '2026-10-31T22:30:00.000Z' }), // Oct 31 23:30 in Berlin
    ];
    expect(statementOf(plan, worklogs, '2026-11').lines.map((l) => l.worklogId)).toEqual(['1']);
    expect(statementOf(plan, worklogs, '2026-10').lines.map((l) => l.worklogId)).toEqual(['2']);
  });

  it('reports linked worklogs outside the plan and leaves later in-plan worklogs out', () => {
    const plan = buildPlan({ startDate: '2026-10-01', endDate: '2026-11-30' });
    const worklogs = [
      buildWorklog({ id: '1', started: '2026-12-01T00:00:00.000Z' }),
      buildWorklog({ id: '2', started: '2026-09-30T23:59:59.000Z' }),
      buildWorklog({ id: '3', started: '2026-11-30T23:59:59.000Z' }),
      buildWorklog({ id: '4', issueId: 'other', started: '2026-09-01T00:00:00.000Z' }),
    ];
    const statement = statementOf(plan, worklogs);
    expect(statement.lines).toEqual([]);
    expect(statement.outOfPlan).toEqual([
      { worklogId: '2', issueId: '10001', started: Date.UTC(2026, 8, 30, 23, 59, 59), reason: 'before-plan-start' },
      { worklogId: '1', issueId: '10001', started: Date.UTC(2026, 11, 1), reason: 'after-plan-end' },
    ]);
  });
});

describe('buildStatement: inputs', () => {
  it('counts a duplicated worklog id once, the latest updated winning', () => {
    const worklogs = [
      buildWorklog({ id: '1', timeSpentSeconds: 7200, updated: '2026-10-06T00:00:00.000+0000' }),
      buildWorklog({ id: '1', timeSpentSeconds: 3600, updated: '2026-10-05T00:00:00.000+0000' }),
    ];
    expect(statementOf(buildPlan(), worklogs).usedCoveredSeconds).toBe(7200);
    expect(statementOf(buildPlan(), [...worklogs].reverse()).usedCoveredSeconds).toBe(7200);
  });

  it('throws a LedgerInputError naming the field of an unparseable started', () => {
    const worklogs = [buildWorklog({ id: '77', started: '2026-10-05' })];
    expect(() => statementOf(buildPlan(), worklogs)).toThrow(
      new LedgerInputError('worklogs[id=77].started', 'expected a timestamp like 2026-10-05T09:00:00.000+0200, got "2026-10-05"'),
    );
  });

  it('does not read worklogs of issues that are not linked', () => {
    const worklogs = [buildWorklog({ issueId: 'unlinked', started: 'garbage' })];
    expect(statementOf(buildPlan(), worklogs).lines).toEqual([]);
  });

  it('refuses a period the plan does not have', () => {
    expect(() => statementOf(buildPlan(), [], '2026-09')).toThrow(new LedgerInputError('period', 'plan gold has no period "2026-09"'));
  });

  it('accepts a Period as well as a label', () => {
    const october = statementOf(buildPlan(), []).period;
    const statement = buildStatement({ plan: buildPlan(), links: [], worklogs: [], period: october });
    expect(statement.period).toEqual(october);
  });
});

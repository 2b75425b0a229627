import { buildStatement } from './build-statement';
import { buildLink, buildPayAsYouGoPlan, buildPlan, buildWorklog, HOUR } from './test-builders';
import type { ClosedPeriod, MultiplierRule } from './types';

const afterHours: MultiplierRule = { name: 'After hours', when: { kind: 'time-window', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00' }, factorPermille: 1500 };
const p1: MultiplierRule = { name: 'P1 incidents', when: { kind: 'priority', values: ['1'] }, factorPermille: 2000, overageRateMinor: 20000 };

describe('statements with multipliers', () => {
  it('draws the charged seconds from the buckets and shows logged, rounded, factor and charged on the line', () => {
    const plan = buildPlan({ timeZone: 'Europe/Berlin', rounding: { incrementSeconds: 900, minimumSeconds: 0 }, multipliers: [afterHours] });
    // Monday 17:30 for 55 min, rounded to 60: 30 min at ×1, 25 + 5 rounded at ×1.5.
    const worklog = buildWorklog({ started: '2026-10-05T17:30:00.000+0200', timeSpentSeconds: 3300 });
    const [line] = buildStatement({ plan, links: [buildLink()], worklogs: [worklog], period: '2026-10' }).lines;
    expect(line).toMatchObject({
      rawSeconds: 3300,
      roundedSeconds: 3600,
      chargedSeconds: 4500,
      coveredSeconds: 4500,
      draws: [{ bucketId: 'allowance:2026-10', seconds: 4500 }],
      segments: [
        { rawSeconds: 1800, roundedSeconds: 1800, factorPermille: 1000, chargedSeconds: 1800 },
        { rawSeconds: 1500, roundedSeconds: 1800, rule: 'After hours', factorPermille: 1500, chargedSeconds: 2700 },
      ],
    });
  });

  it('prices the work by the priority the issue had when it was done', () => {
    const plan = buildPlan({ multipliers: [p1] });
    const since = Date.parse('2026-10-10T12:00:00Z');
    const link = buildLink({ attributes: [{ since: 0, priority: '3' }, { since, priority: '1' }] });
    const before = buildWorklog({ id: '1', started: '2026-10-10T11:00:00.000+0000' });
    const after = buildWorklog({ id: '2', started: '2026-10-10T12:00:00.000+0000' });
    const { lines } = buildStatement({ plan, links: [link], worklogs: [before, after], period: '2026-10' });
    expect(lines.map((line) => [line.worklogId, line.coveredSeconds, line.segments?.[0]?.rule])).toEqual([
      ['1', 3600, undefined],
      ['2', 7200, 'P1 incidents'],
    ]);
  });

  it('bills the overage of a rule with its own rate on a line of its own, from the worklog\'s latest seconds', () => {
    const plan = buildPlan({ timeZone: 'UTC', allowance: { includedSeconds: 2 * HOUR, fixedFeeMinor: 0 }, multipliers: [afterHours, p1] });
    // 17:00 for 2 h: 1 h at ×1, 1 h after hours at ×1.5 → 9000 s; 2 h in the allowance, 1800 s overage after hours (no own rate).
    const evening = buildWorklog({ id: '1', started: '2026-10-05T17:00:00.000+0000', timeSpentSeconds: 2 * HOUR });
    // A P1 hour later: 7200 s charged, all overage at the P1 rate.
    const incident = buildWorklog({ id: '2', issueId: '10002', started: '2026-10-06T10:00:00.000+0000' });
    const links = [buildLink(), buildLink({ issueId: '10002', attributes: [{ since: 0, priority: '1' }] })];
    const statement = buildStatement({ plan, links, worklogs: [evening, incident], period: '2026-10' });
    expect(statement.overageSeconds).toBe(1800 + 7200);
    expect(statement.charges).toEqual([
      { kind: 'overage', description: 'Overage', seconds: 1800, rateMinor: 10000, amountMinor: 5000 },
      { kind: 'overage', description: 'Overage (P1 incidents)', seconds: 7200, rateMinor: 20000, amountMinor: 40000, multiplierRules: ['P1 incidents'] },
    ]);
    expect(statement.totalMinor).toBe(45000);
  });

  it('bills pay-as-you-go and extra work by their charged seconds', () => {
    const plan = buildPayAsYouGoPlan({ multipliers: [afterHours] });
    const links = [buildLink({ planId: 'payg' }), buildLink({ planId: 'payg', issueId: '10002', billingClass: 'extra' })];
    const worklogs = [
      buildWorklog({ id: '1', started: '2026-10-05T20:00:00.000+0000' }),
      buildWorklog({ id: '2', issueId: '10002', started: '2026-10-05T21:00:00.000+0000' }),
      buildWorklog({ id: '3', started: '2026-10-05T22:00:00.000+0000' }),
    ];
    const statement = buildStatement({ plan, links, worklogs, period: '2026-10' });
    expect(statement.charges.map(({ kind, seconds, amountMinor }) => [kind, seconds, amountMinor])).toEqual([
      ['pay-as-you-go', 10800, 27000],
      ['extra', 5400, 22500],
    ]);
  });

  it('does not multiply non-billable work', () => {
    const plan = buildPlan({ multipliers: [afterHours] });
    const link = buildLink({ billingClass: 'non-billable' });
    const [line] = buildStatement({ plan, links: [link], worklogs: [buildWorklog({ started: '2026-10-05T20:00:00.000+0000' })], period: '2026-10' }).lines;
    expect(line?.nonBillableSeconds).toBe(3600);
    expect(line && 'segments' in line).toBe(false);
  });

  it('applies each term version\'s own rules', () => {
    const plan = buildPlan({ multipliers: [afterHours], amendments: [{ ...buildPlan(), from: '2026-11', multipliers: [] }] });
    const worklogs = [buildWorklog({ id: '1', started: '2026-10-05T20:00:00.000+0000' }), buildWorklog({ id: '2', started: '2026-11-02T20:00:00.000+0000' })];
    const covered = (period: string) => buildStatement({ plan, links: [buildLink()], worklogs, period }).usedCoveredSeconds;
    expect([covered('2026-10'), covered('2026-11')]).toEqual([5400, 3600]);
  });

  it('keeps a closed period frozen and books a late priority change as an adjustment at the rule\'s rate', () => {
    const plan = buildPlan({ allowance: { includedSeconds: 0, fixedFeeMinor: 0 }, multipliers: [p1] });
    const worklogs = [buildWorklog({ started: '2026-10-05T09:00:00.000+0000' })];
    const frozen = buildStatement({ plan, links: [buildLink()], worklogs, period: '2026-10' });
    const closedPeriods: ClosedPeriod[] = [{ periodLabel: '2026-10', version: 1, statement: frozen }];
    // The issue is found to have been a P1 all along.
    const corrected = [buildLink({ attributes: [{ since: 0, priority: '1' }] })];
    expect(buildStatement({ plan, links: corrected, worklogs, period: '2026-10', closedPeriods }).charges).toEqual(frozen.charges);
    const november = buildStatement({ plan, links: corrected, worklogs, period: '2026-11', closedPeriods });
    expect(november.lateAdjustments.map(({ kind, coveredSeconds, overageSeconds }) => [kind, coveredSeconds, overageSeconds])).toEqual([['changed', 3600, 3600]]);
    expect(november.adjustmentCharges).toEqual([
      { periodLabel: '2026-10', closedVersion: 1, kind: 'overage', description: 'Overage, late adjustments to 2026-10', seconds: -3600, rateMinor: 10000, amountMinor: -10000 },
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'overage',
        description: 'Overage (P1 incidents), late adjustments to 2026-10',
        seconds: 7200,
        rateMinor: 20000,
        amountMinor: 40000,
        multiplierRules: ['P1 incidents'],
      },
    ]);
    expect(november.totalMinor).toBe(30000);
  });
});

import { buildHistory } from './build-history';
import { buildStatement } from './build-statement';
import { buildLink, buildPlan, buildWorklog, HOUR } from './test-builders';
import type { ClosedPeriod, JiraWorklog, Plan, Statement } from './types';

const links = [buildLink()];
const OCT_2 = Date.parse('2026-10-20T09:00:00Z');
const OCT_3 = Date.parse('2026-10-25T09:00:00Z');

function close(plan: Plan, worklogs: readonly JiraWorklog[], period: string, closedPeriods: readonly ClosedPeriod[] = [], version = 1): ClosedPeriod {
  return { periodLabel: period, version, statement: buildStatement({ plan, links, worklogs, period, closedPeriods }) };
}

const nine = buildWorklog({ id: '1', timeSpentSeconds: 9 * HOUR });
const lateTwo = buildWorklog({ id: '2', started: '2026-10-20T09:00:00.000+0000', timeSpentSeconds: 2 * HOUR });
const three = buildWorklog({ id: '2', started: '2026-10-20T09:00:00.000+0000', timeSpentSeconds: 3 * HOUR });

describe('late adjustments', () => {
  it('books late work past the allowance of a closed period as overage at its rate on the next period', () => {
    const plan = buildPlan();
    const october = close(plan, [nine], '2026-10');
    const worklogs = [nine, lateTwo];
    const november = buildStatement({ plan, links, worklogs, period: '2026-11', closedPeriods: [october] });
    expect(november.lateAdjustments).toEqual([
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'added',
        worklogId: '2',
        issueId: '10001',
        authorAccountId: 'alice',
        started: OCT_2,
        billingClass: 'covered',
        rawSeconds: 7200,
        roundedSeconds: 7200,
        coveredSeconds: 7200,
        overageSeconds: 3600,
        extraSeconds: 0,
        nonBillableSeconds: 0,
      },
    ]);
    expect(november.adjustmentCharges).toEqual([
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'overage',
        description: 'Overage, late adjustments to 2026-10',
        seconds: 3600,
        rateMinor: 10000,
        amountMinor: 10000,
      },
    ]);
    expect(november.charges).toEqual([]);
    expect(november.totalMinor).toBe(10000);
    expect(november.closedVersion).toBeNull();
  });

  it('returns the frozen statement of a closed period, whatever the worklogs now say', () => {
    const plan = buildPlan();
    const october = close(plan, [nine], '2026-10');
    const asked = buildStatement({ plan, links, worklogs: [nine, lateTwo], period: '2026-10', closedPeriods: [october] });
    expect(asked).toEqual({ ...october.statement, closedVersion: 1 });
    expect(asked.usedCoveredSeconds).toBe(9 * HOUR);
    expect(asked.totalMinor).toBe(0);
  });

  it('carries balances forward from the true replay, so late work counts once', () => {
    const plan = buildPlan({ allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0, rollover: { capSeconds: 10 * HOUR, expiresAfterPeriods: 1 } } });
    const six = buildWorklog({ id: '1', timeSpentSeconds: 6 * HOUR });
    const october = close(plan, [six], '2026-10');
    expect(october.statement.remainingSeconds).toBe(4 * HOUR);
    const november = buildStatement({ plan, links, worklogs: [six, lateTwo], period: '2026-11', closedPeriods: [october] });
    expect(november.carriedInSeconds).toBe(2 * HOUR);
    expect(november.availableSeconds).toBe(12 * HOUR);
    expect(november.lateAdjustments.map((adjustment) => [adjustment.kind, adjustment.coveredSeconds, adjustment.overageSeconds])).toEqual([
      ['added', 7200, 0],
    ]);
    expect(november.adjustmentCharges).toEqual([]);
    expect(november.totalMinor).toBe(0);
  });

  it('books a worklog deleted after the close as a negative adjustment', () => {
    const plan = buildPlan();
    const october = close(plan, [nine, three], '2026-10');
    expect(october.statement.totalMinor).toBe(20000);
    const november = buildStatement({ plan, links, worklogs: [nine], period: '2026-11', closedPeriods: [october] });
    expect(november.lateAdjustments).toEqual([
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'removed',
        worklogId: '2',
        issueId: '10001',
        authorAccountId: 'alice',
        started: OCT_2,
        billingClass: 'covered',
        rawSeconds: -10800,
        roundedSeconds: -10800,
        coveredSeconds: -10800,
        overageSeconds: -7200,
        extraSeconds: 0,
        nonBillableSeconds: 0,
      },
    ]);
    expect(november.adjustmentCharges.map(({ kind, seconds, amountMinor }) => ({ kind, seconds, amountMinor }))).toEqual([
      { kind: 'overage', seconds: -7200, amountMinor: -20000 },
    ]);
    expect(november.totalMinor).toBe(-20000);
  });

  it('books an edit as the change of its figures', () => {
    const plan = buildPlan();
    const october = close(plan, [nine, three], '2026-10');
    const edited = { ...three, timeSpentSeconds: HOUR, updated: '2026-11-02T10:00:00.000+0000' };
    const november = buildStatement({ plan, links, worklogs: [nine, three, edited], period: '2026-11', closedPeriods: [october] });
    expect(november.lateAdjustments.map(({ kind, worklogId, rawSeconds, coveredSeconds, overageSeconds }) => ({ kind, worklogId, rawSeconds, coveredSeconds, overageSeconds }))).toEqual([
      { kind: 'changed', worklogId: '2', rawSeconds: -7200, coveredSeconds: -7200, overageSeconds: -7200 },
    ]);
    expect(november.adjustmentCharges.map(({ seconds, amountMinor }) => [seconds, amountMinor])).toEqual([[-7200, -20000]]);
    expect(november.totalMinor).toBe(-20000);
  });

  it('books the adjustments of a period once across two later closed periods', () => {
    const plan = buildPlan();
    const october = close(plan, [nine], '2026-10');
    const november = close(plan, [nine, lateTwo], '2026-11', [october]);
    expect(november.statement.adjustmentCharges.map(({ seconds, amountMinor }) => [seconds, amountMinor])).toEqual([[3600, 10000]]);

    const december = buildStatement({ plan, links, worklogs: [nine, lateTwo], period: '2026-12', closedPeriods: [october, november] });
    expect(december.lateAdjustments).toEqual([]);
    expect(december.adjustmentCharges).toEqual([]);

    const lateOne = buildWorklog({ id: '3', started: '2026-10-25T09:00:00.000+0000', timeSpentSeconds: HOUR });
    const later = buildStatement({ plan, links, worklogs: [nine, lateTwo, lateOne], period: '2026-12', closedPeriods: [november, october] });
    expect(later.lateAdjustments.map(({ kind, worklogId, started, overageSeconds }) => ({ kind, worklogId, started, overageSeconds }))).toEqual([
      { kind: 'added', worklogId: '3', started: OCT_3, overageSeconds: 3600 },
    ]);
    expect(later.adjustmentCharges.map(({ periodLabel, seconds, amountMinor }) => [periodLabel, seconds, amountMinor])).toEqual([['2026-10', 3600, 10000]]);
    expect(later.totalMinor).toBe(10000);
  });

  it('settles a new version of a reopened period against what later periods already billed for it', () => {
    const plan = buildPlan();
    const october = close(plan, [nine], '2026-10');
    const november = close(plan, [nine, lateTwo], '2026-11', [october]);
    const octoberAgain = close(plan, [nine, lateTwo], '2026-10', [november], 2);
    expect(octoberAgain.statement.totalMinor).toBe(10000);
    const december = buildStatement({ plan, links, worklogs: [nine, lateTwo], period: '2026-12', closedPeriods: [octoberAgain, november] });
    expect(december.lateAdjustments.map(({ kind, closedVersion, worklogId, overageSeconds }) => ({ kind, closedVersion, worklogId, overageSeconds }))).toEqual([
      { kind: 'changed', closedVersion: 2, worklogId: '2', overageSeconds: -3600 },
    ]);
    expect(december.totalMinor).toBe(-10000);
  });

  it('shows each period as it stands in a history', () => {
    const plan = buildPlan();
    const october = close(plan, [nine], '2026-10');
    const history = buildHistory({ plan, links, worklogs: [nine, lateTwo], throughPeriod: '2026-12', closedPeriods: [october] });
    expect(history.map((statement: Statement) => [statement.period.label, statement.closedVersion, statement.lateAdjustments.length, statement.totalMinor])).toEqual([
      ['2026-10', 1, 0, 0],
      ['2026-11', null, 1, 10000],
      ['2026-12', null, 0, 0],
    ]);
  });
});

import { adjustClosedPeriod } from './adjust-closed-period';
import { buildStatement } from './build-statement';
import { buildLink, buildPayAsYouGoPlan, buildWorklog, HOUR } from './test-builders';
import type { ClosedPeriod, JiraWorklog } from './types';

const plan = buildPayAsYouGoPlan({ id: 'gold' });
const links = [buildLink(), buildLink({ issueId: '10002', issueKey: 'SUP-2', issueSummary: 'Printer offline', billingClass: 'extra' })];
const october = (worklogs: readonly JiraWorklog[]) => buildStatement({ plan, links, worklogs, period: '2026-10' });
const covered = buildWorklog({ id: '1', timeSpentSeconds: 2 * HOUR });
const extra = buildWorklog({ id: '2', issueId: '10002', timeSpentSeconds: HOUR });

describe('adjustClosedPeriod', () => {
  it('prices a pay-as-you-go period\'s late work per kind at the frozen rates', () => {
    const closed: ClosedPeriod = { periodLabel: '2026-10', version: 1, statement: october([covered]) };
    const { adjustments, charges } = adjustClosedPeriod(plan, closed, october([{ ...covered, timeSpentSeconds: 1800 }, extra]), []);
    expect(adjustments.map(({ kind, worklogId, coveredSeconds, extraSeconds }) => [kind, worklogId, coveredSeconds, extraSeconds])).toEqual([
      ['changed', '1', -5400, 0],
      ['added', '2', 0, 3600],
    ]);
    expect(adjustments.map(({ issueId, issueKey, issueSummary }) => [issueId, issueKey, issueSummary])).toEqual([
      ['10001', undefined, undefined],
      ['10002', 'SUP-2', 'Printer offline'],
    ]);
    expect(charges).toEqual([
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'pay-as-you-go',
        description: 'Covered work, late adjustments to 2026-10',
        seconds: -5400,
        rateMinor: 9000,
        amountMinor: -13500,
      },
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'extra',
        description: 'Extra work, late adjustments to 2026-10',
        seconds: 3600,
        rateMinor: 15000,
        amountMinor: 15000,
      },
    ]);
  });

  it('leaves out what later closed statements already booked', () => {
    const closed: ClosedPeriod = { periodLabel: '2026-10', version: 1, statement: october([covered]) };
    const now = october([covered, extra]);
    const booked = adjustClosedPeriod(plan, closed, now, []);
    const november = { ...buildStatement({ plan, links, worklogs: [], period: '2026-11' }), lateAdjustments: booked.adjustments, adjustmentCharges: booked.charges };
    expect(adjustClosedPeriod(plan, closed, now, [november])).toEqual({ adjustments: [], charges: [] });
  });
});

import { buildStatement } from './build-statement';
import { buildLink, buildPlan, buildWorklog, HOUR } from './test-builders';

describe('thresholds', () => {
  const plan = buildPlan({ thresholdsPercent: [100, 50, 80, 80] });
  const links = [buildLink(), buildLink({ issueId: 'E', billingClass: 'extra' })];
  const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T09:00:00.000+0000`;

  it('reports each threshold once, with the worklog after which covered use reached it', () => {
    // Available 10 h. Cumulative covered use: 4 h (40 %), extra work (ignored), 5 h (50 %), 9 h (90 %), 11 h (110 %).
    const worklogs = [
      buildWorklog({ id: '1', started: at(1), timeSpentSeconds: 4 * HOUR }),
      buildWorklog({ id: '2', issueId: 'E', started: at(2), timeSpentSeconds: 9 * HOUR }),
      buildWorklog({ id: '3', started: at(3), timeSpentSeconds: 1 * HOUR }),
      buildWorklog({ id: '4', started: at(4), timeSpentSeconds: 4 * HOUR }),
      buildWorklog({ id: '5', started: at(5), timeSpentSeconds: 2 * HOUR }),
    ];
    const statement = buildStatement({ plan, links, worklogs, period: '2026-10' });
    expect(statement.thresholdsCrossed).toEqual([
      { percent: 50, worklogId: '3', at: Date.UTC(2026, 9, 3, 9), usedCoveredSeconds: 18000 }, // 5 h × 100 ≥ 50 × 10 h exactly
      { percent: 80, worklogId: '4', at: Date.UTC(2026, 9, 4, 9), usedCoveredSeconds: 32400 },
      { percent: 100, worklogId: '5', at: Date.UTC(2026, 9, 5, 9), usedCoveredSeconds: 39600 },
    ]);
  });

  it('lets one worklog cross several thresholds, and reports none below them', () => {
    const big = buildStatement({ plan, links, worklogs: [buildWorklog({ timeSpentSeconds: 10 * HOUR })], period: '2026-10' });
    expect(big.thresholdsCrossed.map((c) => [c.percent, c.worklogId])).toEqual([
      [50, '1'],
      [80, '1'],
      [100, '1'],
    ]);
    const small = buildStatement({ plan, links, worklogs: [buildWorklog({ timeSpentSeconds: 4 * HOUR })], period: '2026-10' });
    expect(small.thresholdsCrossed).toEqual([]);
  });

  it('reports nothing when nothing is available', () => {
    const empty = buildPlan({ thresholdsPercent: [0, 50], allowance: undefined });
    const statement = buildStatement({ plan: empty, links, worklogs: [buildWorklog()], period: '2026-10' });
    expect(statement.thresholdsCrossed).toEqual([]);
  });
});

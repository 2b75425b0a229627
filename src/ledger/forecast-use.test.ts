import { buildStatement } from './build-statement';
import { buildLink, buildPlan, buildWorklog, HOUR } from './test-builders';
import type { JiraWorklog } from './types';

// October 2026 in UTC: 31 days; the default plan has 10 h (36000 s) available.
const forecastOf = (worklogs: JiraWorklog[], asOf: number, plan = buildPlan()) =>
  buildStatement({ plan, links: [buildLink()], worklogs, period: '2026-10', asOf }).forecast;
const at = (day: number, hour = 9) => `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000+0000`;

describe('forecast', () => {
  it('projects burn, use and run-out from the pace so far', () => {
    const worklogs = [
      buildWorklog({ id: '1', started: at(2), timeSpentSeconds: 4 * HOUR }),
      buildWorklog({ id: '2', started: at(8), timeSpentSeconds: 2 * HOUR }),
      buildWorklog({ id: '3', started: at(12), timeSpentSeconds: 1 * HOUR }), // after asOf: not counted
    ];
    // t = Oct 11 00:00, 10 days elapsed, 6 h used: 21600 s / 10 days = 2160 s a day;
    // projected = 21600 + 21600 × 21 days / 10 days = 66960;
    // run-out = t + (36000 − 21600) × 10 days / 21600 = t + 160 h = Oct 17 16:00.
    expect(forecastOf(worklogs, Date.UTC(2026, 9, 11))).toEqual({
      asOf: Date.UTC(2026, 9, 11),
      averageDailyBurnSeconds: 2160,
      projectedUseSeconds: 66960,
      projectedRunOutAt: Date.UTC(2026, 9, 17, 16),
    });
  });

  it('rounds half up and rounds the run-out up to the millisecond', () => {
    // t = Oct 1 07:00 (7 h elapsed), 1 h used: burn = 3600 × 24 / 7 = 12342.86 → 12343;
    // projected = 3600 + 3600 × 737 h / 7 h = 3600 + 379028.57 → 382629; run-out = t + 32400 × 7 h / 3600 = t + 63 h.
    const worklogs = [buildWorklog({ started: at(1, 1), timeSpentSeconds: HOUR })];
    expect(forecastOf(worklogs, Date.UTC(2026, 9, 1, 7))).toEqual({
      asOf: Date.UTC(2026, 9, 1, 7),
      averageDailyBurnSeconds: 12343,
      projectedUseSeconds: 382629,
      projectedRunOutAt: Date.UTC(2026, 9, 3, 22),
    });
  });

  it('names the worklog that used up the hours when that already happened', () => {
    // 6 h then 5 h: cumulative 11 h ≥ 10 h after the second worklog. 39600 s over 10 days = 3960 a day.
    const worklogs = [
      buildWorklog({ id: '1', started: at(2), timeSpentSeconds: 6 * HOUR }),
      buildWorklog({ id: '2', started: at(5), timeSpentSeconds: 5 * HOUR }),
    ];
    expect(forecastOf(worklogs, Date.UTC(2026, 9, 11))).toEqual({
      asOf: Date.UTC(2026, 9, 11),
      averageDailyBurnSeconds: 3960,
      projectedUseSeconds: 122760, // 39600 + 39600 × 21 / 10
      projectedRunOutAt: Date.UTC(2026, 9, 5, 9),
    });
  });

  it('projects no run-out when the pace does not reach the hours within the period', () => {
    // 1 h in 10 days: 35 h more would take 350 days.
    const worklogs = [buildWorklog({ started: at(2), timeSpentSeconds: HOUR })];
    expect(forecastOf(worklogs, Date.UTC(2026, 9, 11))?.projectedRunOutAt).toBeNull();
  });

  it('clamps asOf into the period', () => {
    const worklogs = [buildWorklog({ started: at(2), timeSpentSeconds: 2 * HOUR })];
    const before = Date.UTC(2026, 8, 1);
    expect(forecastOf(worklogs, before)).toEqual({ asOf: before, averageDailyBurnSeconds: 0, projectedUseSeconds: 0, projectedRunOutAt: null });
    // After the period: t = Nov 1, 31 days elapsed; 7200 / 31 = 232.26 → 232; nothing left to project.
    const after = Date.UTC(2027, 0, 1);
    expect(forecastOf(worklogs, after)).toEqual({ asOf: after, averageDailyBurnSeconds: 232, projectedUseSeconds: 7200, projectedRunOutAt: null });
  });

  it('projects no run-out with nothing used or nothing available', () => {
    expect(forecastOf([], Date.UTC(2026, 9, 11))).toEqual({
      asOf: Date.UTC(2026, 9, 11),
      averageDailyBurnSeconds: 0,
      projectedUseSeconds: 0,
      projectedRunOutAt: null,
    });
    const nothingAvailable = buildPlan({ allowance: undefined });
    const worklogs = [buildWorklog({ started: at(2), timeSpentSeconds: HOUR })];
    expect(forecastOf(worklogs, Date.UTC(2026, 9, 11), nothingAvailable)?.projectedRunOutAt).toBeNull();
  });

  it('is null without asOf', () => {
    expect(buildStatement({ plan: buildPlan(), links: [], worklogs: [], period: '2026-10' }).forecast).toBeNull();
  });
});

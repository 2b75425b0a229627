import { createPeriodCalendar } from './period-calendar';
import { prepareWorklogs } from './prepare-worklogs';
import { type PeriodReplay, replayPeriods } from './replay-periods';
import { resolvePeriod } from './resolve-period';
import { type ScheduledBlock, scheduleBlocks } from './schedule-blocks';
import { termsInForce } from './terms-in-force';
import type { IssueLink, JiraWorklog, OutOfPlanWorklog, Period, Plan } from './types';

export interface LedgerReplay {
  /** One per period, from period 0 through the requested one. */
  readonly periods: readonly PeriodReplay[];
  readonly blocks: readonly ScheduledBlock[];
  readonly outOfPlan: readonly OutOfPlanWorklog[];
}

/**
 * Replays the plan from its start through `throughPeriod`, in one pass over the worklogs, each
 * period under the term version in force at its start.
 *
 * @example
 * replayLedger(plan, links, worklogs, '2026-10', 'period').periods.at(-1)?.period.label // '2026-10'
 */
export function replayLedger(
  plan: Plan,
  links: readonly IssueLink[],
  worklogs: readonly JiraWorklog[],
  throughPeriod: string | Period,
  field: string,
): LedgerReplay {
  const calendar = createPeriodCalendar(plan);
  const last = resolvePeriod(plan, calendar, throughPeriod, field);
  const periods: Period[] = [];
  for (let index = 0; index <= last.index; index += 1) {
    const period = calendar.period(index);
    if (period !== null) periods.push(period);
  }
  const terms = periods.map((period) => termsInForce(plan, calendar, period.index));
  const prepared = prepareWorklogs(plan, calendar, periods, terms, links, worklogs);
  const blocks = scheduleBlocks(plan);
  return {
    periods: replayPeriods(calendar, periods, terms, prepared.byPeriod, blocks),
    blocks,
    outOfPlan: prepared.outOfPlan,
  };
}

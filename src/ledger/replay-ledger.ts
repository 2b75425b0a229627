import type { LedgerEntry } from './ledger-entry';
import { createPeriodCalendar, type PeriodCalendar } from './period-calendar';
import { prepareWorklogs } from './prepare-worklogs';
import { type PeriodReplay, PLAN_START_CHECKPOINT, type ReplayCheckpoint, replayPeriods } from './replay-periods';
import { resolvePeriod } from './resolve-period';
import { type ScheduledBlock, scheduleBlocks } from './schedule-blocks';
import { type TermsInForce, termsInForce } from './terms-in-force';
import type { IssueLink, JiraWorklog, OutOfPlanWorklog, Period, Plan } from './types';

/** What a replay of a plan through one period works from: its periods, their terms and entries, its blocks. */
export interface PreparedLedger {
  readonly plan: Plan;
  readonly calendar: PeriodCalendar;
  /** Period 0 through the requested one. */
  readonly periods: readonly Period[];
  /** The terms in force in `periods[i]` at index i. */
  readonly terms: readonly TermsInForce[];
  /** The entries of `periods[i]` at index i, in draw order. */
  readonly entriesByPeriod: readonly (readonly LedgerEntry[])[];
  readonly blocks: readonly ScheduledBlock[];
  readonly outOfPlan: readonly OutOfPlanWorklog[];
}

/** Where a replay starts: the period with this index, from the checkpoint the period before it closed with. */
export interface ResumePoint {
  readonly index: number;
  readonly checkpoint: ReplayCheckpoint;
}

export const PLAN_START: ResumePoint = { index: 0, checkpoint: PLAN_START_CHECKPOINT };

export interface LedgerReplay {
  /** One per period, from the resume point's (period 0 unless resumed) through the requested one. */
  readonly periods: readonly PeriodReplay[];
  readonly blocks: readonly ScheduledBlock[];
  readonly outOfPlan: readonly OutOfPlanWorklog[];
}

/**
 * Files the plan's worklogs under its periods from the first through `throughPeriod`, each
 * period under the term version in force at its start, in one pass over the worklogs.
 *
 * @example
 * prepareLedger(plan, links, worklogs, '2026-10', 'period').entriesByPeriod.at(-1) // October's entries in draw order
 */
export function prepareLedger(
  plan: Plan,
  links: readonly IssueLink[],
  worklogs: readonly JiraWorklog[],
  throughPeriod: string | Period,
  field: string,
): PreparedLedger {
  const { calendar, periods, terms } = preparePeriods(plan, throughPeriod, field);
  const prepared = prepareWorklogs(plan, calendar, periods, terms, links, worklogs);
  return { plan, calendar, periods, terms, entriesByPeriod: prepared.byPeriod, blocks: scheduleBlocks(plan), outOfPlan: prepared.outOfPlan };
}

/** The plan's periods from the first through `throughPeriod`, and the terms in force in each. */
function preparePeriods(plan: Plan, throughPeriod: string | Period, field: string): Pick<PreparedLedger, 'calendar' | 'periods' | 'terms'> {
  const calendar = createPeriodCalendar(plan);
  const last = resolvePeriod(plan, calendar, throughPeriod, field);
  const periods: Period[] = [];
  for (let index = 0; index <= last.index; index += 1) {
    const period = calendar.period(index);
    if (period !== null) periods.push(period);
  }
  return { calendar, periods, terms: periods.map((period) => termsInForce(plan, calendar, period.index)) };
}

/**
 * What `prepareLedger` gives for the plan through `throughPeriod`, from the entries and
 * out-of-plan worklogs an earlier `prepareLedger` of the same plan (the same version of its terms) filed, kept for
 * some periods only: `entriesOf(period)` those of a kept period, empty elsewhere. Replayed from a
 * kept period whose later periods are all kept, it gives the earlier prepare's statements, without
 * the plan's other worklogs.
 *
 * @example
 * prepareKeptEntries(plan, '2026-10', 'period', (period) => kept.get(period.label) ?? [], outOfPlan)
 */
export function prepareKeptEntries(
  plan: Plan,
  throughPeriod: string | Period,
  field: string,
  entriesOf: (period: Period) => readonly LedgerEntry[],
  outOfPlan: readonly OutOfPlanWorklog[],
): PreparedLedger {
  const { calendar, periods, terms } = preparePeriods(plan, throughPeriod, field);
  return { plan, calendar, periods, terms, entriesByPeriod: periods.map(entriesOf), blocks: scheduleBlocks(plan), outOfPlan };
}

/**
 * Replays the prepared periods from `from` on: from the plan's start by default, or from a
 * checkpoint a replay stood at, which gives the same periods as the replay from the start.
 *
 * @example
 * replayPrepared(prepared, { index: 12, checkpoint: closingOf11 }).periods[0]?.period.index // 12
 */
export function replayPrepared(prepared: PreparedLedger, from: ResumePoint = PLAN_START): LedgerReplay {
  const { calendar, periods, terms, entriesByPeriod, blocks, outOfPlan } = prepared;
  return {
    periods: replayPeriods(calendar, periods.slice(from.index), terms.slice(from.index), entriesByPeriod.slice(from.index), blocks, from.checkpoint),
    blocks,
    outOfPlan,
  };
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
  return replayPrepared(prepareLedger(plan, links, worklogs, throughPeriod, field));
}

import { indexClosedPeriods } from './index-closed-periods';
import { PLAN_START, prepareLedger, type PreparedLedger, replayPrepared, type ResumePoint } from './replay-ledger';
import type { ReplayCheckpoint } from './replay-periods';
import { settleStatement } from './settle-statement';
import type { ClosedPeriod, Instant, LedgerInput, Period, Statement } from './types';

export interface HistoryInput extends LedgerInput {
  /** The last period wanted: a `YYYY-MM` label or a `Period` of this plan. */
  readonly throughPeriod: string | Period;
}

/**
 * The statements of every period from the plan's first through `throughPeriod`, oldest first,
 * from one replay of the worklogs; closed periods as in `buildStatement`.
 *
 * @example
 * buildHistory({ plan, links, worklogs, throughPeriod: '2026-12' }).map((s) => s.period.label)
 * // ['2026-10', '2026-11', '2026-12'] for a monthly plan starting 2026-10-01
 */
export function buildHistory(input: HistoryInput): Statement[] {
  const { plan, links, worklogs, throughPeriod, asOf } = input;
  const prepared = prepareLedger(plan, links, worklogs, throughPeriod, 'throughPeriod');
  return [...resumeHistory(prepared, input.closedPeriods ?? [], PLAN_START, asOf).statements];
}

export interface ResumedHistory {
  /** The statements of the prepared periods from the resume point's on, oldest first. */
  readonly statements: readonly Statement[];
  /** Aligned with `statements`: the checkpoint each period's replay closed with. */
  readonly closings: readonly ReplayCheckpoint[];
}

/**
 * The statements `buildHistory` gives for the prepared periods from `from` on, replayed from
 * `from.checkpoint` (where a replay from the plan's start stands at the end of the period before).
 * Closed periods before `from` are taken as settled: the statements are `buildHistory`'s when
 * nothing is booked for any of them from `from` on, so `closedPeriods` needs only the closed
 * periods from `from` on (the replay does not look at earlier ones).
 *
 * @example
 * resumeHistory(prepared, closedFromFive, { index: 5, checkpoint: closingOfFour }, asOf).statements[0]?.period.index // 5
 */
export function resumeHistory(prepared: PreparedLedger, closedPeriods: readonly ClosedPeriod[], from: ResumePoint, asOf: Instant | undefined): ResumedHistory {
  const closedByLabel = indexClosedPeriods(prepared.plan, closedPeriods);
  const replay = replayPrepared(prepared, from);
  return {
    statements: replay.periods.map((_period, position) => settleStatement(replay, position, closedByLabel, asOf)),
    closings: replay.periods.map((period) => period.closing),
  };
}

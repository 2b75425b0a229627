import { indexClosedPeriods } from './index-closed-periods';
import { replayLedger } from './replay-ledger';
import { settleStatement } from './settle-statement';
import type { LedgerInput, Period, Statement } from './types';

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
  const closedByLabel = indexClosedPeriods(plan, input.closedPeriods ?? []);
  const replay = replayLedger(plan, links, worklogs, throughPeriod, 'throughPeriod');
  return replay.periods.map((_period, position) => settleStatement(replay, position, closedByLabel, asOf));
}

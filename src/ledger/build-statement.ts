import { indexClosedPeriods } from './index-closed-periods';
import { LedgerInputError } from './errors';
import { replayLedger } from './replay-ledger';
import { settleStatement } from './settle-statement';
import type { LedgerInput, Period, Statement } from './types';

export interface StatementInput extends LedgerInput {
  /** A `YYYY-MM` label (check it with `periodByLabel` first) or a `Period` of this plan. */
  readonly period: string | Period;
}

/**
 * The statement of one period. The plan is replayed from its start, since rollover lots and
 * blocks carry balances across periods; the result does not depend on the order of `worklogs`.
 * With `closedPeriods`, a closed period's statement is its frozen one, and the first open period
 * after closed ones carries their late adjustments (see `settleStatement`).
 *
 * @throws LedgerInputError when a linked worklog's `started` cannot be parsed, or the plan has no such period
 * @example
 * const statement = buildStatement({ plan, links, worklogs, period: '2026-10', asOf: Date.parse('2026-10-20T12:00:00Z') });
 * statement.totalMinor // e.g. 1530000
 */
export function buildStatement(input: StatementInput): Statement {
  const { plan, links, worklogs, period, asOf } = input;
  const closedByLabel = indexClosedPeriods(plan, input.closedPeriods ?? []);
  const replay = replayLedger(plan, links, worklogs, period, 'period');
  if (replay.periods.length === 0) throw new LedgerInputError('period', `plan ${plan.id} has no periods`);
  return settleStatement(replay, replay.periods.length - 1, closedByLabel, asOf);
}

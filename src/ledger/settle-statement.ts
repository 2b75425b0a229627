import { assembleStatement } from './assemble-statement';
import { adjustClosedPeriod } from './adjust-closed-period';
import { exactSum, toSafeAmount } from './money';
import type { LedgerReplay } from './replay-ledger';
import type { ClosedPeriod, Instant, Statement } from './types';

/**
 * The statement of the replayed period at `position`, with closed periods in view: a closed
 * period's frozen statement, unchanged but for its `closedVersion`; an open period's statement
 * over the final worklogs (balances carried forward follow them), plus the late adjustments of
 * each closed period for which it is the first open period after.
 *
 * @param closedByLabel from `indexClosedPeriods`
 * @example
 * settleStatement(replay, replay.periods.length - 1, indexClosedPeriods(plan, closedPeriods), asOf)
 */
export function settleStatement(
  replay: LedgerReplay,
  position: number,
  closedByLabel: ReadonlyMap<string, ClosedPeriod>,
  asOf: Instant | undefined,
): Statement {
  const periodReplay = replay.periods[position];
  if (periodReplay === undefined) throw new RangeError(`settleStatement: no replayed period at ${position}`);
  const closed = closedByLabel.get(periodReplay.period.label);
  if (closed !== undefined) return closedStatement(closed);
  const statement = assembleStatement(periodReplay, replay.blocks, replay.outOfPlan, asOf);
  // The run of closed periods right before this one: this is the first open period after each of them.
  const run: ClosedPeriod[] = [];
  for (let earlier = position - 1; earlier >= 0; earlier -= 1) {
    const label = replay.periods[earlier]?.period.label;
    const earlierClosed = label === undefined ? undefined : closedByLabel.get(label);
    if (earlierClosed === undefined) break;
    run.unshift(earlierClosed);
  }
  if (run.length === 0) return statement;
  const start = position - run.length;
  const settled = run.map((closedPeriod, offset) => {
    const earlierReplay = replay.periods[start + offset];
    if (earlierReplay === undefined) throw new RangeError(`settleStatement: no replayed period at ${start + offset}`);
    const recomputed = assembleStatement(earlierReplay, replay.blocks, replay.outOfPlan, undefined);
    const laterClosed = closedAfter(closedByLabel, closedPeriod.statement.period.index);
    return adjustClosedPeriod(earlierReplay.terms.plan, closedPeriod, recomputed, laterClosed);
  });
  const lateAdjustments = settled.flatMap((period) => period.adjustments);
  const adjustmentCharges = settled.flatMap((period) => period.charges);
  return {
    ...statement,
    totalMinor: toSafeAmount(
      exactSum([statement.totalMinor, ...adjustmentCharges.map((charge) => charge.amountMinor)]),
      'closedPeriods',
      `the total of ${statement.period.label} with its late adjustments`,
    ),
    lateAdjustments,
    adjustmentCharges,
  };
}

/** The frozen statements of the closed periods after the one at `index`, oldest first. */
function closedAfter(closedByLabel: ReadonlyMap<string, ClosedPeriod>, index: number): Statement[] {
  return [...closedByLabel.values()]
    .map((closed) => closed.statement)
    .filter((statement) => statement.period.index > index)
    .sort((a, b) => a.period.index - b.period.index);
}

/** A closed period's statement: the frozen one, unchanged but for its `closedVersion`, whatever the worklogs say now. */
export function closedStatement(closed: ClosedPeriod): Statement {
  return { ...closed.statement, closedVersion: closed.version };
}

import type { Advice, AdviceColumn, CandidateOutcome, ColumnTotals, PlanAdvice } from './advise-plan';
import { exactSum, toSafeAmount } from './money';
import type { ChargeLine, MinorUnits, Seconds, Statement } from './types';

/** One period of one column: the figures of its statement that the comparison reads. */
export interface AdvisedPeriodFigures {
  readonly period: string;
  readonly includedSeconds: Seconds;
  readonly carriedInSeconds: Seconds;
  readonly purchasedSeconds: Seconds;
  readonly availableSeconds: Seconds;
  readonly usedCoveredSeconds: Seconds;
  readonly overageSeconds: Seconds;
  readonly extraSeconds: Seconds;
  /** The statement's charge lines, its block purchases as one line (a top-up candidate may buy hundreds). */
  readonly charges: readonly ChargeLine[];
  /** The sum of `charges`. */
  readonly totalMinor: MinorUnits;
}

export interface AdviceColumnFigures extends ColumnTotals {
  readonly periods: readonly AdvisedPeriodFigures[];
}

export type CandidateFigures = AdviceColumnFigures & CandidateOutcome;

/** The advice without its statements' lists (lines, breakdowns): what the CLI's JSON and the project page show. */
export type AdviceFigures = Advice<string, AdviceColumnFigures>;

/** The charge lines with every block purchase in one line: how many blocks, their hours and their price together. */
function withPurchasesTogether(charges: readonly ChargeLine[], period: string): ChargeLine[] {
  const purchases = charges.filter((charge) => charge.kind === 'block-purchase');
  if (purchases.length < 2) return [...charges];
  const together: ChargeLine = {
    kind: 'block-purchase',
    description: `${purchases.length} prepaid blocks purchased`,
    seconds: purchases.reduce((sum, charge) => sum + (charge.seconds ?? 0), 0),
    amountMinor: toSafeAmount(exactSum(purchases.map((charge) => charge.amountMinor)), 'candidates', `the blocks bought in ${period}`),
  };
  return [...charges.filter((charge) => charge.kind !== 'block-purchase'), together];
}

function periodFigures(statement: Statement, totalMinor: MinorUnits): AdvisedPeriodFigures {
  const { includedSeconds, carriedInSeconds, purchasedSeconds, availableSeconds, usedCoveredSeconds, overageSeconds, extraSeconds } = statement;
  const period = statement.period.label;
  const charges = withPurchasesTogether(statement.charges, period);
  return { period, includedSeconds, carriedInSeconds, purchasedSeconds, availableSeconds, usedCoveredSeconds, overageSeconds, extraSeconds, charges, totalMinor };
}

function columnFigures({ statements, periodTotalsMinor, totalMinor, overageSeconds, periodsWithOverage }: AdviceColumn): AdviceColumnFigures {
  return { totalMinor, overageSeconds, periodsWithOverage, periods: statements.map((statement, index) => periodFigures(statement, periodTotalsMinor[index] ?? 0)) };
}

/**
 * The figures of an advice, each period's as its statement has them.
 *
 * @example
 * adviceFigures(advisePlan(input)).candidates[0]?.periods[0]?.charges // the first period's charge lines under the first candidate
 */
export function adviceFigures(advice: PlanAdvice): AdviceFigures {
  return {
    periods: advice.periods.map((period) => period.label),
    paid: columnFigures(advice.paid),
    candidates: advice.candidates.map((candidate) => ({ name: candidate.name, differenceMinor: candidate.differenceMinor, ...columnFigures(candidate) })),
    cheapest: advice.cheapest,
  };
}

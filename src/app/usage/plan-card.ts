import type { PlanCard, StoredPlan, ThresholdState } from '../../contract';
import type { StatementFigures } from '../../ledger';
import type { Instant } from '../../ledger/types';
import { sumMinor } from '../../ledger/money';
import { daysLeft } from './days-left';

/** The plan's hours are used up in the period: work went into overage, or every available hour is used. */
export function isExhausted(statement: Pick<StatementFigures, 'overageSeconds' | 'availableSeconds' | 'remainingSeconds'>): boolean {
  return statement.overageSeconds > 0 || (statement.availableSeconds > 0 && statement.remainingSeconds === 0);
}

function thresholdState(statement: StatementFigures): ThresholdState {
  if (isExhausted(statement)) return 'exhausted';
  return statement.thresholdsCrossed.length > 0 ? 'warning' : 'ok';
}

/** A plan's card: the figures of its current statement that every surface shows first; `refreshing` while newer changes are taken into account. */
export function toPlanCard(stored: StoredPlan, statement: StatementFigures, now: Instant, refreshing: boolean): PlanCard {
  return {
    planId: stored.plan.id,
    planName: stored.plan.name,
    kind: stored.plan.kind,
    status: stored.status,
    currency: statement.currency,
    timeZone: statement.timeZone,
    period: statement.period,
    daysLeft: daysLeft(statement.period, now, statement.timeZone),
    availableSeconds: statement.availableSeconds,
    usedCoveredSeconds: statement.usedCoveredSeconds,
    remainingSeconds: statement.remainingSeconds,
    overageSeconds: statement.overageSeconds,
    overageMinor: sumMinor(statement.charges.filter((charge) => charge.kind === 'overage').map((charge) => charge.amountMinor)),
    extraSeconds: statement.extraSeconds,
    nonBillableSeconds: statement.nonBillableSeconds,
    totalMinor: statement.totalMinor,
    forecast: statement.forecast,
    thresholdsCrossed: [...new Set(statement.thresholdsCrossed.map((crossing) => crossing.percent))].sort((a, b) => a - b),
    thresholdState: thresholdState(statement),
    refreshing,
  };
}

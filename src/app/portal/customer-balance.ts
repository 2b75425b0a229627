import type { CustomerAccess, CustomerBalance, StoredPlan } from '../../contract';
import type { StatementFigures } from '../../ledger';
import type { Instant } from '../../ledger/types';
import { toPlanCard } from '../usage/plan-card';

/** A plan's current figures as a customer sees them: hours and dates, and money only when the admin shows amounts. */
export function toCustomerBalance(stored: StoredPlan, figures: StatementFigures, now: Instant, refreshing: boolean, access: CustomerAccess): CustomerBalance {
  const card = toPlanCard(stored, figures, now, refreshing);
  return {
    planName: card.planName,
    kind: card.kind,
    timeZone: card.timeZone,
    period: card.period,
    daysLeft: card.daysLeft,
    availableSeconds: card.availableSeconds,
    usedCoveredSeconds: card.usedCoveredSeconds,
    remainingSeconds: card.remainingSeconds,
    overageSeconds: card.overageSeconds,
    forecast: card.forecast,
    thresholdState: card.thresholdState,
    refreshing: card.refreshing,
    amounts: access.showAmounts ? { currency: card.currency, overageMinor: card.overageMinor, totalMinor: card.totalMinor } : null,
  };
}

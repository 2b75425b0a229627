import type { ActiveAlert, PlanCard, StoredPlan } from '../../contract';
import { internalIdOf } from '../plans/plan-repository';
import type { Store } from '../ports/store';
import { storedAlerts } from './check-plan-alerts';

/** The plan's alerts of the period that are raised and not withdrawn, lowest threshold first (`planId`: its internal id). */
export async function activeAlerts(store: Store, planId: string, periodLabel: string): Promise<ActiveAlert[]> {
  const alerts = await storedAlerts(store, planId, periodLabel);
  return [...alerts.values()]
    .filter((alert) => alert.state === 'active')
    .sort((a, b) => a.percent - b.percent)
    .map((alert) => ({
      percent: alert.percent,
      periodLabel: alert.periodLabel,
      issueKey: alert.issueKey,
      raisedAt: alert.raisedAt,
      delivered: alert.delivery === 'delivered',
      emailFailure: alert.delivery === 'failed' ? alert.failure : null,
    }));
}

/**
 * The card with its period's active alerts; the plan's alerts are keyed by its internal id. An alert is active only
 * while the figures cross its threshold (the check after each refresh withdraws the others), so a card whose figures
 * cross none has none and costs no read; otherwise one store query.
 */
export async function withActiveAlerts(store: Store, stored: StoredPlan, card: PlanCard): Promise<PlanCard> {
  const active = card.thresholdsCrossed.length === 0 ? [] : await activeAlerts(store, internalIdOf(stored), card.period.label);
  return { ...card, activeAlerts: active };
}

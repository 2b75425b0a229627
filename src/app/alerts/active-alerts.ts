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

/** The card with its period's active alerts (one store query); the plan's alerts are keyed by its internal id. */
export async function withActiveAlerts(store: Store, stored: StoredPlan, card: PlanCard): Promise<PlanCard> {
  return { ...card, activeAlerts: await activeAlerts(store, internalIdOf(stored), card.period.label) };
}

/**
 * A period's active alerts as surfaces show them. The plan's figures head keeps them (alert checks and
 * deliveries write them), so a card or the issue panel reads them with its figures, in the same request.
 */
import type { ActiveAlert, PlanCard, StoredPlan } from '../../contract';
import { canonicalJson } from '../../ledger/canonical-json';
import { figuresHeadKey } from '../figures/figures-keys';
import { figuresHeadOf, type HeadAlerts } from '../figures/figures-records';
import { listAll } from '../plans/list-all';
import { internalIdOf } from '../plans/plan-repository';
import { toJsonValue } from '../plans/to-json-value';
import type { Store } from '../ports/store';
import { alertPeriodPrefix } from './alert-keys';
import { alertRecordSchema, type AlertRecord } from './alert-record';

/** The plan's alerts of one period, by threshold percent: one store query. */
export async function storedAlerts(store: Store, planId: string, periodLabel: string): Promise<Map<number, AlertRecord>> {
  const entries = await listAll(store, alertPeriodPrefix(planId, periodLabel));
  const records = entries.map((entry) => alertRecordSchema.parse(entry.value));
  return new Map(records.map((record) => [record.percent, record]));
}

/** The period's alerts that are raised and not withdrawn, lowest threshold first. */
export function headAlertsOf(periodLabel: string, records: ReadonlyMap<number, AlertRecord>): HeadAlerts {
  const active = [...records.values()]
    .filter((alert) => alert.state === 'active')
    .sort((a, b) => a.percent - b.percent)
    .map(
      (alert): ActiveAlert => ({
        percent: alert.percent,
        periodLabel: alert.periodLabel,
        issueKey: alert.issueKey,
        raisedAt: alert.raisedAt,
        delivered: alert.delivery === 'delivered',
        emailFailure: alert.delivery === 'failed' ? alert.failure : null,
      }),
    );
  return { periodLabel, active };
}

/**
 * Writes the period's active alerts into the plan's figures head unless `inHead` (the head's, as the
 * caller read it) or the head itself already says the same, or holds a later period's, or is gone: a conditional
 * update, so a refresh or a request written meanwhile is kept. The plan's alert jobs run one at a time, so no two of them write different alerts at once.
 */
export async function keepHeadAlerts(store: Store, planId: string, alerts: HeadAlerts, inHead?: HeadAlerts): Promise<void> {
  if (inHead !== undefined && canonicalJson(inHead) === canonicalJson(alerts)) return;
  await store.update(figuresHeadKey(planId), (current) => {
    // A head is created only by a refresh or its request: a delivery for a plan deleted meanwhile leaves none behind.
    if (current === undefined) return undefined;
    const head = figuresHeadOf(current);
    // A delivery settling an alert of an earlier period leaves a later period's alerts alone.
    const kept = head.alerts !== undefined && (head.alerts.periodLabel > alerts.periodLabel || canonicalJson(head.alerts) === canonicalJson(alerts));
    return kept ? current : toJsonValue({ ...head, alerts });
  });
}

/**
 * The card with its period's active alerts, from the alerts of the plan's figures head (`inHead`, read with
 * its figures). An alert is active only while the figures cross its threshold (the check after each refresh
 * withdraws the others), so a card whose figures cross none has none. Alerts of another period than the
 * card's mean no check has run in the card's period yet, so it has none either. A head no check has written
 * yet (from a release before) costs one store query while a threshold is crossed.
 */
export async function withActiveAlerts(store: Store, stored: StoredPlan, card: PlanCard, inHead: HeadAlerts | undefined): Promise<PlanCard> {
  if (card.thresholdsCrossed.length === 0) return { ...card, activeAlerts: [] };
  const alerts = inHead ?? headAlertsOf(card.period.label, await storedAlerts(store, internalIdOf(stored), card.period.label));
  return { ...card, activeAlerts: alerts.periodLabel === card.period.label ? alerts.active : [] };
}

/**
 * Where alerts live and how their jobs are queued.
 *
 * - `alert:<internal plan id>:<period label>:<percent, 4 digits>` — one record per plan, period and threshold.
 */

/** The queue of alert checks and deliveries (a `consumer` in manifest.yml). */
export const ALERTS_QUEUE_KEY = 'support-hours-alerts';

/** A plan's alert jobs run one at a time, so a delivery is never sent by two jobs at once. */
export const alertsConcurrencyKey = (planId: string): string => `alerts-${planId}`;

/** Every alert of the plan. */
export const planAlertsPrefix = (planId: string): string => `alert:${planId}:`;

export const alertPeriodPrefix = (planId: string, periodLabel: string): string => `${planAlertsPrefix(planId)}${periodLabel}:`;

export const alertKey = (planId: string, periodLabel: string, percent: number): string =>
  `${alertPeriodPrefix(planId, periodLabel)}${String(percent).padStart(4, '0')}`;

/** The plan's internal id an alert key names: what sits between `alert:` and the period label and percent. */
export function planIdOfAlertKey(key: string): string {
  return key.slice('alert:'.length).split(':').slice(0, -2).join(':');
}

/**
 * Where alerts live and how their jobs are queued.
 *
 * - `alert:<planId>:<period label>:<percent, 4 digits>` — one record per plan, period and threshold.
 */

/** The queue of alert checks and deliveries (a `consumer` in manifest.yml). */
export const ALERTS_QUEUE_KEY = 'support-hours-alerts';

/** A plan's alert jobs run one at a time, so a delivery is never sent by two jobs at once. */
export const alertsConcurrencyKey = (planId: string): string => `alerts-${planId}`;

export const alertPeriodPrefix = (planId: string, periodLabel: string): string => `alert:${planId}:${periodLabel}:`;

export const alertKey = (planId: string, periodLabel: string, percent: number): string =>
  `${alertPeriodPrefix(planId, periodLabel)}${String(percent).padStart(4, '0')}`;

import { storedAlerts } from '../../src/app/alerts/active-alerts';
import type { AlertRecord } from '../../src/app/alerts/alert-record';
import { buildPlan, HOUR } from '../../src/ledger/test-builders';
import type { BucketPlan } from '../../src/ledger/types';
import { ADMIN } from '../jira-simulator/site';
import { startGoldSite, storeSupPlan, type SyncSite } from '../sync/sync-site';

/** Plan `gold`: 10 h a month from 2026-10-01 (UTC), alerts at 80 % and 100 %, mailed to the admin and a group. */
export const ALERTING_GOLD: BucketPlan = buildPlan({
  thresholdsPercent: [80, 100],
  alertRecipients: { accountIds: [ADMIN.accountId], groups: ['support-managers'] },
});

export const HOURS = (hours: number): number => hours * HOUR;

/** The sync test site with `gold` stored as an active plan of SUP, its aggregate built. */
export async function startAlertSite(plan: BucketPlan = ALERTING_GOLD): Promise<SyncSite> {
  const site = await startGoldSite();
  await storeSupPlan(site.store, plan);
  return site;
}

/** The stored alerts of gold's October 2026, by percent, as `[percent, state, delivery]`. */
export async function alertStates(site: SyncSite): Promise<[number, AlertRecord['state'], AlertRecord['delivery']][]> {
  const alerts = await storedAlerts(site.store, 'gold', '2026-10');
  return [...alerts.values()].sort((a, b) => a.percent - b.percent).map((alert) => [alert.percent, alert.state, alert.delivery]);
}

/** The subjects of the emails the simulator accepted, oldest first. */
export function mailed(site: SyncSite): string[] {
  return site.simulator.stats.notifications.map((notification) => notification.subject);
}

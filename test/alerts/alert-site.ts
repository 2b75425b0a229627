import { storedAlerts } from '../../src/app/alerts/check-plan-alerts';
import type { AlertRecord } from '../../src/app/alerts/alert-record';
import { planKey } from '../../src/app/plans/plan-keys';
import { toJsonValue } from '../../src/app/plans/to-json-value';
import type { StoredPlan } from '../../src/contract';
import { buildPlan, HOUR } from '../../src/ledger/test-builders';
import type { BucketPlan } from '../../src/ledger/types';
import { ADMIN, SUP } from '../jira-simulator/site';
import { startGoldSite, type SyncSite } from '../sync/sync-site';

/** Plan `gold`: 10 h a month from 2026-10-01 (UTC), alerts at 80 % and 100 %, mailed to the admin and a group. */
export const ALERTING_GOLD: BucketPlan = buildPlan({
  thresholdsPercent: [80, 100],
  alertRecipients: { accountIds: [ADMIN.accountId], groups: ['support-managers'] },
});

export const HOURS = (hours: number): number => hours * HOUR;

/** The sync test site with `gold` stored as an active plan of SUP, its aggregate built. */
export async function startAlertSite(plan: BucketPlan = ALERTING_GOLD): Promise<SyncSite> {
  const site = await startGoldSite();
  const stored: StoredPlan = {
    plan,
    projectId: SUP.id,
    projectKey: SUP.key,
    status: 'active',
    version: 1,
    createdAt: 0,
    createdBy: ADMIN.accountId,
    updatedAt: 0,
    updatedBy: ADMIN.accountId,
  };
  await site.store.set(planKey(plan.id), toJsonValue(stored));
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

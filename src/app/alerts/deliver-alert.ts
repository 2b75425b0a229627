import { planOfJob } from '../scope/plan-scope';
import type { SyncDeps } from '../sync/sync-deps';
import { alertNotification } from './alert-message';
import { alertRecordSchema } from './alert-record';

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'withdrawn' | 'no-recipients' | 'gone';

/**
 * Sends one alert's email through Jira, at most once: a record already marked delivered is
 * left alone, so a retried or repeated job sends nothing. A failed Jira call throws and the
 * queue retries the job. The plan's alert jobs run one at a time (their concurrency key), so
 * no two deliveries of one alert overlap. A withdrawn alert is not mailed while withdrawn.
 */
export async function deliverAlert(deps: SyncDeps, key: string): Promise<DeliveryOutcome> {
  const value = await deps.store.get(key);
  if (value === undefined) return 'gone';
  const record = alertRecordSchema.parse(value);
  if (record.delivery !== 'pending') return record.delivery === 'delivered' ? 'already-delivered' : 'no-recipients';
  if (record.state === 'withdrawn') return 'withdrawn';
  const stored = await planOfJob(deps.store, record.planId);
  const recipients = stored?.plan.alertRecipients;
  const outcome = recipients === undefined || recipients.accountIds.length + recipients.groups.length === 0 ? 'no-recipients' : 'delivered';
  if (stored !== undefined && recipients !== undefined && outcome === 'delivered') {
    await deps.jira.notify(record.issueId, alertNotification(record, stored.plan.name, recipients));
  }
  const now = deps.clock.now();
  await deps.store.update(key, (current) => {
    const latest = alertRecordSchema.parse(current);
    return latest.delivery === 'pending' ? { ...latest, delivery: outcome, deliveredAt: outcome === 'delivered' ? now : null } : current;
  });
  return outcome;
}

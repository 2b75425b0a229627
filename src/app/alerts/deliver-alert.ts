import type { DroppedRecipient, StoredPlan } from '../../contract';
import { recordAlertProblem } from '../jobs/problems';
import { planOfJob } from '../scope/plan-scope';
import type { SyncDeps } from '../sync/sync-deps';
import { alertNotification } from './alert-message';
import { clearOutbox, outboxEntry } from './alert-outbox';
import { alertRecordSchema, type AlertRecord } from './alert-record';
import { headAlertsOf, keepHeadAlerts, storedAlerts } from './active-alerts';
import { resolveRecipients } from './resolve-recipients';

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'withdrawn' | 'no-recipients' | 'failed' | 'gone';

/**
 * Sends one alert's email through Jira, at most once: a record no longer pending is left
 * alone, so a retried, repeated or re-driven job sends nothing. Each recipient account is
 * checked with Jira first; unknown and deactivated ones are dropped and reported, and the rest
 * still get the email — unless nobody is left, which fails the alert. A failed Jira call
 * throws, for the failure policy to retry (and, at the end of its retries, to fail the alert).
 * The plan's alert jobs run one at a time (their concurrency key), so no two deliveries of one
 * alert overlap. A withdrawn alert is not mailed while withdrawn.
 *
 * The one duplicate left: a run that dies after Jira accepted the email and before the record
 * says so is run again (by the platform or the sweep) and mails a second time.
 */
export async function deliverAlert(deps: SyncDeps, key: string): Promise<DeliveryOutcome> {
  const value = await deps.store.get(key);
  if (value === undefined) {
    await clearOutbox(deps.store, key);
    return 'gone';
  }
  const record = alertRecordSchema.parse(value);
  if (record.delivery !== 'pending' || record.state === 'withdrawn') {
    await clearOutbox(deps.store, key);
    return record.state === 'withdrawn' && record.delivery === 'pending' ? 'withdrawn' : settledOutcome(record);
  }
  const stored = await planOfJob(deps.store, record.planId);
  const recipients = stored?.plan.alertRecipients;
  if (stored === undefined || recipients === undefined || recipients.accountIds.length + recipients.groups.length === 0) {
    await settle(deps, key, { delivery: 'no-recipients' });
    return 'no-recipients';
  }
  // Starting an attempt moves the sweep's due time on: it re-drives only a delivery whose jobs were lost.
  await deps.store.transact([outboxEntry(key, record.planId, deps.clock.now())]);
  const resolved = await resolveRecipients(deps.jira, recipients);
  if (resolved.to.accountIds.length + resolved.to.groups.length === 0) {
    await failAlert(deps, key, 'None of the plan’s alert recipients is an active Jira account.', resolved.dropped);
    return 'failed';
  }
  await deps.jira.notify(record.issueId, alertNotification(record, stored.plan.name, resolved.to));
  const now = deps.clock.now();
  await settle(deps, key, { delivery: 'delivered', deliveredAt: now, droppedRecipients: [...resolved.dropped] });
  if (resolved.dropped.length > 0) {
    await report(deps, key, record, ownerOf(stored), { outcome: 'partly-delivered', reason: null, droppedRecipients: [...resolved.dropped] });
  }
  return 'delivered';
}

interface AlertOwner {
  readonly projectId: string;
  readonly planKey: string;
  readonly planName: string;
}

/**
 * Gives up on the alert's email: the record says `failed` with the reason, the outbox forgets
 * it, and the plan's project lists it for its admins. Does nothing to an alert settled meanwhile.
 */
export async function failAlert(deps: Pick<SyncDeps, 'store' | 'clock'>, key: string, reason: string, dropped: readonly DroppedRecipient[] = []): Promise<void> {
  const value = await deps.store.get(key);
  if (value === undefined) return clearOutbox(deps.store, key);
  const record = alertRecordSchema.parse(value);
  if (record.delivery !== 'pending') return clearOutbox(deps.store, key);
  await settle(deps, key, { delivery: 'failed', failure: reason, droppedRecipients: [...dropped] });
  const stored = await planOfJob(deps.store, record.planId);
  if (stored !== undefined) await report(deps, key, record, ownerOf(stored), { outcome: 'failed', reason, droppedRecipients: [...dropped] });
}

const ownerOf = (stored: StoredPlan): AlertOwner => ({ projectId: stored.projectId, planKey: stored.plan.id, planName: stored.plan.name });

function settledOutcome(record: AlertRecord): DeliveryOutcome {
  if (record.delivery === 'delivered') return 'already-delivered';
  return record.delivery === 'failed' ? 'failed' : 'no-recipients';
}

/**
 * Writes the delivery's outcome on a record still pending, and into the plan's figures head's active
 * alerts (which show whether the email went), then forgets the outbox entry.
 */
async function settle(deps: Pick<SyncDeps, 'store'>, key: string, outcome: Partial<AlertRecord> & Pick<AlertRecord, 'delivery'>): Promise<void> {
  const written = await deps.store.update(key, (current) => {
    if (current === undefined) return current;
    const latest = alertRecordSchema.parse(current);
    return latest.delivery === 'pending' ? { ...latest, ...outcome } : current;
  });
  const record = alertRecordSchema.safeParse(written).data;
  if (record !== undefined) await keepHeadAlerts(deps.store, record.planId, headAlertsOf(record.periodLabel, await storedAlerts(deps.store, record.planId, record.periodLabel)));
  await clearOutbox(deps.store, key);
}

async function report(
  deps: Pick<SyncDeps, 'store' | 'clock'>,
  key: string,
  record: AlertRecord,
  owner: AlertOwner,
  problem: { readonly outcome: 'failed' | 'partly-delivered'; readonly reason: string | null; readonly droppedRecipients: DroppedRecipient[] },
): Promise<void> {
  await recordAlertProblem(deps.store, owner.projectId, {
    alertKey: key,
    planId: owner.planKey,
    planName: owner.planName,
    periodLabel: record.periodLabel,
    percent: record.percent,
    ...problem,
    at: deps.clock.now(),
  });
}

import type { ThresholdCrossing } from '../../ledger/types';
import type { StoredPeriodFigures } from '../figures/figures-records';
import { figuresView, readFiguresHead, readPeriodFigures } from '../figures/read-plan-figures';
import { requestFiguresRefresh } from '../figures/request-figures-refresh';
import { planOfJob } from '../scope/plan-scope';
import type { Store } from '../ports/store';
import { headAlertsOf, keepHeadAlerts, storedAlerts } from './active-alerts';
import type { SyncDeps } from '../sync/sync-deps';
import { reportingPeriod } from '../usage/reporting-period';
import { jitteredBackoffMs, retryOnConflict } from '../retry-on-conflict';
import { toJsonValue } from '../plans/to-json-value';
import { alertKey } from './alert-keys';
import { outboxEntry, pushDelivery, REDRIVE_AFTER_MS, restoreOutbox, transactUnlessTaken } from './alert-outbox';
import { alertRecordSchema, type AlertRecord } from './alert-record';

export interface AlertCheckReport {
  readonly periodLabel: string | null;
  /** Thresholds raised by this check (each at most once per plan and period, ever). */
  readonly raised: readonly number[];
  readonly withdrawn: readonly number[];
  /** Withdrawn alerts whose threshold is crossed again: active again, never mailed again. */
  readonly reinstated: readonly number[];
  /** Alerts long pending without an outbox entry (written before the outbox, or the entry lost): given one again. */
  readonly restored: readonly number[];
}

const NOTHING: AlertCheckReport = { periodLabel: null, raised: [], withdrawn: [], reinstated: [], restored: [] };

/**
 * Reconciles the plan's current period against its stored alerts: reads the period's stored
 * figures (a bounded number of reads whatever the plan's size), raises each newly crossed threshold once (a create on the condition that the
 * key does not exist, so two checks running side by side can't both raise it, in one
 * transaction with its outbox entry) and queues its delivery; withdraws an active alert whose
 * threshold is no longer crossed (a worklog deleted or moved); marks a withdrawn one active again
 * when it is crossed again, without a new email; gives an active alert still pending long after it
 * was raised its outbox entry back if it has none (one read each: such alerts are rare). Then keeps the
 * period's active alerts in the plan's figures head, for the surfaces to read with the figures.
 * `planId` is the plan's internal id, which its alerts are keyed by.
 */
export async function checkPlanAlerts(deps: SyncDeps, planId: string): Promise<AlertCheckReport> {
  // The head is keyed by the internal id too: read beside the plan, its round trip does not follow the plan's.
  const [stored, head] = await Promise.all([planOfJob(deps.store, planId), readFiguresHead(deps.store, planId)]);
  if (stored?.status !== 'active') return NOTHING;
  const now = deps.clock.now();
  const period = reportingPeriod(stored.plan, now);
  const view = figuresView(head, stored);
  const read = view && (await readPeriodFigures(deps.store, stored, view, period, now));
  if (read === undefined) {
    // No figures for the period yet: the refresh this asks for queues the check again.
    await requestFiguresRefresh(deps, planId);
    return NOTHING;
  }
  const figures = read.stored;
  const crossed = new Map(figures.thresholdsCrossed.map((crossing) => [crossing.percent, crossing]));
  const existing = await storedAlerts(deps.store, planId, period.label);

  const raised: number[] = [];
  const withdrawn: number[] = [];
  const reinstated: number[] = [];
  const restored: number[] = [];
  for (const [percent, crossing] of crossed) {
    if (existing.has(percent)) continue;
    const record = newAlert(planId, figures, crossing, now);
    if (await createOnce(deps.store, alertKey(planId, period.label, percent), record, now)) {
      await queueDelivery(deps, planId, alertKey(planId, period.label, percent));
      raised.push(percent);
    }
  }
  for (const [percent, record] of existing) {
    const isCrossed = crossed.has(percent);
    if (record.state === 'active' && !isCrossed) {
      await withdraw(deps.store, alertKey(planId, period.label, percent), now);
      withdrawn.push(percent);
    } else if (record.state === 'withdrawn' && isCrossed) {
      const revived = await reinstate(deps.store, alertKey(planId, period.label, percent), now);
      if (revived.delivery === 'pending') await queueDelivery(deps, planId, alertKey(planId, period.label, percent));
      reinstated.push(percent);
    } else if (record.state === 'active' && record.delivery === 'pending' && now - record.raisedAt >= REDRIVE_AFTER_MS) {
      if (await restoreOutbox(deps.store, alertKey(planId, period.label, percent), planId, now)) {
        await queueDelivery(deps, planId, alertKey(planId, period.label, percent));
        restored.push(percent);
      }
    }
  }
  // Records this check changed (or another raised meanwhile) are listed again; otherwise the head costs a read only when it says otherwise.
  const changed = withdrawn.length + reinstated.length > 0 || [...crossed.keys()].some((percent) => !existing.has(percent));
  const records = changed ? await storedAlerts(deps.store, planId, period.label) : existing;
  await keepHeadAlerts(deps.store, planId, headAlertsOf(period.label, records), head.alerts);
  return { periodLabel: period.label, raised, withdrawn, reinstated, restored };
}

function newAlert(internalId: string, figures: StoredPeriodFigures, crossing: ThresholdCrossing, now: number): AlertRecord {
  const line = figures.crossings.find((candidate) => candidate.worklogId === crossing.worklogId);
  return {
    planId: internalId,
    periodLabel: figures.period.label,
    percent: crossing.percent,
    issueId: line?.issueId ?? '',
    issueKey: line?.issueKey ?? null,
    worklogId: crossing.worklogId,
    usedCoveredSeconds: crossing.usedCoveredSeconds,
    availableSeconds: figures.availableSeconds,
    raisedAt: now,
    state: 'active',
    withdrawnAt: null,
    delivery: 'pending',
    deliveredAt: null,
    droppedRecipients: [],
    failure: null,
  };
}

/** True when this call created the record (with its outbox entry); false when another check already had. */
function createOnce(store: Store, key: string, record: AlertRecord, now: number): Promise<boolean> {
  return transactUnlessTaken(store, [{ set: { key, value: toJsonValue(record), ifVersion: null } }, outboxEntry(key, record.planId, now)]);
}

async function withdraw(store: Store, key: string, now: number): Promise<void> {
  await store.update(key, (current) => {
    const record = alertRecordSchema.parse(current);
    return record.state === 'withdrawn' ? current : toJsonValue({ ...record, state: 'withdrawn', withdrawnAt: now });
  });
}

/**
 * Active again; a delivery still pending gets its outbox entry back in the same transaction
 * (a delivery that found the alert withdrawn had dropped it).
 */
async function reinstate(store: Store, key: string, now: number): Promise<AlertRecord> {
  return retryOnConflict(
    async () => {
      const found = await store.getVersioned(key);
      const record = alertRecordSchema.parse(found?.value);
      const revived: AlertRecord = { ...record, state: 'active', withdrawnAt: null };
      const outbox = revived.delivery === 'pending' ? [outboxEntry(key, revived.planId, now)] : [];
      await store.transact([{ set: { key, value: toJsonValue(revived), ifVersion: found?.version ?? null } }, ...outbox]);
      return revived;
    },
    { maxAttempts: 10, delayMs: jitteredBackoffMs, subject: `Alert ${key}` },
  );
}

/**
 * The fast path to the email. The alert is safe in the outbox already, so a queue that refuses
 * the push only delays it until the sweep drives it.
 */
async function queueDelivery(deps: SyncDeps, planId: string, key: string): Promise<void> {
  try {
    await pushDelivery(deps, planId, key);
  } catch (error) {
    console.warn(`Support Hours could not queue the delivery of ${key}; the scheduled sweep will:`, error);
  }
}

/**
 * The alerts' outbox: an alert whose email is not settled has an entry here, written in the
 * same transaction as the alert itself, so a delivery can't be lost between the two writes.
 * Pushing the delivery job right away is only the fast path; the scheduled sweep pushes again
 * every delivery still unsettled {@link REDRIVE_AFTER_MS} after its last attempt started.
 *
 * - `alert-outbox:<alert key>` — `{ alertKey, planId, dueAt }`, deleted once the alert is delivered, failed,
 *   withdrawn or gone.
 */
import * as z from 'zod';
import { listAll } from '../plans/list-all';
import { StoreError, type Store, type TransactOperation } from '../ports/store';
import type { SyncDeps } from '../sync/sync-deps';
import { ALERTS_QUEUE_KEY, alertsConcurrencyKey } from './alert-keys';
import type { DeliverAlertJob } from './alert-jobs';

export const ALERT_OUTBOX_PREFIX = 'alert-outbox:';

export const outboxKey = (alertKey: string): string => `${ALERT_OUTBOX_PREFIX}${alertKey}`;

/**
 * Longer than the policy's longest pause between retries (15 min) plus a consumer's time limit
 * (2 min), so the sweep only re-drives a delivery whose chain of jobs was lost.
 */
export const REDRIVE_AFTER_MS = 30 * 60_000;

const outboxEntrySchema = z.object({
  alertKey: z.string(),
  /** The plan's internal id: the delivery runs in its alerts' concurrency lane. */
  planId: z.string(),
  /** When the sweep drives the delivery again if it is still here. */
  dueAt: z.int(),
});

/** The outbox write that goes with creating (or reviving) a pending alert, or with starting an attempt. */
export function outboxEntry(alertKey: string, planId: string, now: number): TransactOperation {
  return { set: { key: outboxKey(alertKey), value: { alertKey, planId, dueAt: now + REDRIVE_AFTER_MS } } };
}

/**
 * Gives a pending alert that has no outbox entry one, due at once; false when it had one. For
 * alerts written before the outbox existed, and any whose entry was lost.
 */
export function restoreOutbox(store: Store, alertKey: string, planId: string, now: number): Promise<boolean> {
  return transactUnlessTaken(store, [{ set: { key: outboxKey(alertKey), value: { alertKey, planId, dueAt: now }, ifVersion: null } }]);
}

/** Runs a transaction whose conditions say "not written yet"; false when another writer was first. */
export async function transactUnlessTaken(store: Store, operations: readonly TransactOperation[]): Promise<boolean> {
  try {
    await store.transact(operations);
    return true;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return false;
    throw error;
  }
}

/** The delivery is settled (or has nothing left to do): the sweep forgets it. */
export async function clearOutbox(store: Store, alertKey: string): Promise<void> {
  await store.delete(outboxKey(alertKey));
}

export async function pushDelivery(deps: Pick<SyncDeps, 'queue'>, planId: string, alertKey: string): Promise<void> {
  const job: DeliverAlertJob = { kind: 'deliver', alertKey };
  await deps.queue.push(ALERTS_QUEUE_KEY, job, { concurrencyKey: alertsConcurrencyKey(planId) });
}

export interface SweepReport {
  /** Alert keys whose delivery was pushed again. */
  readonly redriven: readonly string[];
  /** Unsettled deliveries not due yet (an attempt or a retry is under way). */
  readonly waiting: number;
  /** Pushes the queue refused; the next sweep tries them again. */
  readonly refused: number;
}

/**
 * Pushes again every delivery still unsettled past its due time, moving its due time on so
 * that the next sweep leaves it to this push. Costs one listing of the outbox (unsettled
 * deliveries only) and one write per re-driven alert.
 */
export async function sweepAlertOutbox(deps: Pick<SyncDeps, 'store' | 'queue' | 'clock'>): Promise<SweepReport> {
  const now = deps.clock.now();
  const entries = (await listAll(deps.store, ALERT_OUTBOX_PREFIX)).map((entry) => outboxEntrySchema.parse(entry.value));
  const due = entries.filter((entry) => entry.dueAt <= now);
  const redriven: string[] = [];
  let refused = 0;
  for (const entry of due) {
    // Due time first: a delivery that runs at once and settles deletes the entry after this write, not before it.
    await deps.store.transact([outboxEntry(entry.alertKey, entry.planId, now)]);
    try {
      await pushDelivery(deps, entry.planId, entry.alertKey);
      redriven.push(entry.alertKey);
    } catch (error) {
      refused += 1;
      console.warn(`Support Hours could not queue the delivery of ${entry.alertKey} again; a later sweep will:`, error);
    }
  }
  return { redriven, waiting: entries.length - due.length, refused };
}

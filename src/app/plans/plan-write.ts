/** What every plan write shares: who and where, the version check, and the versioned write with its audit entry. */
import { auditEntrySchema, type AuditEntry, type StoredPlan } from '../../contract';
import { stale, type Refused, type UseCaseOutcome } from '../refusal';
import type { Clock } from '../ports/clock';
import type { WorkQueue } from '../ports/queue';
import { StoreError, type Store, type TransactOperation, type Version } from '../ports/store';
import type { JsonChange } from './diff-json';
import { planAuditKey, planKey } from './plan-keys';
import { internalIdOf } from './plan-repository';
import { planRecordValue } from './plan-record';
import { toJsonValue } from './to-json-value';
import { requestFiguresRefresh } from '../figures/request-figures-refresh';

export interface Actor {
  readonly accountId: string;
}

export interface ProjectRef {
  readonly id: string;
  readonly key: string;
}

/** Who asks, in which project (always taken from the Forge context, never from a payload). */
export interface PlanWriteContext {
  readonly actor: Actor;
  readonly project: ProjectRef;
}

export interface PlanWritePorts {
  readonly store: Store;
  readonly clock: Clock;
  /** To ask for the plan's figures to be refreshed once its terms changed. */
  readonly queue: WorkQueue;
}

export function staleVersion(current: StoredPlan, expectedVersion: number): Refused {
  return stale('plan', expectedVersion, current.version);
}

/** @param effectiveFrom for a change of terms: the first period the new terms apply to */
export function auditEntry(stored: StoredPlan, action: AuditEntry['action'], changes: readonly JsonChange[], effectiveFrom?: string): AuditEntry {
  const entry = { version: stored.version, action, at: stored.updatedAt, by: stored.updatedBy, changes };
  return auditEntrySchema.parse(effectiveFrom === undefined ? entry : { ...entry, effectiveFrom });
}

/**
 * Writes the plan's new version and its audit entry together, only if the plan is still at
 * `previous` (`null`: only if no plan has this id yet), then asks for its figures to be refreshed
 * (they name the plan version they were computed under; a plan being deleted is purged instead).
 * A lost race answers `losing`.
 */
export async function writePlanVersion(
  ports: PlanWritePorts,
  write: { readonly stored: StoredPlan; readonly previous: string | null; readonly audit: AuditEntry; readonly extra?: readonly TransactOperation[] },
  losing: Refused,
): Promise<UseCaseOutcome<StoredPlan>> {
  try {
    await ports.store.transact([
      { set: { key: planKey(write.stored.plan.id), value: planRecordValue(write.stored), ifVersion: write.previous } },
      { set: { key: planAuditKey(internalIdOf(write.stored), write.stored.version), value: toJsonValue(write.audit), ifVersion: null } },
      ...(write.extra ?? []),
    ]);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return losing;
    throw error;
  }
  if (write.stored.status !== 'deleting') await requestFiguresRefresh(ports, internalIdOf(write.stored));
  return { ok: true, data: write.stored };
}

/** A transaction step that holds only while the plan's record is still at `storeVersion`, for writes priced by it. */
export function planUnchanged(planId: string, storeVersion: Version): TransactOperation {
  return { check: { key: planKey(planId), ifVersion: storeVersion } };
}

/** The next version of a stored plan, stamped with who and when. */
export function nextVersion(current: StoredPlan, changes: Partial<Pick<StoredPlan, 'plan' | 'terms' | 'status' | 'customerAccess' | 'organizationIds' | 'hardStop'>>, ports: PlanWritePorts, actor: Actor): StoredPlan {
  return { ...current, ...changes, version: current.version + 1, updatedAt: ports.clock.now(), updatedBy: actor.accountId };
}

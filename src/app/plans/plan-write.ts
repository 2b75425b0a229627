/** What every plan write shares: who and where, the version check, and the versioned write with its audit entry. */
import { auditEntrySchema, fail, type AuditEntry, type Outcome, type StoredPlan } from '../../contract';
import type { Clock } from '../ports/clock';
import { StoreError, type Store, type TransactOperation } from '../ports/store';
import type { JsonChange } from './diff-json';
import { planAuditKey, planKey } from './plan-keys';
import type { VersionedPlan } from './plan-repository';
import { toJsonValue } from './to-json-value';

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
}

export const planNotFound = (planId: string) => fail('PLAN_NOT_FOUND', `There is no plan "${planId}" in this project.`);

/** The plan as the caller may see it: another project's plan is reported as absent, not as forbidden. */
export function ownPlan(found: VersionedPlan | undefined, project: ProjectRef): VersionedPlan | undefined {
  return found !== undefined && found.stored.projectId === project.id ? found : undefined;
}

export function staleVersion(current: StoredPlan, expectedVersion: number) {
  return fail(
    'STALE_VERSION',
    `The plan was changed since you read it (you have version ${expectedVersion}, it is now at version ${current.version}). Reload it and apply your change again.`,
    [{ path: 'expectedVersion', message: `must be ${current.version}, the plan's current version` }],
  );
}

export function auditEntry(stored: StoredPlan, action: AuditEntry['action'], changes: readonly JsonChange[]): AuditEntry {
  return auditEntrySchema.parse({ version: stored.version, action, at: stored.updatedAt, by: stored.updatedBy, changes });
}

/**
 * Writes the plan's new version and its audit entry together, only if the plan is still at
 * `previous` (`null`: only if no plan has this id yet). A lost race answers `losing`.
 */
export async function writePlanVersion(
  store: Store,
  write: { readonly stored: StoredPlan; readonly previous: string | null; readonly audit: AuditEntry; readonly extra?: readonly TransactOperation[] },
  losing: Outcome<never>,
): Promise<Outcome<StoredPlan>> {
  const planId = write.stored.plan.id;
  try {
    await store.transact([
      { set: { key: planKey(planId), value: toJsonValue(write.stored), ifVersion: write.previous } },
      { set: { key: planAuditKey(planId, write.stored.version), value: toJsonValue(write.audit), ifVersion: null } },
      ...(write.extra ?? []),
    ]);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return losing;
    throw error;
  }
  return { ok: true, data: write.stored };
}

/** The next version of a stored plan, stamped with who and when. */
export function nextVersion(current: StoredPlan, changes: Partial<Pick<StoredPlan, 'plan' | 'status'>>, ports: PlanWritePorts, actor: Actor): StoredPlan {
  return { ...current, ...changes, version: current.version + 1, updatedAt: ports.clock.now(), updatedBy: actor.accountId };
}

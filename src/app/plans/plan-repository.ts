/** Reading stored plans: every read is validated, since an older release may have written it. */
import { auditEntrySchema, storedPlanSchema, type AuditEntry, type StoredPlan } from '../../contract';
import type { Store, Version } from '../ports/store';
import { listAll } from './list-all';
import { planAuditPrefix, planKey, projectPlansPrefix } from './plan-keys';

export interface VersionedPlan {
  readonly stored: StoredPlan;
  /** The store's version of the record, for conditional writes. */
  readonly storeVersion: Version;
}

export async function loadPlan(store: Store, planId: string): Promise<StoredPlan | undefined> {
  const value = await store.get(planKey(planId));
  return value === undefined ? undefined : storedPlanSchema.parse(value);
}

export async function loadVersionedPlan(store: Store, planId: string): Promise<VersionedPlan | undefined> {
  const found = await store.getVersioned(planKey(planId));
  return found === undefined ? undefined : { stored: storedPlanSchema.parse(found.value), storeVersion: found.version };
}

/** The project's plans, ordered by id. */
export async function listProjectPlans(store: Store, projectId: string): Promise<StoredPlan[]> {
  const prefix = projectPlansPrefix(projectId);
  const index = await listAll(store, prefix);
  const plans = await Promise.all(index.map((entry) => loadPlan(store, entry.key.slice(prefix.length))));
  return plans.filter((plan): plan is StoredPlan => plan !== undefined);
}

/** Oldest first. */
export async function loadPlanHistory(store: Store, planId: string): Promise<AuditEntry[]> {
  const entries = await listAll(store, planAuditPrefix(planId));
  return entries.map((entry) => auditEntrySchema.parse(entry.value));
}

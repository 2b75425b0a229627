/** Reading stored plans: every read is validated, since an older release may have written it. */
import { auditEntrySchema, storedPlanSchema, type AuditEntry, type StoredPlan } from '../../contract';
import type { Store, Version } from '../ports/store';
import { listAll } from './list-all';
import { ALL_PROJECT_PLANS_PREFIX, planAuditPrefix, planKey, projectPlansPrefix } from './plan-keys';

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

/** The plans a project index lists, read by key; only plans the index's project owns are kept. */
async function indexedPlans(store: Store, prefix: string, projectIdOf: (key: string) => string): Promise<StoredPlan[]> {
  const index = await listAll(store, prefix);
  const plans = await Promise.all(
    index.map(async (entry) => {
      const planId = entry.key.slice(entry.key.lastIndexOf(':') + 1);
      const stored = await loadPlan(store, planId);
      return stored?.projectId === projectIdOf(entry.key) ? stored : undefined;
    }),
  );
  return plans.filter((plan): plan is StoredPlan => plan !== undefined);
}

/** The project's plans, ordered by id. */
export function listProjectPlans(store: Store, projectId: string): Promise<StoredPlan[]> {
  return indexedPlans(store, projectPlansPrefix(projectId), () => projectId);
}

/** Every project's plans, ordered by project id then plan id. */
export function listEveryProjectsPlans(store: Store): Promise<StoredPlan[]> {
  return indexedPlans(store, ALL_PROJECT_PLANS_PREFIX, (key) => key.slice(ALL_PROJECT_PLANS_PREFIX.length, key.lastIndexOf(':')));
}

/** Oldest first. */
export async function loadPlanHistory(store: Store, planId: string): Promise<AuditEntry[]> {
  const entries = await listAll(store, planAuditPrefix(planId));
  return entries.map((entry) => auditEntrySchema.parse(entry.value));
}

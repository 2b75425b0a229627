/** Reading stored plans: every read is validated and brought to the current format, since an older release may have written it. */
import { auditEntrySchema, type AuditEntry, type StoredPlan } from '../../contract';
import * as z from 'zod';
import type { PlanIdentity, PlanInternalId } from './plan-identity';
import type { Store, Version } from '../ports/store';
import { listAll } from './list-all';
import { readPlanRecord } from './plan-record';
import { ALL_PROJECT_PLANS_PREFIX, planAuditPrefix, planInternalKey, planKey, projectPlansPrefix } from './plan-keys';

export interface VersionedPlan {
  readonly stored: StoredPlan;
  /** The store's version of the record, for conditional writes. */
  readonly storeVersion: Version;
}

/** The id everything stored for the plan is keyed by: its internal id, or its key for plans stored before internal ids. */
export function internalIdOf(stored: StoredPlan): PlanInternalId {
  // The one place an internal id is made: from a plan that is stored.
  return (stored.internalId ?? stored.plan.id) as PlanInternalId;
}

/** How the aggregates know the plan. */
export function identityOf(stored: StoredPlan): PlanIdentity {
  return { internalId: internalIdOf(stored), key: stored.plan.id };
}

export async function loadPlan(store: Store, planId: string): Promise<StoredPlan | undefined> {
  const value = await store.get(planKey(planId));
  return value === undefined ? undefined : readPlanRecord(value);
}

const internalIndexSchema = z.object({ planKey: z.string() });

/**
 * The plan whose internal id this is, for the app's own jobs (their records are keyed by it):
 * through the internal-id index, or by key for plans stored before internal ids.
 */
export async function loadPlanByInternalId(store: Store, internalId: string): Promise<StoredPlan | undefined> {
  const index = await store.get(planInternalKey(internalId));
  const stored = await loadPlan(store, index === undefined ? internalId : internalIndexSchema.parse(index).planKey);
  return stored !== undefined && internalIdOf(stored) === internalId ? stored : undefined;
}

export async function loadVersionedPlan(store: Store, planId: string): Promise<VersionedPlan | undefined> {
  const found = await store.getVersioned(planKey(planId));
  return found === undefined ? undefined : { stored: readPlanRecord(found.value), storeVersion: found.version };
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
export async function loadPlanHistory(store: Store, stored: StoredPlan): Promise<AuditEntry[]> {
  const entries = await listAll(store, planAuditPrefix(internalIdOf(stored)));
  return entries.map((entry) => auditEntrySchema.parse(entry.value));
}

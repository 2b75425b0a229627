import { organizationIdsOf, type StoredPlan } from '../../contract';
import { listProjectPlans } from '../plans/plan-repository';
import type { Store } from '../ports/store';

/** Organisation id → the project's active plan that names it (its key). */
export async function planOfOrganization(store: Store, projectId: string): Promise<ReadonlyMap<string, string>> {
  return organizationClaims((await listProjectPlans(store, projectId)).filter((stored) => stored.status === 'active'));
}

/** Organisation id → the plan that names it, among the plans given (validation keeps each organisation to one). */
export function organizationClaims(plans: readonly StoredPlan[]): Map<string, string> {
  return new Map(plans.flatMap((stored) => organizationIdsOf(stored).map((organizationId) => [organizationId, stored.plan.id] as const)));
}

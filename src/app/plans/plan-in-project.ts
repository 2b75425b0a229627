/**
 * The one guard through which every use case loads a plan named by a caller (a payload, a
 * saved gadget configuration): the plan counts only if it belongs to the caller's project.
 * An absent plan and another project's plan are the same `not-found`, so no answer tells them
 * apart — not the code, not the message, not a name. The architecture test keeps every other
 * module from reading plans by key any other way.
 */
import { planIdSchema, type StoredPlan } from '../../contract';
import { invalid, notFound, type UseCaseOutcome } from '../refusal';
import type { Store } from '../ports/store';
import { internalIdOf, loadPlan, loadPlanByInternalId, loadVersionedPlan, type VersionedPlan } from './plan-repository';

/** The project a plan must belong to: its Jira id, or (a gadget's saved configuration) its key. */
export type PlanOwner = { readonly projectId: string } | { readonly projectKey: string };

function ownedBy(stored: StoredPlan, owner: PlanOwner): boolean {
  return 'projectId' in owner ? stored.projectId === owner.projectId : stored.projectKey === owner.projectKey;
}

/**
 * The plan `planId` of the owner's project, with its store version for conditional writes.
 * `path` names the payload field the id came from, for the refusal.
 */
export async function loadPlanInProject(store: Store, owner: PlanOwner, planId: string, path = 'planId'): Promise<UseCaseOutcome<VersionedPlan>> {
  // An id no plan can have (an issue property may hold any text) is not even looked up.
  const found = planIdSchema.safeParse(planId).success ? await loadVersionedPlan(store, planId) : undefined;
  // A plan being deleted is gone for every purpose but its key, which stays taken until its purge has finished.
  if (found === undefined || found.stored.status === 'deleting' || !ownedBy(found.stored, owner)) return notFound({ what: 'plan', planId, path });
  return { ok: true, data: found };
}

/** As {@link loadPlanInProject}, and the plan must be active: what new links and defaults may name. */
export async function loadActivePlanInProject(
  store: Store,
  project: { readonly id: string; readonly key: string },
  planId: string,
  path = 'planId',
): Promise<UseCaseOutcome<VersionedPlan>> {
  const found = await loadPlanInProject(store, { projectId: project.id }, planId, path);
  if (found.ok && found.data.stored.status !== 'active') return invalid(path, { what: 'plan-not-active', projectKey: project.key });
  return found;
}

/**
 * The plan an issue's stored link names by its internal id, if it is a plan of the project
 * and not being deleted. With the plan's key (which never changes; the plan's figures head keeps
 * it) that is one read; without it, the internal-id index is read first.
 */
export async function loadLinkedPlan(store: Store, projectId: string, link: { readonly internalId: string; readonly planKey: string | undefined }): Promise<StoredPlan | undefined> {
  const stored = link.planKey === undefined ? await loadPlanByInternalId(store, link.internalId) : await loadPlan(store, link.planKey);
  const linked = stored !== undefined && internalIdOf(stored) === link.internalId && stored.projectId === projectId && stored.status !== 'deleting';
  return linked ? stored : undefined;
}

import type { PlanAggregates } from '../ports/aggregates';
import type { JiraPort } from '../ports/jira';
import { inUse, type UseCaseOutcome } from '../refusal';
import { STORE_LIMITS, StoreError, type TransactOperation } from '../ports/store';
import { loadProjectSettings } from '../settings/project-settings';
import { planJql } from '../sync/linked-issues';
import type { PlanVersionRef } from './archive-plan';
import { listAll } from './list-all';
import { planAuditPrefix, planKey, projectPlanIndexKey } from './plan-keys';
import { loadPlanInProject } from './plan-in-project';
import { staleVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';

/**
 * Deletes a plan with its history — refused while any issue of the project links to it (Jira
 * is asked as the app, so issues the caller can't see count too; another project's issues
 * naming the plan never count, so they can't block it) or while it is the project's default.
 */
export async function deletePlan(
  ports: PlanWritePorts & { readonly appJira: JiraPort; readonly aggregates: PlanAggregates },
  context: PlanWriteContext,
  request: PlanVersionRef,
): Promise<UseCaseOutcome<{ planId: string }>> {
  const loaded = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.planId);
  if (!loaded.ok) return loaded;
  const found = loaded.data;
  if (found.stored.version !== request.expectedVersion) return staleVersion(found.stored, request.expectedVersion);
  const settings = await loadProjectSettings(ports.store, context.project.id);
  if (settings.defaultPlanId === request.planId) {
    return inUse({ what: 'default-plan' });
  }
  const linked = await ports.appJira.countIssues(planJql({ planId: request.planId, projectId: context.project.id }));
  if (linked > 0) return inUse({ what: 'linked-issues', count: linked });
  try {
    await ports.store.transact([
      { delete: { key: planKey(request.planId), ifVersion: found.storeVersion } },
      { delete: { key: projectPlanIndexKey(context.project.id, request.planId) } },
    ]);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return staleVersion(found.stored, request.expectedVersion);
    throw error;
  }
  await deleteHistory(ports, request.planId);
  await ports.aggregates.planDeleted(request.planId);
  return { ok: true, data: { planId: request.planId } };
}

/** Audit entries go after the plan itself, so a failure here leaves history without a plan, never the reverse. */
async function deleteHistory(ports: PlanWritePorts, planId: string): Promise<void> {
  const entries = await listAll(ports.store, planAuditPrefix(planId));
  const deletions: TransactOperation[] = entries.map((entry) => ({ delete: { key: entry.key } }));
  for (let start = 0; start < deletions.length; start += STORE_LIMITS.maxTransactionOperations) {
    await ports.store.transact(deletions.slice(start, start + STORE_LIMITS.maxTransactionOperations));
  }
}

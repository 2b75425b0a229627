import { fail, type Outcome } from '../../contract';
import type { PlanAggregates } from '../ports/aggregates';
import type { JiraPort } from '../ports/jira';
import { STORE_LIMITS, StoreError, type TransactOperation } from '../ports/store';
import { loadProjectSettings } from '../settings/project-settings';
import type { PlanVersionRef } from './archive-plan';
import { listAll } from './list-all';
import { planAuditPrefix, planKey, projectPlanIndexKey } from './plan-keys';
import { loadVersionedPlan } from './plan-repository';
import { ownPlan, planNotFound, staleVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';

/** The JQL that finds every issue linked to a plan, through the `support-plan` property's search alias. */
export const linkedIssuesJql = (planId: string): string => `supportPlan = "${planId}"`;

/**
 * Deletes a plan with its history — refused while any issue links to it (Jira is asked as
 * the app, so issues the caller can't see count too) or while it is the project's default.
 */
export async function deletePlan(
  ports: PlanWritePorts & { readonly appJira: JiraPort; readonly aggregates: PlanAggregates },
  context: PlanWriteContext,
  request: PlanVersionRef,
): Promise<Outcome<{ planId: string }>> {
  const found = ownPlan(await loadVersionedPlan(ports.store, request.planId), context.project);
  if (found === undefined) return planNotFound(request.planId);
  if (found.stored.version !== request.expectedVersion) return staleVersion(found.stored, request.expectedVersion);
  const settings = await loadProjectSettings(ports.store, context.project.id);
  if (settings.defaultPlanId === request.planId) {
    return fail('PLAN_IN_USE', 'This plan is the project\'s default plan for new issues. Choose another default (or none) first.');
  }
  const linked = await ports.appJira.countIssues(linkedIssuesJql(request.planId));
  if (linked > 0) {
    return fail('PLAN_IN_USE', `${linked} issue${linked === 1 ? '' : 's'} still count${linked === 1 ? 's' : ''} against this plan. Link them to another plan or clear their plan first, or archive the plan instead.`);
  }
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

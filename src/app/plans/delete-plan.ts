import type { WorkQueue } from '../ports/queue';
import type { IssueCounter } from '../ports/jira';
import { inUse, type UseCaseOutcome } from '../refusal';
import { loadProjectSettings } from '../settings/project-settings';
import { planJql } from '../sync/linked-issues';
import type { PlanVersionRef } from './archive-plan';
import { auditEntry, nextVersion, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { loadPlanInProject } from './plan-in-project';
import { purgeJobOf, requestPurge } from './purge-plan';

export interface DeletePlanPorts extends PlanWritePorts {
  readonly appJira: IssueCounter;
  readonly queue: WorkQueue;
}

/**
 * Deletes a plan — refused while any issue of the project links to it (Jira is asked as the
 * app, so issues the caller can't see count too; another project's issues naming the plan
 * never count, so they can't block it) or while it is the project's default. The plan is
 * marked `deleting` at once (gone for every read and write; its key stays taken) and a queued
 * purge deletes everything it owns; the key is free again when the purge has finished.
 */
export async function deletePlan(ports: DeletePlanPorts, context: PlanWriteContext, request: PlanVersionRef): Promise<UseCaseOutcome<{ planId: string }>> {
  const loaded = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.planId);
  if (!loaded.ok) return loaded;
  const current = loaded.data.stored;
  if (current.version !== request.expectedVersion) return staleVersion(current, request.expectedVersion);
  const settings = await loadProjectSettings(ports.store, context.project.id);
  if (settings.defaultPlanId === request.planId) return inUse({ what: 'default-plan' });
  const linked = await ports.appJira.countIssues(planJql({ planId: request.planId, projectId: context.project.id }));
  if (linked > 0) return inUse({ what: 'linked-issues', count: linked });
  const stored = nextVersion(current, { status: 'deleting' }, ports, context.actor);
  const audit = auditEntry(stored, 'deleted', [{ path: 'status', before: current.status, after: stored.status }]);
  const written = await writePlanVersion(ports, { stored, previous: loaded.data.storeVersion, audit }, staleVersion(current, request.expectedVersion));
  if (!written.ok) return written;
  await requestPurge(ports, purgeJobOf(stored));
  return { ok: true, data: { planId: request.planId } };
}

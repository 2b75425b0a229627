import type { StoredPlan } from '../../contract';
import type { UseCaseOutcome } from '../refusal';
import { loadPlanInProject } from './plan-in-project';
import { auditEntry, nextVersion, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';

export interface PlanVersionRef {
  readonly planId: string;
  readonly expectedVersion: number;
}

/**
 * Retires a plan: it stays readable with its history and statements, but is no longer
 * offered for new links. Archiving an archived plan changes nothing.
 */
export async function archivePlan(ports: PlanWritePorts, context: PlanWriteContext, request: PlanVersionRef): Promise<UseCaseOutcome<StoredPlan>> {
  const found = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.planId);
  if (!found.ok) return found;
  const current = found.data.stored;
  if (current.version !== request.expectedVersion) return staleVersion(current, request.expectedVersion);
  if (current.status === 'archived') return { ok: true, data: current };
  const stored = nextVersion(current, { status: 'archived' }, ports, context.actor);
  const audit = auditEntry(stored, 'archived', [{ path: 'status', before: current.status, after: stored.status }]);
  return writePlanVersion(ports, { stored, previous: found.data.storeVersion, audit }, staleVersion(current, request.expectedVersion));
}

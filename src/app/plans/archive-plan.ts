import type { Outcome, StoredPlan } from '../../contract';
import { loadVersionedPlan } from './plan-repository';
import { auditEntry, nextVersion, ownPlan, planNotFound, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';

export interface PlanVersionRef {
  readonly planId: string;
  readonly expectedVersion: number;
}

/**
 * Retires a plan: it stays readable with its history and statements, but is no longer
 * offered for new links. Archiving an archived plan changes nothing.
 */
export async function archivePlan(ports: PlanWritePorts, context: PlanWriteContext, request: PlanVersionRef): Promise<Outcome<StoredPlan>> {
  const found = ownPlan(await loadVersionedPlan(ports.store, request.planId), context.project);
  if (found === undefined) return planNotFound(request.planId);
  const current = found.stored;
  if (current.version !== request.expectedVersion) return staleVersion(current, request.expectedVersion);
  if (current.status === 'archived') return { ok: true, data: current };
  const stored = nextVersion(current, { status: 'archived' }, ports, context.actor);
  const audit = auditEntry(stored, 'archived', [{ path: 'status', before: current.status, after: stored.status }]);
  return writePlanVersion(ports.store, { stored, previous: found.storeVersion, audit }, staleVersion(current, request.expectedVersion));
}

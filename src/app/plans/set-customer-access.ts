import { customerAccessOf, type CustomerAccess, type StoredPlan } from '../../contract';
import { conflict, type UseCaseOutcome } from '../refusal';
import { diffJson } from './diff-json';
import { loadPlanInProject } from './plan-in-project';
import { auditEntry, nextVersion, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { toJsonValue } from './to-json-value';

export interface SetCustomerAccessRequest {
  readonly planId: string;
  readonly expectedVersion: number;
  readonly customerAccess: CustomerAccess;
}

/**
 * Changes who sees the plan in the customer portal, as of now: a setting, not a term, so no period and no closed
 * statement is touched. The plan's revision grows and its history names each changed setting; the same access again
 * writes nothing.
 */
export async function setCustomerAccess(ports: PlanWritePorts, context: PlanWriteContext, request: SetCustomerAccessRequest): Promise<UseCaseOutcome<StoredPlan>> {
  const found = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.planId);
  if (!found.ok) return found;
  const current = found.data.stored;
  if (current.version !== request.expectedVersion) return staleVersion(current, request.expectedVersion);
  if (current.status === 'archived') return conflict({ what: 'plan-archived', planName: current.plan.name });
  const before = toJsonValue({ customerAccess: customerAccessOf(current) });
  const after = toJsonValue({ customerAccess: request.customerAccess });
  const changes = diffJson(before, after);
  if (changes.length === 0) return { ok: true, data: current };
  const stored = nextVersion(current, { customerAccess: request.customerAccess }, ports, context.actor);
  return writePlanVersion(ports, { stored, previous: found.data.storeVersion, audit: auditEntry(stored, 'updated', changes) }, staleVersion(current, request.expectedVersion));
}

import type { StoredPlan } from '../../contract';
import type { Plan } from '../../ledger/types';
import type { PlanAggregates } from '../ports/aggregates';
import { conflict, type UseCaseOutcome } from '../refusal';
import { diffJson } from './diff-json';
import { loadPlanInProject } from './plan-in-project';
import { internalIdOf } from './plan-repository';
import { auditEntry, nextVersion, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { toJsonValue } from './to-json-value';

export interface UpdatePlanRequest {
  readonly expectedVersion: number;
  readonly plan: Plan;
}

/**
 * Replaces the plan's definition if the caller read the current version; records what changed.
 * An update that changes nothing writes nothing and keeps the version.
 */
export async function updatePlan(
  ports: PlanWritePorts & { readonly aggregates: PlanAggregates },
  context: PlanWriteContext,
  request: UpdatePlanRequest,
): Promise<UseCaseOutcome<StoredPlan>> {
  const found = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.plan.id);
  if (!found.ok) return found;
  const current = found.data.stored;
  if (current.version !== request.expectedVersion) return staleVersion(current, request.expectedVersion);
  if (current.status === 'archived') return conflict({ what: 'plan-archived', planName: current.plan.name });
  const changes = diffJson(toJsonValue(current.plan), toJsonValue(request.plan));
  if (changes.length === 0) return { ok: true, data: current };
  const stored = nextVersion(current, { plan: request.plan }, ports, context.actor);
  const written = await writePlanVersion(
    ports.store,
    { stored, previous: found.data.storeVersion, audit: auditEntry(stored, 'updated', changes) },
    staleVersion(current, request.expectedVersion),
  );
  if (written.ok) await ports.aggregates.planChanged(internalIdOf(stored));
  return written;
}

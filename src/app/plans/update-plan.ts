import { fail, type Outcome, type StoredPlan } from '../../contract';
import type { Plan } from '../../ledger/types';
import type { PlanAggregates } from '../ports/aggregates';
import { diffJson } from './diff-json';
import { loadVersionedPlan } from './plan-repository';
import { auditEntry, nextVersion, ownPlan, planNotFound, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
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
): Promise<Outcome<StoredPlan>> {
  const found = ownPlan(await loadVersionedPlan(ports.store, request.plan.id), context.project);
  if (found === undefined) return planNotFound(request.plan.id);
  const current = found.stored;
  if (current.version !== request.expectedVersion) return staleVersion(current, request.expectedVersion);
  if (current.status === 'archived') return fail('CONFLICT', `The plan "${current.plan.name}" is archived; archived plans can't be edited.`);
  const changes = diffJson(toJsonValue(current.plan), toJsonValue(request.plan));
  if (changes.length === 0) return { ok: true, data: current };
  const stored = nextVersion(current, { plan: request.plan }, ports, context.actor);
  const written = await writePlanVersion(
    ports.store,
    { stored, previous: found.storeVersion, audit: auditEntry(stored, 'updated', changes) },
    staleVersion(current, request.expectedVersion),
  );
  if (written.ok) await ports.aggregates.planChanged(stored.plan.id);
  return written;
}

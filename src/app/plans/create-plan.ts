import { fail, type Outcome, type StoredPlan } from '../../contract';
import type { Plan } from '../../ledger/types';
import { diffJson } from './diff-json';
import { auditEntry, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { projectPlanIndexKey } from './plan-keys';
import { loadPlan } from './plan-repository';
import { toJsonValue } from './to-json-value';

function idTaken(planId: string) {
  return fail('CONFLICT', `A plan with the id "${planId}" already exists on this site. Plan ids are unique across projects: choose another.`, [
    { path: 'plan.id', message: 'is already used by another plan' },
  ]);
}

/** Stores a new plan, version 1, owned by the caller's project. */
export async function createPlan(ports: PlanWritePorts, context: PlanWriteContext, plan: Plan): Promise<Outcome<StoredPlan>> {
  if ((await loadPlan(ports.store, plan.id)) !== undefined) return idTaken(plan.id);
  const now = ports.clock.now();
  const stored: StoredPlan = {
    plan,
    projectId: context.project.id,
    projectKey: context.project.key,
    status: 'active',
    version: 1,
    createdAt: now,
    createdBy: context.actor.accountId,
    updatedAt: now,
    updatedBy: context.actor.accountId,
  };
  const audit = auditEntry(stored, 'created', diffJson(undefined, toJsonValue(plan)));
  const index = { set: { key: projectPlanIndexKey(context.project.id, plan.id), value: true } };
  return writePlanVersion(ports.store, { stored, previous: null, audit, extra: [index] }, idTaken(plan.id));
}

import type { StoredPlan } from '../../contract';
import type { Plan } from '../../ledger/types';
import { conflict, type UseCaseOutcome } from '../refusal';
import { diffJson } from './diff-json';
import { auditEntry, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { projectPlanIndexKey } from './plan-keys';
import { toJsonValue } from './to-json-value';

/**
 * Stores a new plan, version 1, owned by the caller's project. The write is conditional on no
 * plan having the key yet, so the key check and the write are one step.
 */
export async function createPlan(ports: PlanWritePorts, context: PlanWriteContext, plan: Plan): Promise<UseCaseOutcome<StoredPlan>> {
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
  return writePlanVersion(ports.store, { stored, previous: null, audit, extra: [index] }, conflict({ what: 'plan-key-taken', planId: plan.id }));
}

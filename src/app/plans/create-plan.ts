import type { StoredPlan } from '../../contract';
import type { Plan } from '../../ledger/types';
import { conflict, type UseCaseOutcome } from '../refusal';
import { diffJson } from './diff-json';
import { auditEntry, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { planInternalKey, projectPlanIndexKey } from './plan-keys';
import type { TransactOperation } from '../ports/store';
import { toJsonValue } from './to-json-value';

export interface CreatePlanPorts extends PlanWritePorts {
  /** A fresh random id (a UUID): the new plan's permanent internal id. */
  readonly newId: () => string;
}

/**
 * Stores a new plan, version 1, owned by the caller's project, under a new internal id. The
 * write is conditional on no plan having the key yet — including a deleted plan whose purge
 * has not finished — so the key check and the write are one step.
 */
export async function createPlan(ports: CreatePlanPorts, context: PlanWriteContext, plan: Plan): Promise<UseCaseOutcome<StoredPlan>> {
  const now = ports.clock.now();
  const internalId = ports.newId();
  const stored: StoredPlan = {
    plan,
    terms: [{ version: 1, from: plan.startDate.slice(0, 7), madeAt: now, madeBy: context.actor.accountId, planVersion: 1 }],
    internalId,
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
  const extra: TransactOperation[] = [
    { set: { key: projectPlanIndexKey(context.project.id, plan.id), value: true } },
    { set: { key: planInternalKey(internalId), value: { planKey: plan.id }, ifVersion: null } },
  ];
  return writePlanVersion(ports, { stored, previous: null, audit, extra }, conflict({ what: 'plan-key-taken', planId: plan.id }));
}

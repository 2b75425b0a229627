import type { StoredPlan } from '../../contract';
import { conflict, type Refused, type UseCaseOutcome } from '../refusal';
import type { PlanVersionRef } from './archive-plan';
import { diffJson } from './diff-json';
import { loadPlanInProject } from './plan-in-project';
import { auditEntry, nextVersion, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { toJsonValue } from './to-json-value';

/** A plan's current settings: they say who sees it, which requests link to it and what happens when its hours run out, and change no figure. */
export type PlanSettings = Partial<Pick<StoredPlan, 'customerAccess' | 'organizationIds' | 'hardStop'>>;

export interface SettingChange {
  /** The settings as the plan has them now, defaults filled in, in the shape of `after`. */
  readonly before: (current: StoredPlan) => PlanSettings;
  readonly after: PlanSettings;
  /** Checked only when something changes. */
  readonly refusal?: (current: StoredPlan) => Promise<Refused | undefined>;
}

/**
 * Changes current settings of an active plan, as of now: settings are not terms, so no period and no closed
 * statement is touched. The plan's revision grows and its history names each changed setting; the same settings
 * again write nothing.
 */
export async function changePlanSetting(ports: PlanWritePorts, context: PlanWriteContext, ref: PlanVersionRef, setting: SettingChange): Promise<UseCaseOutcome<StoredPlan>> {
  const found = await loadPlanInProject(ports.store, { projectId: context.project.id }, ref.planId);
  if (!found.ok) return found;
  const current = found.data.stored;
  if (current.version !== ref.expectedVersion) return staleVersion(current, ref.expectedVersion);
  if (current.status === 'archived') return conflict({ what: 'plan-archived', planName: current.plan.name });
  const changes = diffJson(toJsonValue(setting.before(current)), toJsonValue(setting.after));
  if (changes.length === 0) return { ok: true, data: current };
  const refused = await setting.refusal?.(current);
  if (refused) return refused;
  const stored = nextVersion(current, setting.after, ports, context.actor);
  return writePlanVersion(ports, { stored, previous: found.data.storeVersion, audit: auditEntry(stored, 'updated', changes) }, staleVersion(current, ref.expectedVersion));
}

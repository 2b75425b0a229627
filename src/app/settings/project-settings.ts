import { fail, projectSettingsSchema, type Outcome, type ProjectSettings } from '../../contract';
import { StoreError, type Store } from '../ports/store';
import { loadPlan } from '../plans/plan-repository';
import type { ProjectRef } from '../plans/plan-write';

/** `project-settings:<projectId>` — one small record per project. */
export const projectSettingsKey = (projectId: string): string => `project-settings:${projectId}`;

const NEVER_SAVED: ProjectSettings = { defaultPlanId: null, version: 0 };

/** The project's settings; defaults (no default plan, version 0) until first saved. */
export async function loadProjectSettings(store: Store, projectId: string): Promise<ProjectSettings> {
  const value = await store.get(projectSettingsKey(projectId));
  return value === undefined ? NEVER_SAVED : projectSettingsSchema.parse(value);
}

export interface UpdateSettingsRequest {
  readonly defaultPlanId: string | null;
  readonly expectedVersion: number;
}

function stale(current: ProjectSettings, expectedVersion: number) {
  return fail('STALE_VERSION', `The project's settings were changed since you read them (version ${expectedVersion}, now ${current.version}). Reload and try again.`, [
    { path: 'expectedVersion', message: `must be ${current.version}, the settings' current version` },
  ]);
}

/** Sets the plan new issues of the project get; it must be one of the project's active plans. */
export async function updateProjectSettings(store: Store, project: ProjectRef, request: UpdateSettingsRequest): Promise<Outcome<ProjectSettings>> {
  const found = await store.getVersioned(projectSettingsKey(project.id));
  const current = found === undefined ? NEVER_SAVED : projectSettingsSchema.parse(found.value);
  if (current.version !== request.expectedVersion) return stale(current, request.expectedVersion);
  if (request.defaultPlanId !== null) {
    const plan = await loadPlan(store, request.defaultPlanId);
    if (plan === undefined || plan.projectId !== project.id || plan.status !== 'active') {
      return fail('VALIDATION_FAILED', `"${request.defaultPlanId}" is not an active plan of this project.`, [
        { path: 'defaultPlanId', message: 'must be one of the project\'s active plans' },
      ]);
    }
  }
  const next: ProjectSettings = { defaultPlanId: request.defaultPlanId, version: current.version + 1 };
  try {
    await store.transact([{ set: { key: projectSettingsKey(project.id), value: next, ifVersion: found?.version ?? null } }]);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return stale(current, request.expectedVersion);
    throw error;
  }
  return { ok: true, data: next };
}

import { projectSettingsSchema, type ProjectSettings } from '../../contract';
import { StoreError, type Store } from '../ports/store';
import { loadActivePlanInProject } from '../plans/plan-in-project';
import { stale, type UseCaseOutcome } from '../refusal';
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

/** Sets the plan new issues of the project get; it must be one of the project's active plans. */
export async function updateProjectSettings(store: Store, project: ProjectRef, request: UpdateSettingsRequest): Promise<UseCaseOutcome<ProjectSettings>> {
  const found = await store.getVersioned(projectSettingsKey(project.id));
  const current = found === undefined ? NEVER_SAVED : projectSettingsSchema.parse(found.value);
  if (current.version !== request.expectedVersion) return stale('settings', request.expectedVersion, current.version);
  if (request.defaultPlanId !== null) {
    const plan = await loadActivePlanInProject(store, project, request.defaultPlanId, 'defaultPlanId');
    if (!plan.ok) return plan;
  }
  const next: ProjectSettings = { defaultPlanId: request.defaultPlanId, version: current.version + 1 };
  try {
    await store.transact([{ set: { key: projectSettingsKey(project.id), value: next, ifVersion: found?.version ?? null } }]);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return stale('settings', request.expectedVersion, current.version);
    throw error;
  }
  return { ok: true, data: next };
}

/**
 * What the gadget's edit view offers: projects that have active plans and that the caller may
 * browse, each with those plans. The store says which projects have plans; Jira, asked as the
 * caller once per such project, says which of them they may see.
 */
import { GADGET_OPTIONS_MAX_PROJECTS, type GadgetProjectOption, type HandlerDataOf } from '../../contract';
import type { Store } from '../ports/store';
import { listEveryProjectsPlans } from '../plans/plan-repository';

/** Every project's active plans, from the store alone, ordered by project key then plan name. */
export async function projectsWithActivePlans(store: Store): Promise<GadgetProjectOption[]> {
  const plans = await listEveryProjectsPlans(store);
  const byProject = new Map<string, GadgetProjectOption>();
  for (const stored of plans) {
    if (stored.status !== 'active') continue;
    const project = byProject.get(stored.projectId) ?? { projectId: stored.projectId, projectKey: stored.projectKey, plans: [] };
    project.plans.push({ planId: stored.plan.id, planName: stored.plan.name });
    byProject.set(stored.projectId, project);
  }
  const projects = [...byProject.values()].sort((a, b) => a.projectKey.localeCompare(b.projectKey));
  for (const project of projects) project.plans.sort((a, b) => a.planName.localeCompare(b.planName) || a.planId.localeCompare(b.planId));
  return projects;
}

/**
 * The options for the caller: at most {@link GADGET_OPTIONS_MAX_PROJECTS} projects are checked,
 * one `canBrowse` call (a Jira call) each, all at once.
 */
export async function gadgetOptions(
  store: Store,
  canBrowse: (projectId: string) => Promise<boolean>,
): Promise<HandlerDataOf<'gadget/options'>> {
  const all = await projectsWithActivePlans(store);
  const checked = all.slice(0, GADGET_OPTIONS_MAX_PROJECTS);
  const visible = await Promise.all(checked.map((project) => canBrowse(project.projectId)));
  return { projects: checked.filter((_, index) => visible[index] === true), truncated: all.length > checked.length };
}

import type { GadgetConfiguration, GadgetProjectOption } from '@contract/index';

/**
 * What the pickers start on: the saved project and plan when both are still offered; else the
 * saved project when offered (plan to choose); else the only project, if there is just one.
 */
export function initialChoice(projects: readonly GadgetProjectOption[], saved: GadgetConfiguration): GadgetConfiguration {
  const project = projects.find((candidate) => candidate.projectKey === saved.projectKey) ?? (projects.length === 1 ? projects[0] : undefined);
  if (project === undefined) return { projectKey: '', planId: '' };
  const plan = project.plans.find((candidate) => candidate.planId === saved.planId) ?? (project.plans.length === 1 ? project.plans[0] : undefined);
  return { projectKey: project.projectKey, planId: plan?.planId ?? '' };
}

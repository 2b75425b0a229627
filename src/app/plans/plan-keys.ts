/**
 * Where plans live in the store. Plan ids are slugs (see the contract), so they are valid
 * key parts as they are.
 *
 * - `plan:<planId>` — the current version of the plan (site-wide, so ids are unique).
 * - `plan-audit:<planId>:<version>` — one audit entry per version, zero-padded to sort.
 * - `project-plans:<projectId>:<planId>` — the project's index of its plans.
 */

export const planKey = (planId: string): string => `plan:${planId}`;

export const planAuditPrefix = (planId: string): string => `plan-audit:${planId}:`;

export const planAuditKey = (planId: string, version: number): string =>
  `${planAuditPrefix(planId)}${String(version).padStart(6, '0')}`;

/** Every project's plan index entries. */
export const ALL_PROJECT_PLANS_PREFIX = 'project-plans:';

export const projectPlansPrefix = (projectId: string): string => `${ALL_PROJECT_PLANS_PREFIX}${projectId}:`;

export const projectPlanIndexKey = (projectId: string, planId: string): string => `${projectPlansPrefix(projectId)}${planId}`;

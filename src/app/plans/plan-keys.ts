/**
 * Where plans live in the store. Plan ids are slugs (see the contract), so they are valid
 * key parts as they are.
 *
 * - `plan:<planKey>` — the current version of the plan (site-wide, so keys are unique), by its key.
 * - `plan-internal:<internalId>` — which key the plan with this internal id has (plans stored
 *   before internal ids have none: their internal id is their key).
 * - `plan-audit:<internalId>:<version>` — one audit entry per version, zero-padded to sort.
 * - `project-plans:<projectId>:<planKey>` — the project's index of its plans.
 *
 * Every other record of a plan (aggregates, closed periods, alerts) is keyed by its internal id.
 */

export const planKey = (planId: string): string => `plan:${planId}`;

export const planInternalKey = (internalId: string): string => `plan-internal:${internalId}`;

export const planAuditPrefix = (planId: string): string => `plan-audit:${planId}:`;

export const planAuditKey = (planId: string, version: number): string =>
  `${planAuditPrefix(planId)}${String(version).padStart(6, '0')}`;

/** Every project's plan index entries. */
export const ALL_PROJECT_PLANS_PREFIX = 'project-plans:';

export const projectPlansPrefix = (projectId: string): string => `${ALL_PROJECT_PLANS_PREFIX}${projectId}:`;

export const projectPlanIndexKey = (projectId: string, planId: string): string => `${projectPlansPrefix(projectId)}${planId}`;

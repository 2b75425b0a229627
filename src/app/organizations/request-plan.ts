/**
 * Which plan a service request counts against, by precedence: a plan chosen on the issue by hand, then the plan of
 * the request's organisation, then the project's default plan (docs/guide/admin.md). Pure: the callers read Jira and
 * the store, this decides.
 */

import type { LinkOrigin } from '../ports/jira';

export interface CurrentLink {
  readonly planId: string;
  readonly linkedBy: LinkOrigin;
}

export interface RequestPlanFacts {
  /** The link now; null when it has none. */
  readonly current: CurrentLink | null;
  /** The request's organisation ids (its Organizations field). */
  readonly organizationIds: readonly string[];
  /** Organisation id → the key of the project's active plan that names it. */
  readonly planOfOrganization: ReadonlyMap<string, string>;
  /** The project's default plan's key, when it has an active one. */
  readonly defaultPlanId: string | null;
}

/** What the link should be; null: no link. */
export type RequestPlan = { readonly planId: string; readonly linkedBy: 'organization' | 'project-default' } | null;

/** What to do with the link: leave it as it is, or make it `plan`. */
export type LinkDecision = { readonly action: 'keep' } | { readonly action: 'set'; readonly plan: RequestPlan };

/**
 * A link set by hand is never moved. Otherwise the organisations decide; when the request names organisations of
 * different plans, the organisation with the lowest id wins (one rule, the same on every run, whatever order Jira
 * lists them in). With no organisation's plan, the project's default plan; with neither, no link.
 */
export function requestPlan(facts: RequestPlanFacts): LinkDecision {
  if (facts.current?.linkedBy === 'hand') return { action: 'keep' };
  const wanted = organizationPlan(facts) ?? (facts.defaultPlanId === null ? null : { planId: facts.defaultPlanId, linkedBy: 'project-default' as const });
  const same = wanted === null ? facts.current === null : facts.current?.planId === wanted.planId && facts.current.linkedBy === wanted.linkedBy;
  return same ? { action: 'keep' } : { action: 'set', plan: wanted };
}

function organizationPlan({ organizationIds, planOfOrganization }: RequestPlanFacts): RequestPlan {
  const claimed = organizationIds.filter((id) => planOfOrganization.has(id)).sort(byNumericId);
  const first = claimed[0];
  const planId = first === undefined ? undefined : planOfOrganization.get(first);
  return planId === undefined ? null : { planId, linkedBy: 'organization' };
}

function byNumericId(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Scope at entry: where the sync side (events, recomputes, reconciliation) decides whether a
 * `support-plan` property counts. Anyone who may edit an issue can write any plan id into it,
 * so the property is a claim, not a fact: it counts only when it names a plan of the issue's
 * own project. Anything else is ignored for billing, creates no stored record for the plan it
 * names, and is listed for the issue's project admins to repair.
 */
import type { StoredPlan } from '../../contract';
import type { IssueFacts } from '../aggregates/aggregate-codec';
import type { PlacementTarget } from '../aggregates/place-issue';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf, loadPlan, loadPlanByInternalId } from '../plans/plan-repository';
import type { PlanInternalId } from '../plans/plan-identity';
import type { IssueSummary } from '../ports/jira';
import type { Store } from '../ports/store';
import { forgetInvalidLink, recordInvalidLink } from './invalid-links';

/** A property's plan id is kept for the repair list at most this long (it may be any text). */
const SHOWN_PLAN_ID_LENGTH = 120;

/**
 * Where the issue's worklogs belong, as Jira describes the issue now (project and property):
 * the plan it names if that is a plan of its project; null otherwise (no property, or one
 * naming a plan the project does not have — then it is recorded for repair).
 */
export async function scopedTarget(store: Store, issue: IssueSummary, now: number): Promise<PlacementTarget | null> {
  const { link } = issue;
  if (link === null) {
    await forgetInvalidLink(store, issue.projectId, issue.id);
    return null;
  }
  const plan = await loadPlanInProject(store, { projectId: issue.projectId }, link.planId, 'support-plan');
  if (!plan.ok) {
    await recordInvalidLink(store, issue.projectId, { issueId: issue.id, issueKey: issue.key, planId: link.planId.slice(0, SHOWN_PLAN_ID_LENGTH) }, now);
    return null;
  }
  await forgetInvalidLink(store, issue.projectId, issue.id);
  const facts: IssueFacts = { billingClass: link.billingClass, issueKey: issue.key, summary: issue.summary };
  return { planId: internalIdOf(plan.data.stored), facts };
}

/**
 * The stored plan a background job works for (a recompute, a reconciliation, an alert), by the
 * internal id its records are keyed by; undefined when no plan has it, or the plan is being
 * deleted: then the job has nothing to count and must not create anything for it.
 */
export async function planOfJob(store: Store, internalId: string): Promise<StoredPlan | undefined> {
  const stored = await loadPlanByInternalId(store, internalId);
  return stored?.status === 'deleting' ? undefined : stored;
}

/**
 * What a job should do with records stored under an internal id that names no plan it may
 * work for: drop them (no plan has the id) or leave them to the plan's queued purge (being deleted).
 */
export async function orphanedRecordsOwner(store: Store, internalId: string): Promise<'none' | 'purge'> {
  return (await loadPlanByInternalId(store, internalId))?.status === 'deleting' ? 'purge' : 'none';
}

/** The internal id of the plan with this key, for tools that name plans by key (the preview, benchmarks); undefined when there is none. */
export async function internalIdOfKey(store: Store, planKey: string): Promise<PlanInternalId | undefined> {
  const stored = await loadPlan(store, planKey);
  return stored === undefined ? undefined : internalIdOf(stored);
}

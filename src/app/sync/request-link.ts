import type { BillingClass } from '../../ledger/types';
import { planOfOrganization } from '../organizations/organization-plans';
import { requestPlan } from '../organizations/request-plan';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import type { PlanInternalId } from '../plans/plan-identity';
import { loadProjectSettings } from '../settings/project-settings';
import type { SyncDeps } from './sync-deps';

export interface LinkedRequest {
  readonly issueId: string;
  readonly projectId: string;
}

/** A link the app wrote: the plan's key and internal id, the billing class; null when it removed the link. */
export type WrittenLink = { readonly planId: string; readonly internalId: PlanInternalId; readonly billingClass: BillingClass } | null;

/** What following the precedence did: `unchanged` with the plan it stays on (null when unknown or none), or the link it wrote. */
export type RequestLinkOutcome = { readonly kind: 'unchanged'; readonly planId: string | null } | { readonly kind: 'written'; readonly link: WrittenLink };

/**
 * Brings the issue's link in line with the precedence (src/app/organizations/request-plan.ts), reading everything
 * from Jira and the store as it is now, so a duplicated, late or out-of-order event does the right thing or nothing.
 * Writes the `support-plan` property (recording how it was set) or deletes it; the caller updates the aggregates.
 */
export async function followRequestLink(deps: SyncDeps, request: LinkedRequest): Promise<RequestLinkOutcome> {
  const defaultPlanId = await defaultPlanOf(deps, request.projectId);
  const claims = await planOfOrganization(deps.store, request.projectId);
  // A project where nothing links by itself costs no Jira call, and its links are left as they are.
  if (defaultPlanId === null && claims.size === 0) return { kind: 'unchanged', planId: null };
  const current = await deps.jira.getIssueLink(request.issueId);
  if (current?.linkedBy === 'hand') return { kind: 'unchanged', planId: current.planId };
  const organizationIds = await deps.jira.organizationsOfIssue(request.issueId);
  // The issue is gone (or hidden even from the app): nothing to follow.
  if (organizationIds === null) return { kind: 'unchanged', planId: current?.planId ?? null };
  const decision = requestPlan({ current, organizationIds, planOfOrganization: claims, defaultPlanId });
  if (decision.action === 'keep') return { kind: 'unchanged', planId: current?.planId ?? null };
  const { plan } = decision;
  if (plan === null) {
    await deps.jira.clearIssueLink(request.issueId);
    return { kind: 'written', link: null };
  }
  const stored = await loadPlanInProject(deps.store, { projectId: request.projectId }, plan.planId);
  // The plan went away since the claims were read: the next event decides again.
  if (!stored.ok) return { kind: 'unchanged', planId: current?.planId ?? null };
  const billingClass = current?.billingClass ?? 'covered';
  await deps.jira.setIssueLink(request.issueId, { planId: plan.planId, billingClass, linkedBy: plan.linkedBy });
  return { kind: 'written', link: { planId: plan.planId, internalId: internalIdOf(stored.data.stored), billingClass } };
}

/** The project's default plan, if it is still one of the project's active plans (it is checked again: nothing is trusted). */
async function defaultPlanOf(deps: SyncDeps, projectId: string): Promise<string | null> {
  const { defaultPlanId } = await loadProjectSettings(deps.store, projectId);
  if (defaultPlanId === null) return null;
  const plan = await loadPlanInProject(deps.store, { projectId }, defaultPlanId, 'defaultPlanId');
  return plan.ok && plan.data.stored.status === 'active' ? defaultPlanId : null;
}

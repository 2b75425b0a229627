import type { HandlerDataOf } from '../../contract';
import type { BillingClass } from '../../ledger/types';
import type { IssueLinkWriter } from '../ports/jira';
import { issueLinkChanged, type LinkChangeDeps } from '../sync/issue-link-changed';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { loadActivePlanInProject, loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf, type VersionedPlan } from '../plans/plan-repository';
import type { UseCaseOutcome } from '../refusal';
import type { UsagePorts } from '../usage/usage-ports';
import { issueView, type IssueViewRequest } from './issue-view';

export interface IssueLinkPorts extends UsagePorts, LinkChangeDeps {
  /** Jira as the caller, so Jira itself enforces who may edit the issue's property. */
  readonly userJira: IssueLinkWriter;
}

/**
 * Links the issue to one of its project's active plans, or changes the billing class on the plan it is
 * already on even when that plan is archived (archiving stops new links, not the care of existing ones):
 * writes the issue property, then updates the aggregates.
 */
export async function setIssueLink(
  ports: IssueLinkPorts,
  request: IssueViewRequest,
  link: { readonly planId: string; readonly billingClass: BillingClass },
): Promise<UseCaseOutcome<HandlerDataOf<'issue/get'>>> {
  const plan = await loadPlanForLink(ports, request, link.planId);
  if (!plan.ok) return plan;
  await ports.userJira.setIssueLink(request.issue.id, { planId: link.planId, billingClass: link.billingClass, linkedBy: 'hand' });
  await issueLinkChanged(ports, {
    issueId: request.issue.id,
    issueKey: request.issue.key,
    projectId: request.project.id,
    link: { planId: internalIdOf(plan.data.stored), billingClass: link.billingClass },
  });
  return issueView(ports, request);
}

async function loadPlanForLink(ports: IssueLinkPorts, request: IssueViewRequest, planId: string): Promise<UseCaseOutcome<VersionedPlan>> {
  const found = await loadPlanInProject(ports.store, { projectId: request.project.id }, planId);
  if (!found.ok || found.data.stored.status === 'active') return found;
  const current = await new AggregateReader(ports.store).link(request.issue.id);
  return current?.planId === internalIdOf(found.data.stored) ? found : loadActivePlanInProject(ports.store, request.project, planId);
}

/** Removes the issue's plan: its work stops counting against any plan. */
export async function clearIssueLink(ports: IssueLinkPorts, request: IssueViewRequest): Promise<UseCaseOutcome<HandlerDataOf<'issue/get'>>> {
  await ports.userJira.clearIssueLink(request.issue.id);
  await issueLinkChanged(ports, { issueId: request.issue.id, issueKey: request.issue.key, projectId: request.project.id, link: null });
  return issueView(ports, request);
}

import type { HandlerDataOf } from '../../contract';
import { AggregateReader } from '../aggregates/aggregate-reader';
import type { UseCaseOutcome } from '../refusal';
import { internalIdOf, listProjectPlans } from '../plans/plan-repository';
import type { ProjectRef } from '../plans/plan-write';
import { issueFigures } from '../usage/current-figures';
import { withActiveAlerts } from '../alerts/active-alerts';
import { toPlanCard } from '../usage/plan-card';
import type { UsagePorts } from '../usage/usage-ports';

export interface IssueRef {
  readonly id: string;
  readonly key: string;
}

export interface IssueViewRequest {
  readonly issue: IssueRef;
  readonly project: ProjectRef;
  /** Whether the caller holds Jira's Edit issues permission on the issue. */
  readonly canEdit: boolean;
}

/**
 * Everything the issue panel shows, from storage alone: the issue's link, its plan's current
 * card, the issue's share this period and all time, and the project's active plans.
 */
export async function issueView(ports: UsagePorts, request: IssueViewRequest): Promise<UseCaseOutcome<HandlerDataOf<'issue/get'>>> {
  const [link, plans] = await Promise.all([new AggregateReader(ports.store).link(request.issue.id), listProjectPlans(ports.store, request.project.id)]);
  const availablePlans = plans.filter((stored) => stored.status === 'active').map((stored) => ({ id: stored.plan.id, name: stored.plan.name }));
  // The stored link names the plan's internal id; the panel shows its key, and only a plan of this project.
  const plan = plans.find((stored) => internalIdOf(stored) === link?.planId);
  const base = {
    issue: { id: request.issue.id, key: request.issue.key },
    canEdit: request.canEdit,
    link: link === undefined || plan === undefined ? null : { planId: plan.plan.id, billingClass: link.billingClass },
    availablePlans,
  };
  if (plan === undefined) return { ok: true, data: { ...base, balance: null, issueUsage: null } };
  const current = await issueFigures(ports, plan, request.issue.id);
  return {
    ok: true,
    data: {
      ...base,
      balance: await withActiveAlerts(ports.store, plan, toPlanCard(plan, current.figures, ports.clock.now(), current.refreshing)),
      issueUsage: current.issueUsage,
    },
  };
}

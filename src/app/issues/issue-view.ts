import { hardStopOf, type HandlerDataOf } from '../../contract';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { readFiguresHead, readIssueUsageEntry } from '../figures/read-plan-figures';
import type { UseCaseOutcome } from '../refusal';
import { loadLinkedPlan } from '../plans/plan-in-project';
import { listProjectPlans } from '../plans/plan-repository';
import type { ProjectRef } from '../plans/plan-write';
import type { Store } from '../ports/store';
import { issueFigures } from '../usage/current-figures';
import { withActiveAlerts } from '../alerts/active-alerts';
import { toPlanCard } from '../usage/plan-card';
import type { UsagePorts } from '../usage/usage-ports';

export interface IssueRef {
  readonly id: string;
  readonly key: string;
}

/** The issue a panel is open on and its project, as the Forge context names them. */
export interface IssueTarget {
  readonly issue: IssueRef;
  readonly project: ProjectRef;
}

export interface IssueViewRequest extends IssueTarget {
  /** Whether the caller holds Jira's Edit issues permission on the issue. */
  readonly canEdit: boolean;
}

/** What the panel shows of the issue's plan: everything but the issue and the caller's permission. */
export type IssueBalance = Omit<HandlerDataOf<'issue/get'>, 'issue' | 'canEdit'>;

const UNLINKED: IssueBalance = { link: null, balance: null, issueUsage: null };

/**
 * The issue's plan and figures, from storage alone, in four reads whatever the plan's size, the
 * project's number of plans or the alerts raised: the issue's link, its plan's figures head (which
 * names the plan's key and holds its active alerts), then the plan and the issue's usage shard side by
 * side: three round trips.
 */
export async function issueBalance(ports: UsagePorts, target: IssueTarget): Promise<IssueBalance> {
  const link = await new AggregateReader(ports.store).link(target.issue.id);
  if (link === undefined) return UNLINKED;
  // The stored link names the plan's internal id; the panel shows its key, and only a plan of this project.
  const head = await readFiguresHead(ports.store, link.planId);
  const [plan, usage] = await Promise.all([
    loadLinkedPlan(ports.store, target.project.id, { internalId: link.planId, planKey: head.refreshed?.planKey }),
    readIssueUsageEntry(ports.store, head, link.planId, target.issue.id),
  ]);
  if (plan === undefined) return UNLINKED;
  const current = await issueFigures(ports, plan, head, { id: target.issue.id, usage });
  const { mode } = hardStopOf(plan);
  return {
    link: { planId: plan.plan.id, billingClass: link.billingClass },
    balance: await withActiveAlerts(ports.store, plan, toPlanCard(plan, current.figures, ports.clock.now(), current.refreshing), current.alerts),
    issueUsage: current.issueUsage,
    ...(mode === 'off' ? {} : { hardStop: mode }),
  };
}

/** Everything the issue panel shows first: the issue, whether the caller may change its plan, and {@link issueBalance}. */
export function issueViewData(request: IssueViewRequest, balance: IssueBalance): HandlerDataOf<'issue/get'> {
  return { issue: { id: request.issue.id, key: request.issue.key }, canEdit: request.canEdit, ...balance };
}

/** {@link issueViewData} read now: the panel's answer after a change of the issue's link. */
export async function issueView(ports: UsagePorts, request: IssueViewRequest): Promise<UseCaseOutcome<HandlerDataOf<'issue/get'>>> {
  return { ok: true, data: issueViewData(request, await issueBalance(ports, request)) };
}

/** The project's active plans an issue can be put on, by id: the panel's plan picker, read when it is shown. */
export async function linkablePlans(store: Store, project: ProjectRef): Promise<HandlerDataOf<'issue/plans'>> {
  const plans = await listProjectPlans(store, project.id);
  return { plans: plans.filter((stored) => stored.status === 'active').map((stored) => ({ id: stored.plan.id, name: stored.plan.name })) };
}

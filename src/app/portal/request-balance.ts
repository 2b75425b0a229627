/**
 * The portal's request panel: the plan the request counts against, as the customer may see it. Whether the customer
 * may view the request is asked of Jira as the customer; everything else is read as the app and from stored figures.
 */
import { customerAccessOf, type CustomerRequestBalance, type HandlerDataOf, type StoredPlan } from '../../contract';
import { parseJiraInstant } from '../../ledger/parse-jira-instant';
import type { Period } from '../../ledger/types';
import { AggregateReader, issuesOf } from '../aggregates/aggregate-reader';
import { worklogsOf } from '../aggregates/aggregate-codec';
import { shardOf } from '../aggregates/shard-of';
import { readFiguresHead, readIssueUsageEntry } from '../figures/read-plan-figures';
import { loadLinkedPlan } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import type { PeopleDirectory } from '../ports/jira';
import type { Store } from '../ports/store';
import { notFound, type UseCaseOutcome } from '../refusal';
import { issueFigures } from '../usage/current-figures';
import { toCustomerBalance } from './customer-balance';
import { plansCustomerSees } from './customer-sees';
import type { PortalPorts } from './portal-ports';

export interface PortalRequestCall {
  /** The signed-in customer, from the Forge context. */
  readonly accountId: string;
  /** The request the panel is open on, from the Forge context. */
  readonly requestKey: string;
}

/** Like Jira: a request the customer may not view does not exist for them. */
const REQUEST_HIDDEN = notFound({ what: 'request' });

type Answer = HandlerDataOf<'portal/request'>;
const NOTHING_SHOWN: UseCaseOutcome<Answer> = { ok: true, data: { balance: null } };

/**
 * The request's plan this period, if the customer may view the request and see the plan: otherwise nothing, the same
 * whether the request has no plan, counts as non-billable work, or its plan is hidden from them.
 */
export async function requestBalance(ports: PortalPorts, call: PortalRequestCall): Promise<UseCaseOutcome<Answer>> {
  if (!(await ports.customerJira.customerCanViewRequest(call.requestKey))) return REQUEST_HIDDEN;
  const issue = await ports.appJira.getIssue(call.requestKey);
  if (issue === null) return REQUEST_HIDDEN;
  const link = await new AggregateReader(ports.store).link(issue.id);
  // Non-billable work is the team's own: a customer learns nothing of it, not even its plan.
  if (link === undefined || link.billingClass === 'non-billable') return NOTHING_SHOWN;
  const head = await readFiguresHead(ports.store, link.planId);
  const [plan, usageEntry] = await Promise.all([
    loadLinkedPlan(ports.store, issue.projectId, { internalId: link.planId, planKey: head.refreshed?.planKey }),
    readIssueUsageEntry(ports.store, head, link.planId, issue.id),
  ]);
  if (plan === undefined || (await plansCustomerSees(ports.appJira, call.accountId, [plan])).length === 0) return NOTHING_SHOWN;
  const access = customerAccessOf(plan);
  const current = await issueFigures(ports, plan, head, { id: issue.id, usage: usageEntry });
  const usage = current.issueUsage.period;
  const balance: CustomerRequestBalance = {
    ...toCustomerBalance(plan, current.figures, ports.clock.now(), current.refreshing, access),
    // A covered worklog's seconds include the part that went over the plan (its overage): counted once.
    requestSeconds: usage.coveredSeconds + usage.extraSeconds,
    workedBy: access.showAgentNames ? await workedBy(ports.store, ports.appJira, plan, issue.id, current.figures.period) : null,
  };
  return { ok: true, data: { balance } };
}

/** The names of the people who logged work on the issue in the period, from the plan's stored work (one shard's values). */
async function workedBy(store: Store, people: PeopleDirectory, plan: StoredPlan, issueId: string, period: Period): Promise<string[]> {
  const reader = new AggregateReader(store);
  const head = await reader.head(internalIdOf(plan));
  if (head === undefined) return [];
  const parts = await reader.shardParts(internalIdOf(plan), head.generation, shardOf(issueId, head.shardCount));
  const entry = issuesOf(parts).get(issueId);
  if (entry === undefined) return [];
  const authors = new Set(
    worklogsOf(entry, issueId)
      .filter((worklog) => {
        const started = parseJiraInstant(worklog.started, 'started');
        return started >= period.start && started < period.end;
      })
      .flatMap((worklog) => (worklog.author === undefined ? [] : [worklog.author.accountId])),
  );
  if (authors.size === 0) return [];
  const named = await people.peopleByAccountId([...authors]);
  return named.map((person) => person.displayName).sort((a, b) => a.localeCompare(b));
}

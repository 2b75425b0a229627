import type { IssueLink, JiraWorklog } from '../../ledger/types';
import type { PlanIdentity } from '../plans/plan-identity';
import type { Store } from '../ports/store';
import { AggregateReader } from './aggregate-reader';
import { attributesOf, factsOf, worklogsOf, type IssueEntry } from './aggregate-codec';
import { timedAttributesOf } from './attribute-history';

/** The ledger's input for one plan: every issue linked to it (with its priority and types over time) and every worklog on those issues. */
export interface PlanLedgerInput {
  readonly links: readonly IssueLink[];
  readonly worklogs: readonly JiraWorklog[];
}

/** The plan's links and worklogs from its live generation (stored by internal id, linked by key): what the ledger needs, without Jira. */
export async function loadPlanLedgerInput(store: Store, plan: PlanIdentity): Promise<PlanLedgerInput> {
  const reader = new AggregateReader(store);
  const head = await reader.head(plan.internalId);
  if (head === undefined) return { links: [], worklogs: [] };
  return ledgerInputOf(plan.key, await reader.issues(plan.internalId, head.generation));
}

function ledgerInputOf(planId: string, issues: ReadonlyMap<string, IssueEntry>): PlanLedgerInput {
  const links: IssueLink[] = [];
  const worklogs: JiraWorklog[] = [];
  for (const [issueId, entry] of issues) {
    const { billingClass, issueKey, summary } = factsOf(entry);
    const attributes = timedAttributesOf(attributesOf(entry));
    links.push({
      issueId,
      planId,
      billingClass,
      ...(issueKey === '' ? {} : { issueKey }),
      ...(summary === '' ? {} : { issueSummary: summary }),
      ...(attributes.length === 0 ? {} : { attributes }),
    });
    worklogs.push(...worklogsOf(entry, issueId));
  }
  return { links, worklogs };
}

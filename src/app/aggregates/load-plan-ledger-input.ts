import type { IssueLink, JiraWorklog } from '../../ledger/types';
import type { PlanIdentity } from '../plans/plan-identity';
import type { Store } from '../ports/store';
import { AggregateReader, type StoredPart } from './aggregate-reader';
import { entriesOf, factsOf, worklogsOf } from './aggregate-codec';

/** The ledger's input for one plan: every issue linked to it and every worklog on those issues. */
export interface PlanLedgerInput {
  readonly links: readonly IssueLink[];
  readonly worklogs: readonly JiraWorklog[];
}

/** The plan's links and worklogs from its live generation (stored by internal id, linked by key): what the ledger needs, without Jira. */
export async function loadPlanLedgerInput(store: Store, plan: PlanIdentity): Promise<PlanLedgerInput> {
  const reader = new AggregateReader(store);
  const head = await reader.head(plan.internalId);
  if (head === undefined) return { links: [], worklogs: [] };
  return ledgerInputOf(plan.key, await reader.parts(plan.internalId, head.generation));
}

/**
 * An issue is in one part of a generation, except after a recompute chunk that was retried on
 * changed data: then the later part's link wins, and the ledger keeps each worklog's latest version.
 */
function ledgerInputOf(planId: string, parts: readonly StoredPart[]): PlanLedgerInput {
  const links = new Map<string, IssueLink>();
  const worklogs: JiraWorklog[] = [];
  for (const { part } of parts) {
    for (const [issueId, entry] of entriesOf(part)) {
      const { billingClass, issueKey, summary } = factsOf(entry);
      links.set(issueId, {
        issueId,
        planId,
        billingClass,
        ...(issueKey === '' ? {} : { issueKey }),
        ...(summary === '' ? {} : { issueSummary: summary }),
      });
      worklogs.push(...worklogsOf(entry, issueId));
    }
  }
  return { links: [...links.values()], worklogs };
}

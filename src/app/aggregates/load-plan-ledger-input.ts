import type { IssueLink, JiraWorklog } from '../../ledger/types';
import type { PlanLedgerInput } from '../ports/aggregates';
import type { Store } from '../ports/store';
import { AggregateReader, type StoredPart } from './aggregate-reader';
import { worklogOf } from './issue-entry';

/** The plan's links and worklogs from its live generation: what the ledger needs, without Jira. */
export async function loadPlanLedgerInput(store: Store, planId: string): Promise<PlanLedgerInput> {
  const reader = new AggregateReader(store);
  const head = await reader.head(planId);
  if (head === undefined) return { links: [], worklogs: [] };
  return ledgerInputOf(planId, await reader.parts(planId, head.generation));
}

export function ledgerInputOf(planId: string, parts: readonly StoredPart[]): PlanLedgerInput {
  const links: IssueLink[] = [];
  const worklogs: JiraWorklog[] = [];
  for (const { part } of parts) {
    for (const [issueId, entry] of Object.entries(part.i)) {
      links.push({ issueId, planId, billingClass: entry.b, ...(entry.k === '' ? {} : { issueKey: entry.k }) });
      for (const [worklogId, record] of Object.entries(entry.w)) worklogs.push(worklogOf(worklogId, issueId, record));
    }
  }
  return { links, worklogs };
}

import type { IssueLink, JiraWorklog } from '../../ledger/types';
import type { PlanIdentity } from '../plans/plan-identity';
import type { Store } from '../ports/store';
import { AggregateReader, issuesOf } from './aggregate-reader';
import { attributesOf, factsOf, worklogsOf, type IssueEntry } from './aggregate-codec';
import { timedAttributesOf } from './attribute-history';
import type { PlanHead } from './records';

/** The ledger's input for one plan: every issue linked to it (with its priority and types over time) and every worklog on those issues. */
export interface PlanLedgerInput {
  readonly links: readonly IssueLink[];
  readonly worklogs: readonly JiraWorklog[];
}

/** The plan's ledger input, and the head of the aggregate it was read from (undefined: nothing stored for the plan yet). */
export interface PlanAggregate {
  readonly input: PlanLedgerInput;
  readonly head: PlanHead | undefined;
}

/** The plan's links and worklogs from its live generation (stored by internal id, linked by key): what the ledger needs, without Jira. */
export async function loadPlanLedgerInput(store: Store, plan: PlanIdentity): Promise<PlanLedgerInput> {
  return (await loadPlanAggregate(store, plan)).input;
}

/** `loadPlanLedgerInput`, with the aggregate's head (its generation and shard count). */
export async function loadPlanAggregate(store: Store, plan: PlanIdentity): Promise<PlanAggregate> {
  const reader = new AggregateReader(store);
  const head = await reader.head(plan.internalId);
  if (head === undefined) return { input: { links: [], worklogs: [] }, head };
  return { input: ledgerInputOf(plan.key, await reader.issues(plan.internalId, head.generation)), head };
}

/** The ledger's input for the issues of some shards of the plan's live generation (`head`'s) only. */
export async function loadShardsLedgerInput(store: Store, plan: PlanIdentity, head: PlanHead, shards: Iterable<number>): Promise<PlanLedgerInput> {
  const reader = new AggregateReader(store);
  const parts = await Promise.all([...shards].map((shard) => reader.shardParts(plan.internalId, head.generation, shard)));
  return ledgerInputOf(plan.key, issuesOf(parts.flat()));
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

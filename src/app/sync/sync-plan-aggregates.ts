import type { IssueLink } from '../../ledger/types';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { loadPlanLedgerInput } from '../aggregates/load-plan-ledger-input';
import { placeIssue } from '../aggregates/place-issue';
import type { IssueLinkChange, PlanAggregates, PlanIdentity, PlanLedgerInput } from '../ports/aggregates';
import { allOf, issueIdIs, worklogOnOrAfter } from '../ports/jql';
import { requestRecompute } from './request-recompute';
import type { SyncDeps } from './sync-deps';

/**
 * The read side's view of the aggregates, and the hooks through which the app's own writes
 * (links, plan changes) keep them fresh without waiting for reconciliation.
 */
export class SyncPlanAggregates implements PlanAggregates {
  constructor(private readonly deps: SyncDeps) {}

  loadPlanLedgerInput(plan: PlanIdentity): Promise<PlanLedgerInput> {
    return loadPlanLedgerInput(this.deps.store, plan);
  }

  loadIssueLink(issueId: string): Promise<IssueLink | undefined> {
    return new AggregateReader(this.deps.store).link(issueId);
  }

  /**
   * Moves the issue's entry with its worklogs to the new plan. An issue the aggregates never
   * held may have worklogs already: if Jira finds any, the new plan is recomputed.
   */
  async issueLinkChanged(change: IssueLinkChange): Promise<void> {
    const target =
      change.link === null
        ? null
        : { planId: change.link.planId, facts: { billingClass: change.link.billingClass, issueKey: change.issueKey ?? '', summary: '' } };
    const outcome = await placeIssue(this.deps.store, { issueId: change.issueId, target }, this.deps.clock.now());
    if (target !== null && outcome.enteredEmpty && (await this.hasWorklogs(change.issueId))) {
      await requestRecompute(this.deps, target.planId);
    }
  }

  async planChanged(): Promise<void> {
    // Aggregates hold worklogs and links, not figures: a new plan version changes nothing stored.
  }

  private async hasWorklogs(issueId: string): Promise<boolean> {
    return (await this.deps.jira.countIssues(allOf(issueIdIs(issueId), worklogOnOrAfter('1970-01-01')))) > 0;
  }
}

/**
 * What the read side (resolvers' use cases) needs from the aggregates that the sync side
 * keeps fresh from Jira events, reconciliation and recomputes. Interface only: the sync
 * module (`src/app/aggregates/`) implements it over the `Store`; tests may use any other.
 *
 * Reads never call Jira: everything here comes from storage.
 */
import type { BillingClass, IssueLink, JiraWorklog } from '../../ledger/types';

/** The ledger's input for one plan: every issue linked to it and every worklog on those issues. */
export interface PlanLedgerInput {
  readonly links: readonly IssueLink[];
  readonly worklogs: readonly JiraWorklog[];
}

/**
 * A plan's internal id as only a stored plan gives it (`internalIdOf` in the plan repository):
 * the aggregates accept no other, so nothing can be stored for an id no plan has.
 */
export type PlanInternalId = string & { readonly planInternalId: unique symbol };

/** A plan as the aggregates know it: stored under its internal id, linked (in Jira and the ledger) by its key. */
export interface PlanIdentity {
  readonly internalId: PlanInternalId;
  readonly key: string;
}

/** An issue's link as the app last wrote or saw it; `null` clears it. `planId` is the plan's internal id. */
export interface IssueLinkChange {
  readonly issueId: string;
  /** Absent when the caller knows only the id (bulk linking). */
  readonly issueKey?: string;
  readonly projectId: string;
  readonly link: { readonly planId: PlanInternalId; readonly billingClass: BillingClass } | null;
}

export interface PlanAggregates {
  /** The plan's links (labelled with its key) and worklogs as currently aggregated (empty for a plan nothing links to). */
  loadPlanLedgerInput(plan: PlanIdentity): Promise<PlanLedgerInput>;

  /** The issue's current link (its `planId` is the plan's internal id), or `undefined` when the issue counts against no plan. */
  loadIssueLink(issueId: string): Promise<IssueLink | undefined>;

  /**
   * Called after the app has written (or deleted) the issue's `support-plan` property in Jira.
   * Moves the issue's worklogs out of its old plan and into the new one — at once or through
   * the queue; reads converge either way.
   */
  issueLinkChanged(change: IssueLinkChange): Promise<void>;

  /** Called after a plan's definition changed (new version): drop or rebuild anything derived from the old one. */
  planChanged(internalId: string): Promise<void>;
}

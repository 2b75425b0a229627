import type { BillingClass } from '../../ledger/types';
import { placeIssue } from '../aggregates/place-issue';
import type { PlanInternalId } from '../plans/plan-identity';
import type { IssueCounter } from '../ports/jira';
import { allOf, issueIdIs, worklogOnOrAfter } from '../ports/jql';
import { requestFiguresRefresh } from '../figures/request-figures-refresh';
import { requestRecompute } from './request-recompute';
import type { SyncDeps } from './sync-deps';

/** An issue's link as the app last wrote it; `null` clears it. `planId` is the plan's internal id. */
export interface IssueLinkChange {
  readonly issueId: string;
  /** Absent when the caller knows only the id (bulk linking). */
  readonly issueKey?: string;
  readonly projectId: string;
  readonly link: { readonly planId: PlanInternalId; readonly billingClass: BillingClass } | null;
}

/** What keeping the aggregates fresh after a link write needs: Jira as the app, only to count a new issue's work. */
export type LinkChangeDeps = Pick<SyncDeps, 'store' | 'queue' | 'clock'> & { readonly appJira: IssueCounter };

/**
 * Called after the app has written (or deleted) the issue's `support-plan` property in Jira: moves the issue's
 * entry with its worklogs to the new plan at once, without waiting for reconciliation. An issue the aggregates
 * never held may have worklogs already: if Jira finds any, the new plan is recomputed. Both plans' figures are
 * refreshed; a recompute started here refreshes its plan's at its swap, so the request is left to it (asked now,
 * while the plan is being rebuilt, it would read as a change the build missed, decision 0072).
 */
export async function issueLinkChanged(deps: LinkChangeDeps, change: IssueLinkChange): Promise<void> {
  const target =
    change.link === null ? null : { planId: change.link.planId, facts: { billingClass: change.link.billingClass, issueKey: change.issueKey ?? '', summary: '' } };
  const outcome = await placeIssue(deps.store, { issueId: change.issueId, target }, deps.clock.now());
  const recomputing = target !== null && outcome.enteredEmpty && (await hasWorklogs(deps.appJira, change.issueId)) && (await requestRecompute(deps, target.planId));
  if (target !== null && outcome.writes > 0 && !recomputing) await requestFiguresRefresh(deps, target.planId);
  if (outcome.leftPlanId !== undefined) await requestFiguresRefresh(deps, outcome.leftPlanId);
}

async function hasWorklogs(jira: IssueCounter, issueId: string): Promise<boolean> {
  return (await jira.countIssues(allOf(issueIdIs(issueId), worklogOnOrAfter('1970-01-01')))) > 0;
}

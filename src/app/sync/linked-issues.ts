import type { BillingClass } from '../../ledger/types';
import type { PlanIssueReader } from '../ports/jira';
import { allOf, billingClassIs, projectIs, supportPlanIs, type Jql, type JqlClause } from '../ports/jql';

const BILLING_CLASSES: readonly BillingClass[] = ['covered', 'extra', 'non-billable'];

/** A plan and the project it belongs to. */
export interface PlanRef {
  readonly planId: string;
  readonly projectId: string;
}

/**
 * The clauses of the plan's issues, over the indexed `support-plan` property, in the plan's own
 * project only: an issue of another project naming the plan never counts.
 */
const planClauses = (plan: PlanRef): readonly [JqlClause, JqlClause] => [supportPlanIs(plan.planId), projectIs(plan.projectId)];

/** The JQL of the plan's issues in its project. */
export const planJql = (plan: PlanRef): Jql => allOf(...planClauses(plan));

/**
 * Every issue of the plan's project that Jira links to the plan now, with its billing class: one id-only search per class
 * (5,000 ids a page), no worklogs read.
 */
export async function linkedIssues(jira: Pick<PlanIssueReader, 'searchIssueIds'>, plan: PlanRef): Promise<Map<string, BillingClass>> {
  const linked = new Map<string, BillingClass>();
  for (const billingClass of BILLING_CLASSES) {
    const jql = allOf(...planClauses(plan), billingClassIs(billingClass));
    let pageToken: string | null = null;
    do {
      const page = await jira.searchIssueIds(jql, pageToken);
      for (const issueId of page.issueIds) linked.set(issueId, billingClass);
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
  }
  return linked;
}

import type { BillingClass } from '../../ledger/types';
import type { JiraPort } from '../ports/jira';

const BILLING_CLASSES: readonly BillingClass[] = ['covered', 'extra', 'non-billable'];

/**
 * The JQL of the plan's issues, over the indexed `support-plan` property, in the plan's own
 * project only: an issue of another project naming the plan never counts. Plan ids are slugs
 * and project ids digits, so neither needs escaping.
 */
export const planJql = (plan: PlanRef): string => `supportPlan = "${plan.planId}" AND project = ${plan.projectId}`;

/** A plan and the project it belongs to. */
export interface PlanRef {
  readonly planId: string;
  readonly projectId: string;
}

/**
 * Every issue of the plan's project that Jira links to the plan now, with its billing class: one id-only search per class
 * (5,000 ids a page), no worklogs read.
 */
export async function linkedIssues(jira: JiraPort, plan: PlanRef): Promise<Map<string, BillingClass>> {
  const linked = new Map<string, BillingClass>();
  for (const billingClass of BILLING_CLASSES) {
    const jql = `${planJql(plan)} AND supportBillingClass = "${billingClass}"`;
    let pageToken: string | null = null;
    do {
      const page = await jira.searchIssueIds(jql, pageToken);
      for (const issueId of page.issueIds) linked.set(issueId, billingClass);
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
  }
  return linked;
}

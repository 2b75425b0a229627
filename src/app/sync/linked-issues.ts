import type { BillingClass } from '../../ledger/types';
import type { JiraPort } from '../ports/jira';

const BILLING_CLASSES: readonly BillingClass[] = ['covered', 'extra', 'non-billable'];

/**
 * The JQL of the plan's issues, over the indexed `support-plan` property. Plan ids with
 * aggregates are letters, digits and `._-` (see `keys.ts`), so they need no escaping.
 */
export const planJql = (planId: string): string => `supportPlan = "${planId}"`;

/**
 * Every issue Jira links to the plan now, with its billing class: one id-only search per class
 * (5,000 ids a page), no worklogs read.
 */
export async function linkedIssues(jira: JiraPort, planId: string): Promise<Map<string, BillingClass>> {
  const linked = new Map<string, BillingClass>();
  for (const billingClass of BILLING_CLASSES) {
    const jql = `${planJql(planId)} AND supportBillingClass = "${billingClass}"`;
    let pageToken: string | null = null;
    do {
      const page = await jira.searchIssueIds(jql, pageToken);
      for (const issueId of page.issueIds) linked.set(issueId, billingClass);
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
  }
  return linked;
}

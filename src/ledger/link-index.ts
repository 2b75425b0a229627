import { LedgerInputError } from './errors';
import type { IssueLink } from './types';

/**
 * The links of one plan by issue id. Two links of the same issue to this plan with different
 * billing classes would make the issue's class depend on their order, so they are refused.
 *
 * @example
 * indexLinks([{ issueId: '10001', planId: 'gold', billingClass: 'covered' }], 'gold').get('10001')?.billingClass // 'covered'
 */
export function indexLinks(links: readonly IssueLink[], planId: string): Map<string, IssueLink> {
  const byIssue = new Map<string, IssueLink>();
  links.forEach((link, position) => {
    if (link.planId !== planId) return;
    const known = byIssue.get(link.issueId);
    if (known !== undefined && known.billingClass !== link.billingClass) {
      throw new LedgerInputError(
        `links[${position}].billingClass`,
        `issue ${link.issueId} is linked to plan ${planId} as both ${known.billingClass} and ${link.billingClass}`,
      );
    }
    if (known === undefined || link.issueKey !== undefined) byIssue.set(link.issueId, link);
  });
  return byIssue;
}

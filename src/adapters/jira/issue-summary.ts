import type * as z from 'zod';
import { SUPPORT_PLAN_PROPERTY_KEY, type IssueSummary, type StoredIssueLink } from '../../app/ports/jira';
import type { IssueLink } from '../../ledger/types';
import { SupportPlanPropertySchema, type IssueSchema } from './schemas';

/** An issue as Jira answers it (with `summary`, `project` and the `support-plan` property) in the port's terms. */
export function toIssueSummary(issue: z.infer<typeof IssueSchema>): IssueSummary {
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.fields.summary,
    projectId: issue.fields.project.id,
    projectKey: issue.fields.project.key,
    link: toIssueLink(issue.id, issue.key, issue.properties?.[SUPPORT_PLAN_PROPERTY_KEY]),
  };
}

/** null when the property is absent or not a valid link (hand-edited through the REST API, say). */
export function toIssueLink(issueId: string, issueKey: string | undefined, propertyValue: unknown): IssueLink | null {
  const link = toStoredIssueLink(issueId, propertyValue);
  if (link === null) return null;
  const { planId, billingClass } = link;
  return { issueId, ...(issueKey === undefined ? {} : { issueKey }), planId, billingClass };
}

/** The link with how it was set; a link that does not say counts as set by hand. */
export function toStoredIssueLink(issueId: string, propertyValue: unknown): StoredIssueLink | null {
  const parsed = SupportPlanPropertySchema.safeParse(propertyValue);
  if (!parsed.success) return null;
  const { planId, billingClass, linkedBy = 'hand' } = parsed.data;
  return { issueId, planId, billingClass, linkedBy };
}

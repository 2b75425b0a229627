import { SUPPORT_PLAN_PROPERTY_KEY, type IssueSummary, type StoredIssueLink, type SupportPlanProperty } from '../../app/ports/jira';
import { ATTRIBUTE_SEARCH_FIELDS, attributesNowOf } from './issue-attributes';
import { toIssueSummary, toStoredIssueLink } from './issue-summary';
import type { JiraClient } from './jira-client';
import { EntityPropertySchema, IssueWithAttributesSchema } from './schemas';
import type { JiraResource } from './transport';

function propertyResource(issueIdOrKey: string): JiraResource {
  return {
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    issueIdOrKey,
    propertyKey: SUPPORT_PLAN_PROPERTY_KEY,
  };
}

/** The issue with its plan link and its priority and types now; null when it does not exist or the caller can't browse it. */
export function getIssue(client: JiraClient, issueIdOrKey: string): Promise<IssueSummary | null> {
  return client.send({
    operation: 'get-issue',
    method: 'GET',
    resource: { template: '/rest/api/3/issue/{issueIdOrKey}', issueIdOrKey },
    query: { fields: ['summary', 'project', ...ATTRIBUTE_SEARCH_FIELDS].join(','), properties: SUPPORT_PLAN_PROPERTY_KEY },
    idempotent: true,
    parse: (body): IssueSummary | null => {
      const issue = IssueWithAttributesSchema.parse(body);
      return { ...toIssueSummary(issue), attributes: attributesNowOf(issue.fields) };
    },
    countObjects: () => 1,
    onNotFound: () => null,
  });
}

export function getIssueLink(client: JiraClient, issueId: string): Promise<StoredIssueLink | null> {
  return client.send({
    operation: 'get-issue-link',
    method: 'GET',
    resource: propertyResource(issueId),
    idempotent: true,
    parse: (body) => toStoredIssueLink(issueId, EntityPropertySchema.parse(body).value),
    countObjects: () => 1,
    onNotFound: () => null,
  });
}

export async function setIssueLink(client: JiraClient, issueId: string, link: SupportPlanProperty): Promise<void> {
  await client.send({
    operation: 'set-issue-link',
    method: 'PUT',
    resource: propertyResource(issueId),
    body: { planId: link.planId, billingClass: link.billingClass, ...(link.linkedBy === undefined ? {} : { linkedBy: link.linkedBy }) },
    idempotent: false,
    parse: () => undefined,
  });
}

export async function clearIssueLink(client: JiraClient, issueId: string): Promise<void> {
  await client.send({
    operation: 'clear-issue-link',
    method: 'DELETE',
    resource: propertyResource(issueId),
    idempotent: false,
    parse: () => undefined,
    onNotFound: () => undefined,
  });
}

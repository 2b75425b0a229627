import { SUPPORT_PLAN_PROPERTY_KEY, type FoundIssuesPage } from '../../app/ports/jira';
import type { Jql } from '../../app/ports/jql';
import { toIssueLink } from './issue-summary';
import type { JiraClient } from './jira-client';
import { FoundIssuesSearchSchema } from './schemas';

/** Asked for; with a field and a property Jira answers fewer a page (the simulator 100), and paging follows `nextPageToken`. */
export const FOUND_ISSUES_PAGE_SIZE = 5000;

/** One page of the issues a JQL matches, each with its project id and `support-plan` link. */
export async function searchIssues(client: JiraClient, jql: Jql, pageToken: string | null): Promise<FoundIssuesPage> {
  const page = await client.send({
    operation: 'search-issues',
    method: 'POST',
    resource: { template: '/rest/api/3/search/jql' },
    body: {
      jql,
      fields: ['project'],
      properties: [SUPPORT_PLAN_PROPERTY_KEY],
      maxResults: FOUND_ISSUES_PAGE_SIZE,
      ...(pageToken === null ? {} : { nextPageToken: pageToken }),
    },
    idempotent: true,
    parse: (body) => FoundIssuesSearchSchema.parse(body),
    countObjects: (result) => result.issues.length,
  });
  return {
    issues: page.issues.map((issue) => ({
      id: issue.id,
      key: issue.key,
      projectId: issue.fields.project.id,
      link: toIssueLink(issue.id, issue.key, issue.properties?.[SUPPORT_PLAN_PROPERTY_KEY]),
    })),
    nextPageToken: page.nextPageToken ?? null,
  };
}

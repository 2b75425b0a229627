import type * as z from 'zod';
import { SUPPORT_PLAN_PROPERTY_KEY, type PlanIssue, type PlanIssuesPage, type PlanIssuesQuery, type WorkSpan } from '../../app/ports/jira';
import { ATTRIBUTE_SEARCH_FIELDS, attributeChangesOfIssue, attributesNowOf } from './issue-attributes';
import { readIssueWorklogs, worklogsInSpan } from './issue-worklogs';
import { toIssueSummary } from './issue-summary';
import type { JiraClient } from './jira-client';
import { planIssuesJql } from './jql';
import { PlanIssuesSearchSchema, type IssueWithWorklogsSchema } from './schemas';

/** Jira may answer fewer when many fields are asked; paging follows `nextPageToken` either way. */
export const PLAN_ISSUES_PAGE_SIZE = 100;

/**
 * One page of a plan's issues with their worklogs, and their priority, issue type and request type over time. The
 * search embeds up to 20 worklogs per issue with their total and the issue's changelog, so only an issue with more
 * worklogs costs one more (paged) worklog read, and only one with a changelog longer than the search embeds one more
 * (paged) changelog read.
 */
export async function findPlanIssuesPage(
  client: JiraClient,
  query: PlanIssuesQuery,
  pageToken: string | null,
): Promise<PlanIssuesPage> {
  const page = await client.send({
    operation: 'search',
    method: 'POST',
    resource: { template: '/rest/api/3/search/jql' },
    body: {
      jql: planIssuesJql(query),
      fields: ['summary', 'project', 'worklog', ...ATTRIBUTE_SEARCH_FIELDS],
      properties: [SUPPORT_PLAN_PROPERTY_KEY],
      expand: 'changelog',
      maxResults: PLAN_ISSUES_PAGE_SIZE,
      ...(pageToken === null ? {} : { nextPageToken: pageToken }),
    },
    idempotent: true,
    parse: (body) => PlanIssuesSearchSchema.parse(body),
    countObjects: (result) => result.issues.length,
  });
  const issues = await Promise.all(page.issues.map((issue) => withAllWorklogs(client, issue, query.span)));
  return {
    issues: issues.filter((issue) => !query.span || issue.worklogs.length > 0),
    nextPageToken: page.nextPageToken ?? null,
  };
}

async function withAllWorklogs(
  client: JiraClient,
  issue: z.infer<typeof IssueWithWorklogsSchema>,
  span: WorkSpan | undefined,
): Promise<PlanIssue> {
  const embedded = issue.fields.worklog;
  const worklogs =
    embedded && embedded.total <= embedded.worklogs.length
      ? worklogsInSpan(embedded.worklogs, span)
      : await readIssueWorklogs(client, issue.id, span);
  const attributeChanges = await attributeChangesOfIssue(client, issue.id, issue.changelog);
  return { ...toIssueSummary(issue), worklogs, attributes: attributesNowOf(issue.fields), attributeChanges };
}

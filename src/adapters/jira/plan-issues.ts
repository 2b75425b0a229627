import type * as z from 'zod';
import { SUPPORT_PLAN_PROPERTY_KEY, type PlanIssue, type PlanIssuesPage, type PlanIssuesQuery, type WorkSpan } from '../../app/ports/jira';
import { readIssueWorklogs, worklogsInSpan } from './issue-worklogs';
import { toIssueSummary } from './issue-summary';
import type { JiraClient } from './jira-client';
import { planIssuesJql } from './jql';
import { PlanIssuesSearchSchema, type IssueWithWorklogsSchema } from './schemas';

/** Jira may answer fewer when many fields are asked; paging follows `nextPageToken` either way. */
export const PLAN_ISSUES_PAGE_SIZE = 100;

/**
 * One page of a plan's issues with their worklogs. The search embeds up to 20 worklogs per
 * issue with their total, so only an issue with more costs one more (paged) worklog read.
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
      fields: ['summary', 'project', 'worklog'],
      properties: [SUPPORT_PLAN_PROPERTY_KEY],
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
  return { ...toIssueSummary(issue), worklogs };
}

import type { IssueIdsPage } from '../../app/ports/jira';
import type { Jql } from '../../app/ports/jql';
import type { JiraClient } from './jira-client';
import { IssueIdsSearchSchema } from './schemas';

/** Jira's largest page, allowed when only ids are asked for. */
export const ISSUE_IDS_PAGE_SIZE = 5000;

/** One page of the ids of the issues a JQL matches. */
export async function searchIssueIds(client: JiraClient, jql: Jql, pageToken: string | null): Promise<IssueIdsPage> {
  const page = await client.send({
    operation: 'search-ids',
    method: 'POST',
    resource: { template: '/rest/api/3/search/jql' },
    body: { jql, fields: ['id'], maxResults: ISSUE_IDS_PAGE_SIZE, ...(pageToken === null ? {} : { nextPageToken: pageToken }) },
    idempotent: true,
    parse: (body) => IssueIdsSearchSchema.parse(body),
    countObjects: (result) => result.issues.length,
  });
  return { issueIds: page.issues.map((issue) => issue.id), nextPageToken: page.nextPageToken ?? null };
}

/** How many issues a JQL matches, counted over every page of ids. */
export async function countIssues(client: JiraClient, jql: Jql): Promise<number> {
  let count = 0;
  let pageToken: string | null = null;
  do {
    const page: IssueIdsPage = await searchIssueIds(client, jql, pageToken);
    count += page.issueIds.length;
    pageToken = page.nextPageToken;
  } while (pageToken !== null);
  return count;
}

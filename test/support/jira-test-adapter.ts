/**
 * Jira calls only tests and benchmarks make: who the caller is, a project, and every page of a plan's issues at
 * once. No use case asks for them, so they are not part of the app's ports; they go through the adapter's own
 * client, with its retries, limits and counters, so a test of those sees exactly what the app's calls see.
 */
import * as z from 'zod';
import type { Project } from 'jira.js/version3/models';
import { JiraAdapter } from '../../src/adapters/jira/jira-adapter';
import type { PlanIssue, PlanIssuesPage, PlanIssuesQuery } from '../../src/app/ports/jira';

export interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  /** IANA time zone from the user's Jira profile, when Jira shares it. */
  readonly timeZone?: string;
}

export interface JiraProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

const userSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  timeZone: z.string().optional(),
}) satisfies z.ZodType<JiraUser>;

const projectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
}) satisfies z.ZodType<Pick<Project, 'id' | 'key' | 'name'>>;

export class JiraTestAdapter extends JiraAdapter {
  /** `GET /myself`. */
  currentUser(): Promise<JiraUser> {
    return this.client.send({
      operation: 'current-user',
      method: 'GET',
      resource: { template: '/rest/api/3/myself' },
      idempotent: true,
      parse: (body) => userSchema.parse(body),
      countObjects: () => 1,
    });
  }

  /** `GET /project/{idOrKey}`; null on 404. */
  getProject(projectIdOrKey: string): Promise<JiraProject | null> {
    return this.client.send({
      operation: 'get-project',
      method: 'GET',
      resource: { template: '/rest/api/3/project/{projectIdOrKey}', projectIdOrKey },
      idempotent: true,
      parse: (body): JiraProject | null => projectSchema.parse(body),
      countObjects: () => 1,
      onNotFound: () => null,
    });
  }

  /** Every page of {@link findPlanIssuesPage}, in order. */
  async findPlanIssues(query: PlanIssuesQuery): Promise<PlanIssue[]> {
    const issues: PlanIssue[] = [];
    let pageToken: string | null = null;
    do {
      const page: PlanIssuesPage = await this.findPlanIssuesPage(query, pageToken);
      issues.push(...page.issues);
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
    return issues;
  }
}

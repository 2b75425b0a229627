import * as z from 'zod';
import type { DemoUser } from '@preview/protocol';
import { previewFetch } from './preview-fetch';

/** The few Jira REST v3 calls the host page makes as the selected demo user, like Jira's own issue view. */

const issueSchema = z.object({ id: z.string(), key: z.string(), fields: z.object({ summary: z.string() }) });
const searchSchema = z.object({ issues: z.array(issueSchema), nextPageToken: z.string().optional() });
const worklogSchema = z.object({
  id: z.string(),
  started: z.string(),
  timeSpentSeconds: z.number(),
  author: z.object({ accountId: z.string(), displayName: z.string().optional() }).optional(),
});
const worklogPageSchema = z.object({ worklogs: z.array(worklogSchema) });
const transitionsSchema = z.object({ transitions: z.array(z.object({ id: z.string(), name: z.string(), to: z.object({ name: z.string() }) })) });
const errorSchema = z.object({ errorMessages: z.array(z.string()).optional(), errors: z.record(z.string(), z.string()).optional() });

export type DemoIssue = z.infer<typeof issueSchema>;

/** Whether the user may open a request in the customer portal (`GET /rest/servicedeskapi/request/{key}` as them). */
export async function canViewRequest(user: DemoUser, requestKey: string): Promise<boolean> {
  try {
    await request(user, 'GET', `/rest/servicedeskapi/request/${encodeURIComponent(requestKey)}`);
    return true;
  } catch {
    return false;
  }
}
export type DemoWorklog = z.infer<typeof worklogSchema>;
export type DemoTransition = z.infer<typeof transitionsSchema>['transitions'][number];
export interface WorklogInput {
  /** Jira's format, e.g. `2026-10-05T09:00:00.000+0200`. */
  readonly started: string;
  readonly timeSpentSeconds: number;
}

async function request(user: DemoUser, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await previewFetch(path, {
    method,
    headers: { authorization: `Basic ${btoa(`${user.email}:${user.apiToken}`)}`, accept: 'application/json' },
    body,
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) {
    const error = errorSchema.safeParse(parsed);
    const messages = error.success ? [...(error.data.errorMessages ?? []), ...Object.values(error.data.errors ?? {})] : [];
    throw new Error(messages.join(' ') || `Jira answered ${response.status}.`);
  }
  return parsed;
}

/** Every issue of the project, following Jira's pages (the demo site has more issues than a page holds). */
export async function searchIssues(user: DemoUser, projectKey: string): Promise<DemoIssue[]> {
  const issues: DemoIssue[] = [];
  let nextPageToken: string | undefined;
  do {
    const body = { jql: `project = ${projectKey} ORDER BY key ASC`, fields: ['summary'], maxResults: 100, ...(nextPageToken === undefined ? {} : { nextPageToken }) };
    const page = searchSchema.parse(await request(user, 'POST', '/rest/api/3/search/jql', body));
    issues.push(...page.issues);
    nextPageToken = page.nextPageToken;
  } while (nextPageToken !== undefined);
  return issues;
}

export async function listWorklogs(user: DemoUser, issueKey: string): Promise<DemoWorklog[]> {
  return worklogPageSchema.parse(await request(user, 'GET', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/worklog`)).worklogs;
}

export async function addWorklog(user: DemoUser, issueKey: string, input: WorklogInput): Promise<void> {
  await request(user, 'POST', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/worklog`, input);
}

export async function updateWorklog(user: DemoUser, issueKey: string, worklogId: string, input: WorklogInput): Promise<void> {
  await request(user, 'PUT', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/worklog/${encodeURIComponent(worklogId)}`, input);
}

export async function deleteWorklog(user: DemoUser, issueKey: string, worklogId: string): Promise<void> {
  await request(user, 'DELETE', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/worklog/${encodeURIComponent(worklogId)}`);
}

/** The transitions the user may make on the issue now (none without Jira's Transition issues permission). */
export async function listTransitions(user: DemoUser, issueKey: string): Promise<DemoTransition[]> {
  return transitionsSchema.parse(await request(user, 'GET', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/transitions`)).transitions;
}

/** Moves the issue through a transition; a workflow validator's refusal throws with its message, as Jira shows it. */
export async function doTransition(user: DemoUser, issueKey: string, transitionId: string): Promise<void> {
  await request(user, 'POST', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/transitions`, { transition: { id: transitionId } });
}

/** Waits until the app has handled the events of the last change, so frames reloaded now show it. */
export async function settle(): Promise<void> {
  await previewFetch('/__preview/settle', { method: 'POST' });
}

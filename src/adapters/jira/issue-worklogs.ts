import type { WorkSpan } from '../../app/ports/jira';
import { parseJiraInstant } from '../../ledger/parse-jira-instant';
import type { JiraWorklog } from '../../ledger/types';
import type { JiraClient } from './jira-client';
import { WorklogPageSchema } from './schemas';

/**
 * Every worklog of one issue (started in the span, when given), reading
 * `GET /issue/{key}/worklog` page by page.
 */
export async function readIssueWorklogs(client: JiraClient, issueIdOrKey: string, span?: WorkSpan): Promise<JiraWorklog[]> {
  const worklogs: JiraWorklog[] = [];
  for (;;) {
    const page = await client.send({
      operation: 'issue-worklogs',
      method: 'GET',
      resource: { template: '/rest/api/3/issue/{issueIdOrKey}/worklog', issueIdOrKey },
      query: { startAt: String(worklogs.length), ...spanBounds(span) },
      idempotent: true,
      parse: (body) => WorklogPageSchema.parse(body),
      countObjects: (result) => result.worklogs.length,
    });
    worklogs.push(...page.worklogs);
    if (page.worklogs.length === 0 || worklogs.length >= page.total) return worklogsInSpan(worklogs, span);
  }
}

/**
 * Jira's words for the bounds ("after", "before") leave their inclusiveness open, so the
 * lower bound is asked one millisecond early and the span is applied exactly afterwards.
 */
function spanBounds(span: WorkSpan | undefined): Record<string, string> {
  return span ? { startedAfter: String(span.start - 1), startedBefore: String(span.end) } : {};
}

/** The worklogs started within `[span.start, span.end)`; all of them without a span. */
export function worklogsInSpan(worklogs: readonly JiraWorklog[], span: WorkSpan | undefined): JiraWorklog[] {
  if (!span) return [...worklogs];
  return worklogs.filter((worklog) => {
    const started = parseJiraInstant(worklog.started, `worklogs[id=${worklog.id}].started`);
    return started >= span.start && started < span.end;
  });
}

import { JiraError, type JiraPort } from '../ports/jira';
import type { ProjectRef } from '../plans/plan-write';
import { invalid, type Refused, type UseCaseOutcome } from '../refusal';

/** The admin's JQL narrowed to the current project, so a bulk run can never reach another project's issues. */
export function scopedJql(project: ProjectRef, jql: string): string {
  return `project = ${project.id} AND (${jql})`;
}

/** Jira's own words when it refuses the JQL, attached to the `jql` field. */
export function rejectedJql(error: unknown): Refused | undefined {
  if (!(error instanceof JiraError) || error.kind !== 'bad-request') return undefined;
  return invalid('jql', { what: 'jql-refused', reason: error.errorMessages.join(' ') || 'Jira could not run this JQL.' });
}

/** How many issues of the project the JQL matches, counted as the caller (only issues they can see). */
export async function previewBulkLink(userJira: JiraPort, project: ProjectRef, jql: string): Promise<UseCaseOutcome<{ jql: string; count: number }>> {
  const effective = scopedJql(project, jql);
  try {
    return { ok: true, data: { jql: effective, count: await userJira.countIssues(effective) } };
  } catch (error) {
    const refused = rejectedJql(error);
    if (refused === undefined) throw error;
    return refused;
  }
}

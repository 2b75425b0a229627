import { JiraError, type FoundIssue, type IssueSearch } from '../ports/jira';
import { queryAsTyped } from '../ports/jql';
import type { ProjectRef } from '../plans/plan-write';
import { invalid, type Refused, type UseCaseOutcome } from '../refusal';
import { BULK_MAX_ISSUES } from './bulk-job';

/** What finding a bulk run's issues asks of Jira, always as the admin. */
export type BulkSearchJira = Pick<IssueSearch, 'validateJql' | 'searchIssues'>;

export interface ProjectIssues {
  /** The project's issues the query finds, in Jira's order. */
  readonly inProject: readonly FoundIssue[];
  /** How many issues of other projects it also finds. */
  readonly otherProjects: number;
}

/** Jira's own words, on the `jql` field. */
const refusedJql = (reasons: readonly string[]): Refused => invalid('jql', { what: 'jql-refused', reason: reasons.join(' ') || 'Jira could not run this JQL.' });

async function everyMatch(jira: BulkSearchJira, typed: string): Promise<FoundIssue[] | 'too-many'> {
  const found: FoundIssue[] = [];
  let pageToken: string | null = null;
  do {
    const page = await jira.searchIssues(queryAsTyped(typed), pageToken);
    found.push(...page.issues);
    if (found.length > BULK_MAX_ISSUES) return 'too-many';
    pageToken = page.nextPageToken;
  } while (pageToken !== null);
  return found;
}

/**
 * The issues of the project that the admin's query finds, searched as the admin with the query
 * exactly as typed. Jira parses and validates it first (its own errors come back on `jql`);
 * nothing is added to it, so nothing in it can undo a restriction: the project is kept by the
 * `project` each issue comes back with.
 */
export async function findProjectIssues(jira: BulkSearchJira, project: ProjectRef, typed: string): Promise<UseCaseOutcome<ProjectIssues>> {
  const errors = await jira.validateJql(queryAsTyped(typed));
  if (errors.length > 0) return refusedJql(errors);
  let found: FoundIssue[] | 'too-many';
  try {
    found = await everyMatch(jira, typed);
  } catch (error) {
    // A query that parses can still be refused by the search (an unbounded one, say).
    if (error instanceof JiraError && error.kind === 'bad-request') return refusedJql(error.errorMessages);
    throw error;
  }
  if (found === 'too-many') return invalid('jql', { what: 'too-many-issues', max: BULK_MAX_ISSUES });
  const inProject = found.filter((issue) => issue.projectId === project.id);
  return { ok: true, data: { inProject, otherProjects: found.length - inProject.length } };
}

import type { JiraWorklog, Plan, Statement } from '../ledger';

/** What an output format may show: the statement, the plan it came from, and people's names from the worklogs. */
export interface StatementView {
  readonly statement: Statement;
  readonly plan: Plan;
  /** accountId → display name, as the worklogs' authors carry them. */
  readonly authorNames: ReadonlyMap<string, string>;
}

export function authorNamesOf(worklogs: readonly JiraWorklog[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const { author } of worklogs) {
    if (author?.displayName !== undefined) names.set(author.accountId, author.displayName);
  }
  return names;
}

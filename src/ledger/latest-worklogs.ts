import { canonicalJson } from './canonical-json';
import { parseJiraInstant } from './parse-jira-instant';
import type { JiraWorklog } from './types';

/**
 * One worklog per id: the one with the latest `updated` (a missing `updated` is the oldest).
 * Versions updated at the same instant are told apart by their canonical JSON, the greater
 * winning, so the result never depends on the input order.
 *
 * @example
 * latestWorklogs([
 *   buildWorklog({ id: '1', timeSpentSeconds: 60, updated: '2026-10-01T10:00:00.000+0000' }),
 *   buildWorklog({ id: '1', timeSpentSeconds: 90, updated: '2026-10-02T10:00:00.000+0000' }),
 * ]) // [the 90-second version]
 */
export function latestWorklogs(worklogs: readonly JiraWorklog[]): JiraWorklog[] {
  const byId = new Map<string, JiraWorklog>();
  for (const worklog of worklogs) {
    const kept = byId.get(worklog.id);
    if (kept === undefined || supersedes(worklog, kept)) byId.set(worklog.id, worklog);
  }
  return [...byId.values()];
}

function supersedes(candidate: JiraWorklog, kept: JiraWorklog): boolean {
  const candidateUpdated = updatedAt(candidate);
  const keptUpdated = updatedAt(kept);
  if (candidateUpdated !== keptUpdated) return candidateUpdated > keptUpdated;
  return canonicalJson(candidate) > canonicalJson(kept);
}

function updatedAt(worklog: JiraWorklog): number {
  if (worklog.updated === undefined) return Number.NEGATIVE_INFINITY;
  return parseJiraInstant(worklog.updated, `worklogs[id=${worklog.id}].updated`);
}

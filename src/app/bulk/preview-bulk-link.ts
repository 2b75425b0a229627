import type { BulkCount } from '../../contract';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';
import type { PlanWriteContext } from '../plans/plan-write';
import type { UseCaseOutcome } from '../refusal';
import { COUNT_VALID_FOR_MS, recordCount } from './bulk-count';
import { findProjectIssues, type BulkSearchJira } from './find-project-issues';
import { normaliseJql } from './normalise-jql';

export interface BulkPreviewPorts {
  readonly store: Store;
  readonly clock: Clock;
  /** Jira as the admin: the count is of the issues they can see. */
  readonly userJira: BulkSearchJira;
  readonly newId: () => string;
}

/**
 * Counts the project's issues the admin's query finds (as the admin) and records the count, so
 * that `bulk/link` can be bound to exactly what was counted.
 */
export async function previewBulkLink(ports: BulkPreviewPorts, context: PlanWriteContext, jql: string): Promise<UseCaseOutcome<BulkCount>> {
  const found = await findProjectIssues(ports.userJira, context.project, jql);
  if (!found.ok) return found;
  const countToken = ports.newId();
  const expiresAt = ports.clock.now() + COUNT_VALID_FOR_MS;
  await recordCount(ports.store, context, { jql, issueIds: found.data.inProject.map((issue) => issue.id) }, countToken, expiresAt);
  return { ok: true, data: { jql: normaliseJql(jql), count: found.data.inProject.length, otherProjects: found.data.otherProjects, countToken, expiresAt } };
}

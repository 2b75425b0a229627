import type { IssueAttributes } from '../../ledger/types';
import type { IssueFacts } from '../aggregates/aggregate-codec';
import { placeIssue } from '../aggregates/place-issue';
import { followRequestLink } from './request-link';
import type { SyncDeps } from './sync-deps';

export interface CreatedIssue {
  readonly issueId: string;
  readonly issueKey: string;
  readonly summary: string;
  readonly projectId: string;
  /** Its priority and types as the event shows them. */
  readonly attributes?: IssueAttributes;
}

/**
 * A new issue is linked by precedence: the plan of its organisation (a service request's Organizations field), else
 * the project's default plan, as `covered` work; a link already set by hand stays. A new link also gets an empty
 * entry in the plan's aggregate, so its first worklog needs no recompute. Resolves to the plan it is linked to, or null.
 */
export async function applyIssueCreated(deps: SyncDeps, issue: CreatedIssue): Promise<string | null> {
  const outcome = await followRequestLink(deps, issue);
  if (outcome.kind === 'unchanged') return outcome.planId;
  const { link } = outcome;
  if (link === null) return null;
  const facts: IssueFacts = { billingClass: link.billingClass, issueKey: issue.issueKey, summary: issue.summary };
  const attributes = issue.attributes === undefined ? {} : { attributes: { seen: issue.attributes } };
  await placeIssue(deps.store, { issueId: issue.issueId, target: { planId: link.internalId, facts }, ...attributes }, deps.clock.now());
  return link.planId;
}

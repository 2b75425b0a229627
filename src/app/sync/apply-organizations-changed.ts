import { issueLinkChanged } from './issue-link-changed';
import { followRequestLink } from './request-link';
import type { SyncDeps } from './sync-deps';

export interface UpdatedRequest {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectId: string;
}

/**
 * A request's organisations changed: its link follows them (unless it was set by hand), and its work moves with it
 * to the new plan, both plans' figures refreshed. Reads the request as it is now, so the order and number of the
 * events do not matter. Resolves to the plan it ends on, or null.
 */
export async function applyRequestOrganizationsChanged(deps: SyncDeps, request: UpdatedRequest): Promise<string | null> {
  const outcome = await followRequestLink(deps, request);
  if (outcome.kind === 'unchanged') return outcome.planId;
  const { link } = outcome;
  await issueLinkChanged(
    { ...deps, appJira: deps.jira },
    { issueId: request.issueId, issueKey: request.issueKey, projectId: request.projectId, link: link && { planId: link.internalId, billingClass: link.billingClass } },
  );
  return link?.planId ?? null;
}

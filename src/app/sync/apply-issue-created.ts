import type { IssueFacts } from '../aggregates/aggregate-codec';
import { placeIssue } from '../aggregates/place-issue';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import { loadProjectSettings } from '../settings/project-settings';
import type { SyncDeps } from './sync-deps';

export interface CreatedIssue {
  readonly issueId: string;
  readonly issueKey: string;
  readonly summary: string;
  readonly projectId: string;
}

/**
 * A new issue in a project with a default plan gets the plan's `support-plan` property (as
 * `covered` work) and an empty entry in the plan's aggregate, so its first worklog needs no
 * recompute. Resolves to the plan it was linked to, or null.
 */
export async function applyIssueCreated(deps: SyncDeps, issue: CreatedIssue): Promise<string | null> {
  const { defaultPlanId } = await loadProjectSettings(deps.store, issue.projectId);
  if (defaultPlanId === null) return null;
  // The default was one of the project's plans when it was saved; it is checked again, since nothing else is trusted.
  const plan = await loadPlanInProject(deps.store, { projectId: issue.projectId }, defaultPlanId, 'defaultPlanId');
  if (!plan.ok) return null;
  const existing = await deps.jira.getIssueLink(issue.issueId);
  if (existing !== null) return existing.planId;
  await deps.jira.setIssueLink(issue.issueId, { planId: defaultPlanId, billingClass: 'covered' });
  const facts: IssueFacts = { billingClass: 'covered', issueKey: issue.issueKey, summary: issue.summary };
  await placeIssue(deps.store, { issueId: issue.issueId, target: { planId: internalIdOf(plan.data.stored), facts } }, deps.clock.now());
  return defaultPlanId;
}

import { BULK_SAMPLE_KEYS, BULK_SKIP_REASONS, type BulkSkip, type BulkSkipReason } from '../../contract';
import type { FoundIssue, SupportPlanProperty } from '../ports/jira';
import type { ProjectIssues } from './find-project-issues';

export interface IssueToLink {
  readonly id: string;
  readonly key: string;
}

export interface Triage {
  readonly toLink: readonly IssueToLink[];
  /** One entry per reason (and per other plan), in the order of {@link BULK_SKIP_REASONS}. */
  readonly skipped: readonly BulkSkip[];
}

/** Why the issue is left as it is, or null to link it. The permission comes first: it is the one the admin can't change here. */
function skipReason(issue: FoundIssue, editable: ReadonlySet<string>, target: SupportPlanProperty): { reason: BulkSkipReason; planId?: string } | null {
  if (!editable.has(issue.id)) return { reason: 'no-edit-permission' };
  if (issue.link === null) return null;
  if (issue.link.planId !== target.planId) return { reason: 'on-other-plan', planId: issue.link.planId };
  // On this plan with another billing class: linking changes only the class.
  return issue.link.billingClass === target.billingClass ? { reason: 'already-on-plan' } : null;
}

/**
 * Sorts the project's matches into the issues to link and the ones left alone, with why: the
 * admin may not edit it, it is on this plan already, or it is on another plan (a bulk run never
 * takes an issue off another plan). Other projects' matches are only counted.
 *
 * @example
 * triageIssues({ inProject: [sup1, sup2], otherProjects: 2 }, new Set([sup1.id]), { planId: 'gold', billingClass: 'covered' })
 * // { toLink: [sup1], skipped: [{ reason: 'other-project', count: 2, issueKeys: [] }, { reason: 'no-edit-permission', count: 1, issueKeys: ['SUP-2'] }] }
 */
export function triageIssues(found: ProjectIssues, editable: ReadonlySet<string>, target: SupportPlanProperty): Triage {
  const toLink: IssueToLink[] = [];
  const groups = new Map<string, { reason: BulkSkipReason; planId?: string; count: number; issueKeys: string[] }>();
  if (found.otherProjects > 0) groups.set('other-project', { reason: 'other-project', count: found.otherProjects, issueKeys: [] });
  for (const issue of found.inProject) {
    const skip = skipReason(issue, editable, target);
    if (skip === null) {
      toLink.push({ id: issue.id, key: issue.key });
      continue;
    }
    const groupKey = `${skip.reason}:${skip.planId ?? ''}`;
    const group = groups.get(groupKey) ?? { ...skip, count: 0, issueKeys: [] };
    groups.set(groupKey, group);
    group.count += 1;
    if (group.issueKeys.length < BULK_SAMPLE_KEYS) group.issueKeys.push(issue.key);
  }
  const order = (skip: BulkSkip) => BULK_SKIP_REASONS.indexOf(skip.reason);
  const skipped = [...groups.values()].sort((a, b) => order(a) - order(b) || (a.planId ?? '').localeCompare(b.planId ?? ''));
  return { toLink, skipped };
}

import { forbidden, notFound } from './http';
import { PERMISSION_KEYS, type PermissionKey, type SimIssue, type SimUser } from './model';
import type { SiteStore } from './store';

/** Jira's ids, names and descriptions for the project permissions the simulator knows. */
export const PERMISSION_DETAILS: Readonly<Record<PermissionKey, { readonly id: string; readonly name: string; readonly description: string }>> = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', description: 'Ability to edit issues.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', description: 'Ability to administer a project in Jira.' },
  WORK_ON_ISSUES: { id: '20', name: 'Work On Issues', description: 'Ability to log work done against an issue.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', description: 'Ability to transition issues.' },
};

export function isPermissionKey(key: string): key is PermissionKey {
  return PERMISSION_KEYS.some((known) => known === key);
}

/** The app account (Forge's `asApp()`) holds every permission everywhere. */
export function hasPermission(user: SimUser, projectId: string, permission: PermissionKey): boolean {
  return user.accountType === 'app' || (user.permissions[projectId]?.includes(permission) ?? false);
}

export function mayBrowseIssue(store: SiteStore, caller: SimUser, issueId: string): boolean {
  const issue = store.issue(issueId);
  return issue !== undefined && hasPermission(caller, issue.projectId, 'BROWSE_PROJECTS');
}

/** The issue, if the caller may browse it; otherwise 404, as Jira hides what you cannot see. */
export function browsableIssue(store: SiteStore, caller: SimUser, issueIdOrKey: string): SimIssue {
  const issue = store.issue(issueIdOrKey);
  if (!issue || !mayBrowseIssue(store, caller, issue.id)) {
    throw notFound('Issue does not exist or you do not have permission to see it.');
  }
  return issue;
}

export function requirePermission(caller: SimUser, issue: SimIssue, permission: PermissionKey, action: string): void {
  if (!hasPermission(caller, issue.projectId, permission)) {
    throw forbidden(`You do not have the permission to ${action} (${PERMISSION_DETAILS[permission].name}).`);
  }
}

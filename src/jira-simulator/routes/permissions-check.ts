import * as z from 'zod';
import { badRequest, forbidden, JiraHttpError } from '../http';
import { type PermissionKey, type SimUser } from '../model';
import { hasPermission, isPermissionKey } from '../permissions';
import type { SiteStore } from '../store';
import { parseBody } from './params';
import { ok, type Route } from './route';

/** Jira checks at most this many projects and this many issues in one call. */
export const MAX_CHECKED_PROJECTS = 1000;
export const MAX_CHECKED_ISSUES = 1000;

/** Jira's global permission keys the simulator knows; it grants none of them to anyone. */
const GLOBAL_PERMISSION_KEYS: readonly string[] = ['ADMINISTER', 'SYSTEM_ADMIN', 'USER_PICKER', 'CREATE_SHARED_OBJECTS', 'MANAGE_GROUP_FILTER_SUBSCRIPTIONS', 'BULK_CHANGE'];

/** Jira ignores nulls in every list. */
const idList = z.array(z.int().nullable()).optional();

const projectPermissionsEntry = z.strictObject({ issues: idList, projects: idList, permissions: z.array(z.string()) });
type ProjectPermissionsEntry = z.infer<typeof projectPermissionsEntry>;

const checkRequest = z.strictObject({
  accountId: z.string().optional(),
  globalPermissions: z.array(z.string().nullable()).optional(),
  projectPermissions: z.array(projectPermissionsEntry.nullable()).optional(),
});

interface ProjectPermissionGrant {
  readonly permission: PermissionKey;
  readonly issues: number[];
  readonly projects: number[];
}

/**
 * `POST /rest/api/3/permissions/check`: for each project permission asked, the asked projects and
 * issues on which the user holds it. Unknown ids are ignored; unknown permission keys and more
 * than 1,000 projects or issues are a 400; asking about someone else needs Jira admin (403), except
 * for the app account, which may ask about anyone.
 */
export const permissionsCheckRoute: Route = {
  method: 'POST',
  path: '/rest/api/3/permissions/check',
  handle({ store, caller, body }) {
    const request = parseBody(checkRequest, body ?? {});
    const user = subject(store, caller, request.accountId);
    const entries = present(request.projectPermissions ?? []);
    const globalKeys = present(request.globalPermissions ?? []);
    refuseUnknown([...globalKeys.filter((key) => !GLOBAL_PERMISSION_KEYS.includes(key)), ...entries.flatMap((entry) => present(entry.permissions).filter((key) => !isPermissionKey(key)))]);
    if (entries.some((entry) => present(entry.permissions).length === 0)) {
      throw badRequest('Each entry of projectPermissions must name at least one project permission.');
    }
    const projects = distinct(entries.flatMap((entry) => present(entry.projects ?? []))).filter((id) => store.project(String(id)) !== undefined);
    const issues = distinct(entries.flatMap((entry) => present(entry.issues ?? []))).filter((id) => store.issue(String(id)) !== undefined);
    if (projects.length > MAX_CHECKED_PROJECTS) throw badRequest(`At most ${MAX_CHECKED_PROJECTS} projects can be checked at once.`);
    if (issues.length > MAX_CHECKED_ISSUES) throw badRequest(`At most ${MAX_CHECKED_ISSUES} issues can be checked at once.`);
    const grants = grantsFor(store, user, entries);
    return ok({ globalPermissions: [], projectPermissions: grants });
  },
};

function subject(store: SiteStore, caller: SimUser, accountId: string | undefined): SimUser {
  if (accountId === undefined || accountId === caller.accountId) return caller;
  if (caller.accountType !== 'app') throw forbidden('Only Jira administrators can perform this operation.');
  const user = store.user(accountId);
  if (user === undefined) throw badRequest('', { accountId: 'The account ID is not valid.' });
  return user;
}

function refuseUnknown(keys: readonly string[]): void {
  if (keys.length > 0) throw new JiraHttpError(400, { errorMessages: [], errors: Object.fromEntries(keys.map((key) => [key, 'Unrecognized permission'])) });
}

/** One grant per permission asked (entries naming the same permission are merged), only where something is granted. */
function grantsFor(store: SiteStore, user: SimUser, entries: readonly ProjectPermissionsEntry[]): ProjectPermissionGrant[] {
  const grants = new Map<PermissionKey, { issues: Set<number>; projects: Set<number> }>();
  for (const entry of entries) {
    for (const permission of present(entry.permissions).filter(isPermissionKey)) {
      const grant = grants.get(permission) ?? { issues: new Set<number>(), projects: new Set<number>() };
      grants.set(permission, grant);
      for (const id of present(entry.projects ?? [])) if (store.project(String(id)) && hasPermission(user, String(id), permission)) grant.projects.add(id);
      for (const id of present(entry.issues ?? [])) {
        const issue = store.issue(String(id));
        if (issue && hasPermission(user, issue.projectId, permission)) grant.issues.add(id);
      }
    }
  }
  return [...grants.entries()]
    .filter(([, grant]) => grant.issues.size > 0 || grant.projects.size > 0)
    .map(([permission, grant]) => ({ permission, issues: [...grant.issues], projects: [...grant.projects] }));
}

/** The list without nulls and, for permission keys, without empty strings (Jira ignores both). */
function present<T>(values: readonly (T | null)[]): T[] {
  return values.filter((value): value is T => value !== null && value !== '');
}

function distinct(values: readonly number[]): number[] {
  return [...new Set(values)];
}

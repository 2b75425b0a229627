import { badRequest, notFound } from '../http';
import { PERMISSION_KEYS, type PermissionKey, type SimUser } from '../model';
import { browsableIssue, hasPermission, isPermissionKey, PERMISSION_DETAILS } from '../permissions';
import type { SiteStore } from '../store';
import { projectView, userView } from '../views';
import { listParam } from './params';
import { ok, type Route } from './route';

export const myselfRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/myself',
  handle: ({ caller, baseUrl }) => ok(userView(caller, baseUrl), 1),
};

export const userRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/user',
  handle({ store, query, baseUrl }) {
    const accountId = query.get('accountId');
    if (!accountId) throw badRequest('The accountId query parameter is required.');
    const user = store.user(accountId);
    if (!user) throw notFound(`Specified user does not exist or you do not have required permissions`);
    return ok(userView(user, baseUrl), 1);
  },
};

export const projectRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/project/{projectIdOrKey}',
  handle({ store, caller, params, baseUrl }) {
    const idOrKey = params.projectIdOrKey ?? '';
    const project = store.project(idOrKey);
    if (!project || !hasPermission(caller, project.id, 'BROWSE_PROJECTS')) {
      throw notFound(`No project could be found with key '${idOrKey}'.`);
    }
    return ok(projectView(store, project, baseUrl), 1);
  },
};

/**
 * The caller's permissions in a project or issue; without one, whether the caller holds the
 * permission in any project (as Jira answers).
 */
export const myPermissionsRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/mypermissions',
  handle({ store, caller, query }) {
    const requested = listParam(query, 'permissions');
    if (requested.length === 0) throw badRequest('The permissions query parameter is required.');
    const unknown = requested.filter((key) => !isPermissionKey(key));
    if (unknown.length > 0) throw badRequest(`Invalid permission keys: ${unknown.join(', ')}.`);
    const projectIds = contextProjectIds(store, caller, query);
    const permissions = Object.fromEntries(
      PERMISSION_KEYS.filter((key) => requested.includes(key)).map((key) => [
        key,
        { ...permissionView(key), havePermission: projectIds.some((projectId) => hasPermission(caller, projectId, key)) },
      ]),
    );
    return ok({ permissions });
  },
};

function permissionView(key: PermissionKey) {
  const details = PERMISSION_DETAILS[key];
  return { id: details.id, key, name: details.name, type: 'PROJECT', description: details.description };
}

function contextProjectIds(store: SiteStore, caller: SimUser, query: URLSearchParams): string[] {
  const issueIdOrKey = query.get('issueId') ?? query.get('issueKey');
  if (issueIdOrKey) return [browsableIssue(store, caller, issueIdOrKey).projectId];
  const projectIdOrKey = query.get('projectId') ?? query.get('projectKey');
  if (!projectIdOrKey) return store.allProjects().map((project) => project.id);
  const project = store.project(projectIdOrKey);
  if (!project) throw notFound(`No project could be found with id or key '${projectIdOrKey}'.`);
  return [project.id];
}

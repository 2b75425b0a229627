import { badRequest, notFound } from '../http';
import { DEFAULT_PRIORITIES, DEFAULT_PRIORITY_ID, PERMISSION_KEYS, type PermissionKey, type SimUser } from '../model';
import { browsableIssue, hasPermission, isPermissionKey, PERMISSION_DETAILS } from '../permissions';
import type { SiteStore } from '../store';
import { userDetails, projectView, userView } from '../views';
import { integerParam, listParam } from './params';
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

/**
 * Jira documents no cap on a page of users; its published example answers `maxResults: 100`, so the simulator caps
 * there and the access layer never asks for more (docs/jira-simulator.md).
 */
export const MAX_USERS_PAGE = 100;
const DEFAULT_USERS_PAGE = 10;

/** Users by account id, in the order asked; an id Jira knows no account for is left out, as Jira does. */
export const bulkUsersRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/user/bulk',
  handle({ store, query, baseUrl }) {
    const accountIds = [...new Set(query.getAll('accountId'))];
    if (accountIds.length === 0) throw badRequest('The accountId query parameter is required.');
    const startAt = integerParam(query, 'startAt', 0);
    const maxResults = Math.min(integerParam(query, 'maxResults', DEFAULT_USERS_PAGE), MAX_USERS_PAGE);
    if (startAt < 0 || maxResults < 1) throw badRequest('startAt must not be negative and maxResults must be positive.');
    const known = accountIds.flatMap((accountId) => {
      const user = store.user(accountId);
      return user === undefined ? [] : [userDetails(user, baseUrl)];
    });
    const values = known.slice(startAt, startAt + maxResults);
    const isLast = startAt + values.length >= known.length;
    return ok({ startAt, maxResults, total: known.length, isLast, values }, values.length);
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

/** Jira's priorities, a page at a time (`startAt`, `maxResults` up to 50), in their order. */
export const prioritySearchRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/priority/search',
  handle({ query, baseUrl, selfUrl }) {
    const startAt = Math.max(0, integerParam(query, 'startAt', 0));
    const maxResults = Math.min(PRIORITY_PAGE_SIZE, Math.max(1, integerParam(query, 'maxResults', PRIORITY_PAGE_SIZE)));
    const values = DEFAULT_PRIORITIES.slice(startAt, startAt + maxResults).map((priority, index) => ({
      self: `${baseUrl}/rest/api/3/priority/${priority.id}`,
      id: priority.id,
      name: priority.name,
      description: '',
      iconUrl: `${baseUrl}/images/icons/priorities/${priority.id}.svg`,
      statusColor: '#999999',
      isDefault: priority.id === DEFAULT_PRIORITY_ID,
      sequence: String(startAt + index + 1),
    }));
    const isLast = startAt + values.length >= DEFAULT_PRIORITIES.length;
    return ok({ self: selfUrl, maxResults, startAt, total: DEFAULT_PRIORITIES.length, isLast, values });
  },
};

const PRIORITY_PAGE_SIZE = 50;

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

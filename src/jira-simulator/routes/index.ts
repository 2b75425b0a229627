import { changelogRoute, getIssueRoute, createIssueRoute, deleteIssueRoute, editIssueRoute } from './issues';
import { jqlParseRoute } from './jql-parse';
import { notifyRoute } from './notify';
import { bulkUsersRoute, myPermissionsRoute, myselfRoute, prioritySearchRoute, projectRoute, userRoute } from './people';
import { permissionsCheckRoute } from './permissions-check';
import { deletePropertyRoute, getPropertyRoute, setPropertyRoute } from './properties';
import type { Route } from './route';
import { doTransitionRoute, getTransitionsRoute } from './transitions';
import { SERVICE_DESK_ROUTES } from './service-desk';
import { removedSearchRoutes, searchGetRoute, searchPostRoute } from './search';
import { deletedWorklogsRoute, listWorklogsByIdRoute, updatedWorklogsRoute } from './worklog-changes';
import { createWorklogRoute, deleteWorklogRoute, getWorklogRoute, listWorklogsRoute, updateWorklogRoute } from './worklogs';

/** The platform REST v3 routes, each checked against Atlassian's OpenAPI document (docs/jira-openapi.md). */
export const ROUTES: readonly Route[] = [
  searchPostRoute,
  searchGetRoute,
  ...removedSearchRoutes,
  jqlParseRoute,
  getIssueRoute,
  createIssueRoute,
  editIssueRoute,
  deleteIssueRoute,
  getTransitionsRoute,
  doTransitionRoute,
  changelogRoute,
  listWorklogsRoute,
  createWorklogRoute,
  getWorklogRoute,
  updateWorklogRoute,
  deleteWorklogRoute,
  updatedWorklogsRoute,
  deletedWorklogsRoute,
  listWorklogsByIdRoute,
  getPropertyRoute,
  setPropertyRoute,
  deletePropertyRoute,
  notifyRoute,
  myPermissionsRoute,
  permissionsCheckRoute,
  myselfRoute,
  userRoute,
  bulkUsersRoute,
  projectRoute,
  prioritySearchRoute,
];

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

const compiled = [...ROUTES, ...SERVICE_DESK_ROUTES].map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, names, pattern: new RegExp(`^${source}$`) };
});

export function matchRoute(method: string, path: string): RouteMatch | null {
  for (const { route, names, pattern } of compiled) {
    if (route.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
    return { route, params };
  }
  return null;
}

import { avatarUrlsOf } from './avatars';
import { formatJiraDateTime, formatTimeSpent } from './jira-time';
import { ORGANIZATIONS_FIELD_ID, REQUEST_TYPE_FIELD_ID, type SimChangelog, type SimIssue, type SimProject, type SimUser } from './model';
import { organizationView } from './service-desk-views';
import type { SiteStore, StoredWorklog } from './store';

/** The JSON shapes Jira answers with, built from the simulator's records. */

export function userDetails(user: SimUser, baseUrl: string) {
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    emailAddress: user.email,
    displayName: user.displayName,
    avatarUrls: avatarUrlsOf(user),
    active: user.active ?? true,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

/** A user the store no longer knows still shows up, as Jira shows a deleted account. */
function authorDetails(store: SiteStore, accountId: string, baseUrl: string) {
  const user = store.user(accountId);
  return user ? userDetails(user, baseUrl) : { accountId, displayName: 'Former user', active: false };
}

export function userView(user: SimUser, baseUrl: string) {
  return { ...userDetails(user, baseUrl), locale: 'en_US', applicationRoles: { size: 1, items: [] }, groups: { size: 0, items: [] } };
}

export function worklogView(store: SiteStore, stored: StoredWorklog, baseUrl: string) {
  const { worklog } = stored;
  return {
    self: `${baseUrl}/rest/api/3/issue/${worklog.issueId}/worklog/${worklog.id}`,
    author: authorDetails(store, worklog.authorAccountId, baseUrl),
    updateAuthor: authorDetails(store, worklog.updateAuthorAccountId, baseUrl),
    ...(worklog.comment === undefined ? {} : { comment: worklog.comment }),
    created: formatJiraDateTime(worklog.created),
    updated: formatJiraDateTime(worklog.updated),
    started: worklog.started,
    timeSpent: formatTimeSpent(worklog.timeSpentSeconds),
    timeSpentSeconds: worklog.timeSpentSeconds,
    id: worklog.id,
    issueId: worklog.issueId,
  };
}

export function projectSummary(project: SimProject, baseUrl: string) {
  return {
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'service_desk',
    simplified: false,
  };
}

export function projectView(store: SiteStore, project: SimProject, baseUrl: string) {
  return {
    ...projectSummary(project, baseUrl),
    description: '',
    style: 'classic',
    isPrivate: false,
    issueTypes: store.allIssueTypes().map((type) => issueTypeView(type, baseUrl)),
  };
}

function issueTypeView(type: { readonly id: string; readonly name: string }, baseUrl: string) {
  return { self: `${baseUrl}/rest/api/3/issuetype/${type.id}`, id: type.id, name: type.name, description: '', subtask: false, hierarchyLevel: 0 };
}

/** The embedded `worklog` field of an issue: the first 20 by `started`, then id, and the total. */
const EMBEDDED_WORKLOGS = 20;

export const ISSUE_FIELDS = ['summary', 'project', 'issuetype', 'priority', 'created', 'updated', 'worklog', ORGANIZATIONS_FIELD_ID, REQUEST_TYPE_FIELD_ID] as const;
export type IssueField = (typeof ISSUE_FIELDS)[number];

export function issueView(
  store: SiteStore,
  issue: SimIssue,
  fields: readonly IssueField[],
  propertyKeys: readonly string[],
  baseUrl: string,
  expand: { readonly changelog?: boolean } = {},
) {
  const view: Record<string, unknown> = {
    expand: '',
    id: issue.id,
    self: `${baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (expand.changelog === true) view.changelog = embeddedChangelog(store, issue, baseUrl);
  if (fields.length > 0) view.fields = Object.fromEntries(fields.map((field) => [field, fieldValue(store, issue, field, baseUrl)]));
  const properties = propertyKeys.filter((key) => issue.properties[key] !== undefined);
  if (propertyKeys.length > 0) view.properties = Object.fromEntries(properties.map((key) => [key, issue.properties[key]]));
  return view;
}

function fieldValue(store: SiteStore, issue: SimIssue, field: IssueField, baseUrl: string): unknown {
  switch (field) {
    case 'summary':
      return issue.summary;
    case 'project': {
      const project = store.project(issue.projectId);
      return project ? projectSummary(project, baseUrl) : null;
    }
    case 'issuetype': {
      const type = store.issueType(issue.issueTypeId);
      return type ? issueTypeView(type, baseUrl) : null;
    }
    case 'priority': {
      const priority = store.priorityOf(issue);
      return { self: `${baseUrl}/rest/api/3/priority/${priority.id}`, id: priority.id, name: priority.name, iconUrl: `${baseUrl}/images/icons/priorities/${priority.id}.svg` };
    }
    case REQUEST_TYPE_FIELD_ID:
      return requestTypeFieldValue(store, issue);
    case 'created':
      return formatJiraDateTime(issue.created);
    case 'updated':
      return formatJiraDateTime(issue.updated);
    case 'worklog': {
      const worklogs = store.worklogsOf(issue.id);
      return {
        startAt: 0,
        maxResults: EMBEDDED_WORKLOGS,
        total: worklogs.length,
        worklogs: worklogs.slice(0, EMBEDDED_WORKLOGS).map((stored) => worklogView(store, stored, baseUrl)),
      };
    }
    case ORGANIZATIONS_FIELD_ID:
      return organizationsFieldValue(store, issue, baseUrl);
  }
}

/** The Request Type field: the request's type under `requestType`, null on an issue that is not a request. */
function requestTypeFieldValue(store: SiteStore, issue: SimIssue) {
  const type = issue.requestTypeId === undefined ? undefined : store.requestType(issue.requestTypeId);
  const desk = store.serviceDeskOfProject(issue.projectId);
  if (type === undefined || desk === undefined) return null;
  return { requestType: { id: type.id, name: type.name, serviceDeskId: desk.id, issueTypeId: issue.issueTypeId } };
}

/** How many changelog entries Jira embeds in an issue with `expand=changelog`; the rest are read from `/changelog`. */
export const EMBEDDED_CHANGELOG = 100;

/** A changelog entry as REST answers it: an item's empty values left out (the document types them as strings). */
export function changelogView(store: SiteStore, entry: SimChangelog, baseUrl: string) {
  const items = entry.items.map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== null)));
  return { id: entry.id, author: authorDetails(store, entry.authorAccountId, baseUrl), created: formatJiraDateTime(entry.created), items };
}

/** The `changelog` an issue carries with `expand=changelog`: its first entries, oldest first, and their total. */
export function embeddedChangelog(store: SiteStore, issue: SimIssue, baseUrl: string) {
  const entries = issue.changelog ?? [];
  return {
    startAt: 0,
    maxResults: EMBEDDED_CHANGELOG,
    total: entries.length,
    histories: entries.slice(0, EMBEDDED_CHANGELOG).map((entry) => changelogView(store, entry, baseUrl)),
  };
}

/** The Organizations field: the organisations the request is shared with, null when none (as Jira shows an empty field). */
function organizationsFieldValue(store: SiteStore, issue: SimIssue, baseUrl: string) {
  const organizations = (issue.organizationIds ?? []).flatMap((id) => {
    const organization = store.organization(id);
    return organization === undefined ? [] : [organizationView(organization, baseUrl)];
  });
  return organizations.length === 0 ? null : organizations;
}

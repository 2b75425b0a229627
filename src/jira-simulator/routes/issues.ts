import * as z from 'zod';
import type { IssueEventBody } from '../events';
import { badRequest } from '../http';
import { DEFAULT_PRIORITY_ID, ORGANIZATIONS_FIELD_ID, REQUEST_TYPE_FIELD_ID, type ChangelogItem, type SimIssue } from '../model';
import { formatJiraDateTime } from '../jira-time';
import { hasPermission, requirePermission } from '../permissions';
import type { SiteStore } from '../store';
import { changelogView, ISSUE_FIELDS, issueView } from '../views';
import { integerParam, listParam, parseBody } from './params';
import { noContent, ok, pathIssue, type Route } from './route';
import { selectedFields } from './search';

export const getIssueRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}',
  handle(context) {
    const { store, query, baseUrl } = context;
    const issue = pathIssue(context);
    const requested = listParam(query, 'fields');
    const fields = requested.length > 0 ? selectedFields(requested) : [...ISSUE_FIELDS];
    return ok(issueView(store, issue, fields, listParam(query, 'properties'), baseUrl, { changelog: listParam(query, 'expand').includes('changelog') }), 1);
  },
};

/** Jira's page size for `GET /issue/{id}/changelog`, and its cap. */
const CHANGELOG_PAGE_SIZE = 100;

/** The issue's changelog, oldest first, a page at a time (`startAt`, `maxResults` up to 100). */
export const changelogRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/changelog',
  handle(context) {
    const { store, query, baseUrl, selfUrl } = context;
    const issue = pathIssue(context);
    const startAt = Math.max(0, integerParam(query, 'startAt', 0));
    const maxResults = Math.min(CHANGELOG_PAGE_SIZE, Math.max(1, integerParam(query, 'maxResults', CHANGELOG_PAGE_SIZE)));
    const entries = issue.changelog ?? [];
    const values = entries.slice(startAt, startAt + maxResults).map((entry) => changelogView(store, entry, baseUrl));
    const isLast = startAt + values.length >= entries.length;
    const next = new URL(selfUrl);
    next.searchParams.set('startAt', String(startAt + values.length));
    next.searchParams.set('maxResults', String(maxResults));
    return ok({ self: selfUrl, ...(isLast ? {} : { nextPage: next.toString() }), maxResults, startAt, total: entries.length, isLast, values }, values.length);
  },
};

/** A field Jira sets by id or by name, e.g. `{ "id": "1" }` or `{ "name": "Highest" }`. */
const namedValue = z.object({ id: z.string().optional(), name: z.string().optional() });

/** The Organizations field as Jira takes it: organisation ids as numbers; null or [] empties it. */
const organizationIdsValue = z.array(z.number().int().positive()).nullable();

const createIssueBody = z.object({
  fields: z.object({
    project: z.object({ key: z.string().optional(), id: z.string().optional() }),
    summary: z.string().min(1, 'You must specify a summary of the issue.'),
    issuetype: z.object({ id: z.string().optional(), name: z.string().optional() }),
    priority: namedValue.optional(),
    [ORGANIZATIONS_FIELD_ID]: organizationIdsValue.optional(),
    [REQUEST_TYPE_FIELD_ID]: z.string().optional(),
  }),
});

/** The issue as product events carry it. */
export function eventIssue(store: SiteStore, issue: SimIssue): IssueEventBody {
  const project = store.project(issue.projectId);
  const issueType = store.issueType(issue.issueTypeId);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      project: { id: issue.projectId, key: project?.key ?? '', name: project?.name ?? '' },
      issuetype: { id: issue.issueTypeId, name: issueType?.name ?? '' },
      priority: { id: store.priorityOf(issue).id, name: store.priorityOf(issue).name },
      created: formatJiraDateTime(issue.created),
      updated: formatJiraDateTime(issue.updated),
      ...requestTypeOf(store, issue),
    },
  };
}

function requestTypeOf(store: SiteStore, issue: SimIssue): Pick<IssueEventBody['fields'], typeof REQUEST_TYPE_FIELD_ID> {
  const type = issue.requestTypeId === undefined ? undefined : store.requestType(issue.requestTypeId);
  return type === undefined ? {} : { [REQUEST_TYPE_FIELD_ID]: { requestType: { id: type.id, name: type.name } } };
}

function priorityIdFor(store: SiteStore, value: z.infer<typeof namedValue>): string {
  const priority = store.priority(value.id ?? value.name ?? '');
  if (!priority) throw badRequest('', { priority: 'Specify a valid priority' });
  return priority.id;
}

function issueTypeIdFor(store: SiteStore, value: z.infer<typeof namedValue>): string {
  const issueType = store.issueType(value.id ?? value.name ?? '');
  if (!issueType) throw badRequest('', { issuetype: 'Specify a valid issue type' });
  return issueType.id;
}

/** A request type of the project's service desk; 400 for a project that is not a service project, or an unknown type. */
function requestTypeIdFor(store: SiteStore, projectId: string, value: string): string {
  const type = store.serviceDeskOfProject(projectId) === undefined ? undefined : store.requestType(value);
  if (!type) throw badRequest('', { [REQUEST_TYPE_FIELD_ID]: `The request type '${value}' does not exist in this service project.` });
  return type.id;
}

/**
 * The organisation ids an Organizations value names, checked as Jira checks them: the issue's project must be a
 * service project and each organisation must have been added to its service desk. 400 otherwise.
 */
function organizationIdsFor(store: SiteStore, projectId: string, value: readonly number[] | null): string[] {
  const desk = store.serviceDeskOfProject(projectId);
  if (!desk) throw badRequest('', { [ORGANIZATIONS_FIELD_ID]: `Field '${ORGANIZATIONS_FIELD_ID}' cannot be set. It is not on the appropriate screen, or unknown.` });
  const ids = [...new Set((value ?? []).map(String))];
  const unknown = ids.filter((id) => store.organization(id)?.serviceDeskIds.includes(desk.id) !== true);
  if (unknown.length > 0) {
    throw badRequest('', { [ORGANIZATIONS_FIELD_ID]: `Organizations ${unknown.join(', ')} do not exist or are not added to this service project.` });
  }
  return ids;
}

/** Creating an issue needs Browse projects and Edit issues (the simulator's stand-in for Create issues). */
export const createIssueRoute: Route = {
  method: 'POST',
  path: '/rest/api/3/issue',
  handle(context) {
    const { store, caller, body, now, baseUrl, emit } = context;
    const { fields } = parseBody(createIssueBody, body);
    const project = store.project(fields.project.id ?? fields.project.key ?? '');
    if (!project || !hasPermission(caller, project.id, 'BROWSE_PROJECTS')) {
      throw badRequest('', { project: 'Specify a valid project ID or key' });
    }
    const issueTypeId = issueTypeIdFor(store, fields.issuetype);
    const organizations = fields[ORGANIZATIONS_FIELD_ID];
    const requestType = fields[REQUEST_TYPE_FIELD_ID];
    const issue: SimIssue = {
      id: store.allocateIssueId(),
      key: `${project.key}-${store.nextIssueNumber(project.id)}`,
      projectId: project.id,
      summary: fields.summary,
      issueTypeId,
      priorityId: fields.priority === undefined ? DEFAULT_PRIORITY_ID : priorityIdFor(store, fields.priority),
      ...(requestType === undefined ? {} : { requestTypeId: requestTypeIdFor(store, project.id, requestType) }),
      created: now,
      updated: now,
      properties: {},
      reporterAccountId: caller.accountId,
      ...(organizations === undefined ? {} : { organizationIds: organizationIdsFor(store, project.id, organizations) }),
    };
    requirePermission(caller, issue, 'EDIT_ISSUES', 'create issues in this project');
    store.putIssue(issue);
    emit({ eventType: 'avi:jira:created:issue', selfGenerated: false, atlassianId: caller.accountId, issue: eventIssue(store, issue) });
    return ok({ id: issue.id, key: issue.key, self: `${baseUrl}/rest/api/3/issue/${issue.id}` }, 0, 201);
  },
};

/**
 * Deleting an issue needs Administer projects (the stand-in for Delete issues). Its worklogs
 * vanish without worklog-deleted events and without entries in `/worklog/deleted`, as in Jira.
 */
export const deleteIssueRoute: Route = {
  method: 'DELETE',
  path: '/rest/api/3/issue/{issueIdOrKey}',
  handle(context) {
    const { store, caller } = context;
    const issue = pathIssue(context);
    requirePermission(caller, issue, 'ADMINISTER_PROJECTS', 'delete this issue');
    store.removeIssue(issue);
    return noContent();
  },
};

const editIssueBody = z.object({
  fields: z
    .object({
      summary: z.string().min(1, 'You must specify a summary of the issue.').optional(),
      priority: namedValue.optional(),
      issuetype: namedValue.optional(),
      [ORGANIZATIONS_FIELD_ID]: organizationIdsValue.optional(),
      [REQUEST_TYPE_FIELD_ID]: z.string().optional(),
    })
    .strict(),
});

/**
 * Edits an issue's fields (`summary`, `priority`, `issuetype`, the Organizations and Request Type fields; any other
 * field is 400, as one not on the edit screen is). Needs Edit issues. 204; when something changed, an entry in the
 * issue's changelog and `avi:jira:updated:issue` with it.
 */
export const editIssueRoute: Route = {
  method: 'PUT',
  path: '/rest/api/3/issue/{issueIdOrKey}',
  handle(context) {
    const { store, caller, body, now, emit } = context;
    const issue = pathIssue(context);
    requirePermission(caller, issue, 'EDIT_ISSUES', 'edit this issue');
    const parsed = editIssueBody.safeParse(body ?? {});
    if (!parsed.success) {
      throw badRequest(
        '',
        Object.fromEntries(
          parsed.error.issues.flatMap((problem) =>
            problem.code === 'unrecognized_keys'
              ? problem.keys.map((key) => [key, `Field '${key}' cannot be set. It is not on the appropriate screen, or unknown.`])
              : [[problem.path.filter((segment) => segment !== 'fields').join('.') || 'request', problem.message]],
          ),
        ),
      );
    }
    const { summary, priority, issuetype, [ORGANIZATIONS_FIELD_ID]: organizations, [REQUEST_TYPE_FIELD_ID]: requestType } = parsed.data.fields;
    const edited: SimIssue = {
      ...issue,
      ...(summary === undefined ? {} : { summary }),
      ...(priority === undefined ? {} : { priorityId: priorityIdFor(store, priority) }),
      ...(issuetype === undefined ? {} : { issueTypeId: issueTypeIdFor(store, issuetype) }),
      ...(organizations === undefined ? {} : { organizationIds: organizationIdsFor(store, issue.projectId, organizations) }),
      ...(requestType === undefined ? {} : { requestTypeId: requestTypeIdFor(store, issue.projectId, requestType) }),
    };
    const items = changelogItems(store, issue, edited);
    if (items.length === 0) return noContent();
    const entry = { id: store.allocateChangelogId(), created: now, authorAccountId: caller.accountId, items };
    const saved: SimIssue = { ...edited, updated: now, changelog: [...(issue.changelog ?? []), entry] };
    store.putIssue(saved);
    emit({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: false,
      atlassianId: caller.accountId,
      issue: eventIssue(store, saved),
      changelog: { id: entry.id, items },
    });
    return noContent();
  },
};

/** Jira lists multi-value fields as comma-separated raw values (ids) and shown values (names), null when empty. */
function changelogItems(store: SiteStore, before: SimIssue, after: SimIssue): ChangelogItem[] {
  const items: ChangelogItem[] = [];
  if (before.summary !== after.summary) {
    items.push({ field: 'summary', fieldId: 'summary', fieldtype: 'jira', from: null, fromString: before.summary, to: null, toString: after.summary });
  }
  const priorityBefore = store.priorityOf(before);
  const priorityAfter = store.priorityOf(after);
  if (priorityBefore.id !== priorityAfter.id) {
    items.push({ field: 'priority', fieldId: 'priority', fieldtype: 'jira', from: priorityBefore.id, fromString: priorityBefore.name, to: priorityAfter.id, toString: priorityAfter.name });
  }
  if (before.issueTypeId !== after.issueTypeId) {
    const name = (id: string) => store.issueType(id)?.name ?? null;
    items.push({ field: 'issuetype', fieldId: 'issuetype', fieldtype: 'jira', from: before.issueTypeId, fromString: name(before.issueTypeId), to: after.issueTypeId, toString: name(after.issueTypeId) });
  }
  if (before.requestTypeId !== after.requestTypeId) {
    const name = (id: string | undefined) => (id === undefined ? null : (store.requestType(id)?.name ?? null));
    items.push({
      field: 'Customer Request Type',
      fieldId: REQUEST_TYPE_FIELD_ID,
      fieldtype: 'custom',
      from: before.requestTypeId ?? null,
      fromString: name(before.requestTypeId),
      to: after.requestTypeId ?? null,
      toString: name(after.requestTypeId),
    });
  }
  const from = before.organizationIds ?? [];
  const to = after.organizationIds ?? [];
  if (from.join(',') !== to.join(',')) {
    const names = (ids: readonly string[]) => (ids.length === 0 ? null : ids.map((id) => store.organization(id)?.name ?? id).join(', '));
    items.push({
      field: 'Organizations',
      fieldId: ORGANIZATIONS_FIELD_ID,
      fieldtype: 'custom',
      from: from.length === 0 ? null : from.join(', '),
      fromString: names(from),
      to: to.length === 0 ? null : to.join(', '),
      toString: names(to),
    });
  }
  return items;
}

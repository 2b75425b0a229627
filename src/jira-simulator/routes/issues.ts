import * as z from 'zod';
import type { ChangelogItem, IssueEventBody } from '../events';
import { badRequest } from '../http';
import { ORGANIZATIONS_FIELD_ID, type SimIssue } from '../model';
import { hasPermission, requirePermission } from '../permissions';
import type { SiteStore } from '../store';
import { ISSUE_FIELDS, issueView } from '../views';
import { listParam, parseBody } from './params';
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
    return ok(issueView(store, issue, fields, listParam(query, 'properties'), baseUrl), 1);
  },
};

/** The Organizations field as Jira takes it: organisation ids as numbers; null or [] empties it. */
const organizationIdsValue = z.array(z.number().int().positive()).nullable();

const createIssueBody = z.object({
  fields: z.object({
    project: z.object({ key: z.string().optional(), id: z.string().optional() }),
    summary: z.string().min(1, 'You must specify a summary of the issue.'),
    issuetype: z.object({ id: z.string().optional(), name: z.string().optional() }),
    [ORGANIZATIONS_FIELD_ID]: organizationIdsValue.optional(),
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
    },
  };
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
    const issueType = store.issueType(fields.issuetype.id ?? fields.issuetype.name ?? '');
    if (!issueType) throw badRequest('', { issuetype: 'Specify a valid issue type' });
    const organizations = fields[ORGANIZATIONS_FIELD_ID];
    const issue: SimIssue = {
      id: store.allocateIssueId(),
      key: `${project.key}-${store.nextIssueNumber(project.id)}`,
      projectId: project.id,
      summary: fields.summary,
      issueTypeId: issueType.id,
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
      [ORGANIZATIONS_FIELD_ID]: organizationIdsValue.optional(),
    })
    .strict(),
});

/**
 * Edits an issue's fields (`summary` and the Organizations field; any other field is 400, as one not on the edit
 * screen is). Needs Edit issues. 204; when something changed, `avi:jira:updated:issue` with Jira's changelog.
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
    const { summary, [ORGANIZATIONS_FIELD_ID]: organizations } = parsed.data.fields;
    const edited: SimIssue = {
      ...issue,
      ...(summary === undefined ? {} : { summary }),
      ...(organizations === undefined ? {} : { organizationIds: organizationIdsFor(store, issue.projectId, organizations) }),
    };
    const items = changelogItems(store, issue, edited);
    if (items.length === 0) return noContent();
    store.putIssue({ ...edited, updated: now });
    emit({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: false,
      atlassianId: caller.accountId,
      issue: eventIssue(store, edited),
      changelog: { id: store.allocateChangelogId(), items },
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

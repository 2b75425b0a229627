import * as z from 'zod';
import { badRequest } from '../http';
import { hasPermission, requirePermission } from '../permissions';
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

const createIssueBody = z.object({
  fields: z.object({
    project: z.object({ key: z.string().optional(), id: z.string().optional() }),
    summary: z.string().min(1, 'You must specify a summary of the issue.'),
    issuetype: z.object({ id: z.string().optional(), name: z.string().optional() }),
  }),
});

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
    const issue = {
      id: store.allocateIssueId(),
      key: `${project.key}-${store.nextIssueNumber(project.id)}`,
      projectId: project.id,
      summary: fields.summary,
      issueTypeId: issueType.id,
      created: now,
      updated: now,
      properties: {},
    };
    requirePermission(caller, issue, 'EDIT_ISSUES', 'create issues in this project');
    store.putIssue(issue);
    emit({
      eventType: 'avi:jira:created:issue',
      selfGenerated: false,
      atlassianId: caller.accountId,
      issue: {
        id: issue.id,
        key: issue.key,
        fields: {
          summary: issue.summary,
          project: { id: project.id, key: project.key, name: project.name },
          issuetype: { id: issueType.id, name: issueType.name },
        },
      },
    });
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

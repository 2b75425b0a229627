import * as z from 'zod';
import type { WorklogEvent } from '../events';
import { badRequest, notFound } from '../http';
import { formatJiraDateTime, parseStarted } from '../jira-time';
import type { SimIssue, SimUser, SimWorklog } from '../model';
import { hasPermission } from '../permissions';
import type { SiteStore, StoredWorklog } from '../store';
import { worklogView } from '../views';
import { integerParam, optionalIntegerParam, parseBody } from './params';
import { noContent, ok, pathIssue, type Route, type RouteContext } from './route';

/** Jira's default and maximum page size for an issue's worklogs. */
const MAX_WORKLOGS_PAGE = 5000;

export const listWorklogsRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/worklog',
  handle(context) {
    const { store, query, baseUrl } = context;
    const issue = pathIssue(context);
    const startAt = integerParam(query, 'startAt', 0);
    const maxResults = Math.min(integerParam(query, 'maxResults', MAX_WORKLOGS_PAGE), MAX_WORKLOGS_PAGE);
    if (startAt < 0 || maxResults < 0) throw badRequest('startAt and maxResults must not be negative.');
    const startedAfter = optionalIntegerParam(query, 'startedAfter');
    const startedBefore = optionalIntegerParam(query, 'startedBefore');
    const inRange = store
      .worklogsOf(issue.id)
      .filter(({ startedMs }) => (startedAfter === null || startedMs >= startedAfter) && (startedBefore === null || startedMs < startedBefore));
    const worklogs = inRange.slice(startAt, startAt + maxResults).map((stored) => worklogView(store, stored, baseUrl));
    return ok({ startAt, maxResults, total: inRange.length, worklogs }, worklogs.length);
  },
};

export const getWorklogRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}',
  handle(context) {
    const { store, params, baseUrl } = context;
    const issue = pathIssue(context);
    return ok(worklogView(store, worklogOf(store, issue, params.id ?? ''), baseUrl), 1);
  },
};

const startedText = z.string().refine((value) => parseStarted(value) !== null, {
  error: "The started date must look like '2026-10-05T09:00:00.000+0200'.",
});
const timeSpentSeconds = z.number().int().min(60, 'Time spent must be at least one minute.');
const createBody = z.object({ timeSpentSeconds, started: startedText, comment: z.unknown().optional() });
const updateBody = z.object({ timeSpentSeconds: timeSpentSeconds.optional(), started: startedText.optional(), comment: z.unknown().optional() });

/** Logging work needs Work on issues; without it Jira answers 400 (its spec documents no 403 here). */
export const createWorklogRoute: Route = {
  method: 'POST',
  path: '/rest/api/3/issue/{issueIdOrKey}/worklog',
  handle(context) {
    const { store, caller, body, now } = context;
    const issue = pathIssue(context);
    if (!hasPermission(caller, issue.projectId, 'WORK_ON_ISSUES')) {
      throw badRequest('You do not have the permission to associate a worklog to this issue.');
    }
    const input = parseBody(createBody, body);
    const worklog: SimWorklog = {
      id: store.allocateWorklogId(),
      issueId: issue.id,
      authorAccountId: caller.accountId,
      updateAuthorAccountId: caller.accountId,
      started: input.started,
      timeSpentSeconds: input.timeSpentSeconds,
      ...(input.comment === undefined ? {} : { comment: input.comment }),
      created: now,
      updated: now,
    };
    return saveWorklog(context, issue, worklog, 'avi:jira:created:worklog', 201);
  },
};

export const updateWorklogRoute: Route = {
  method: 'PUT',
  path: '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}',
  handle(context) {
    const { caller, body, now } = context;
    const { issue, stored } = editableWorklog(context, 'edit');
    const current = stored.worklog;
    const input = parseBody(updateBody, body);
    const worklog: SimWorklog = {
      ...current,
      ...(input.started === undefined ? {} : { started: input.started }),
      ...(input.timeSpentSeconds === undefined ? {} : { timeSpentSeconds: input.timeSpentSeconds }),
      ...(input.comment === undefined ? {} : { comment: input.comment }),
      updateAuthorAccountId: caller.accountId,
      updated: now,
    };
    return saveWorklog(context, issue, worklog, 'avi:jira:updated:worklog', 200);
  },
};

export const deleteWorklogRoute: Route = {
  method: 'DELETE',
  path: '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}',
  handle(context) {
    const { store, caller, now, emit } = context;
    const { issue, stored } = editableWorklog(context, 'delete');
    store.removeWorklog(stored, now);
    store.putIssue({ ...issue, updated: now });
    emit(worklogEvent('avi:jira:deleted:worklog', caller, stored.worklog));
    return noContent();
  },
};

function saveWorklog(context: RouteContext, issue: SimIssue, worklog: SimWorklog, eventType: WorklogEvent['eventType'], status: number) {
  const { store, caller, now, baseUrl, emit } = context;
  const stored = store.putWorklog(worklog);
  store.putIssue({ ...issue, updated: now });
  emit(worklogEvent(eventType, caller, worklog));
  return ok(worklogView(store, stored, baseUrl), 0, status);
}

function worklogOf(store: SiteStore, issue: SimIssue, id: string): StoredWorklog {
  const stored = store.worklog(id);
  if (stored?.worklog.issueId !== issue.id) throw notFound(`Cannot find worklog with id: ${id}.`);
  return stored;
}

/**
 * The worklog named by the path, if the caller may change it: own worklogs need Work on issues,
 * others' also Administer projects (the stand-in for Edit all worklogs).
 */
function editableWorklog(context: RouteContext, action: 'edit' | 'delete'): { issue: SimIssue; stored: StoredWorklog } {
  const { store, caller, params } = context;
  const issue = pathIssue(context);
  const stored = worklogOf(store, issue, params.id ?? '');
  const worklog = stored.worklog;
  const mayWork = hasPermission(caller, issue.projectId, 'WORK_ON_ISSUES');
  const mayTouch = worklog.authorAccountId === caller.accountId || hasPermission(caller, issue.projectId, 'ADMINISTER_PROJECTS');
  if (!mayWork || !mayTouch) throw badRequest(`You do not have the permission to ${action} this worklog.`);
  return { issue, stored };
}

function worklogEvent(eventType: WorklogEvent['eventType'], caller: SimUser, worklog: SimWorklog): WorklogEvent {
  return {
    eventType,
    selfGenerated: false,
    atlassianId: caller.accountId,
    worklog: {
      id: worklog.id,
      issueId: worklog.issueId,
      author: { accountId: worklog.authorAccountId },
      updateAuthor: { accountId: worklog.updateAuthorAccountId },
      started: worklog.started,
      timeSpentSeconds: worklog.timeSpentSeconds,
      created: formatJiraDateTime(worklog.created),
      updated: formatJiraDateTime(worklog.updated),
    },
  };
}

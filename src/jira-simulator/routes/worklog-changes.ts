import { firstIndexWhere } from '../../collections/first-index-where';
import * as z from 'zod';
import { mayBrowseIssue } from '../permissions';
import { worklogView } from '../views';
import { integerParam, parseBody } from './params';
import { ok, type Route, type RouteContext, type RouteOutcome } from './route';

/** Jira's page size for `/worklog/updated` and `/worklog/deleted`. */
const CHANGES_PAGE_SIZE = 1000;
/** Jira leaves out changes from the last minute: they may not be indexed yet. */
const CHANGES_LAG_MS = 60_000;
const MAX_LIST_IDS = 1000;

export const updatedWorklogsRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/worklog/updated',
  handle(context) {
    const { store, caller } = context;
    return changesPage(context, store.worklogsByUpdateTime(), {
      timeOf: (stored) => stored.worklog.updated,
      idOf: (stored) => stored.worklog.id,
      visible: (stored) => mayBrowseIssue(store, caller, stored.worklog.issueId),
    });
  },
};

/** Deletions are listed whoever may see them now: the issue may be gone. */
export const deletedWorklogsRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/worklog/deleted',
  handle(context) {
    return changesPage(context, context.store.deletions(), {
      timeOf: (deletion) => deletion.deletedAt,
      idOf: (deletion) => deletion.worklogId,
      visible: () => true,
    });
  },
};

interface ChangeReader<T> {
  readonly timeOf: (item: T) => number;
  idOf(item: T): string;
  visible(item: T): boolean;
}

/**
 * One page of changes at or after `since`, oldest first, from a list sorted by time. A page never
 * splits changes made in the same millisecond (it grows past 1,000 instead), so `nextPage` can
 * start at `until + 1` without losing or repeating any.
 */
function changesPage<T>(context: RouteContext, byTime: readonly T[], reader: ChangeReader<T>): RouteOutcome {
  const since = integerParam(context.query, 'since', 0);
  const horizon = context.now - CHANGES_LAG_MS;
  const values: { worklogId: number; updatedTime: number; properties: [] }[] = [];
  let lastPage = true;
  for (let index = firstIndexWhere(byTime, (item) => reader.timeOf(item) >= since); index < byTime.length; index += 1) {
    const item = byTime[index];
    if (item === undefined) break;
    const time = reader.timeOf(item);
    if (time > horizon) break;
    const previous = values[values.length - 1];
    if (values.length >= CHANGES_PAGE_SIZE && previous?.updatedTime !== time) {
      lastPage = false;
      break;
    }
    if (reader.visible(item)) values.push({ worklogId: Number(reader.idOf(item)), updatedTime: time, properties: [] });
  }
  const until = values[values.length - 1]?.updatedTime ?? since;
  const nextPage = new URL(context.baseUrl + context.path);
  nextPage.searchParams.set('since', String(values.length > 0 ? until + 1 : since));
  const expand = context.query.get('expand');
  if (expand) nextPage.searchParams.set('expand', expand);
  return ok({ values, since, until, self: context.selfUrl, nextPage: nextPage.toString(), lastPage }, values.length);
}


const listBody = z.object({
  ids: z
    .array(z.number().int())
    .min(1, 'Provide at least one worklog id.')
    .max(MAX_LIST_IDS, `You can request at most ${MAX_LIST_IDS} worklogs at once.`),
});

export const listWorklogsByIdRoute: Route = {
  method: 'POST',
  path: '/rest/api/3/worklog/list',
  handle({ store, caller, body, baseUrl }) {
    const { ids } = parseBody(listBody, body);
    const worklogs: ReturnType<typeof worklogView>[] = [];
    for (const id of new Set(ids)) {
      const stored = store.worklog(String(id));
      if (stored && mayBrowseIssue(store, caller, stored.worklog.issueId)) worklogs.push(worklogView(store, stored, baseUrl));
    }
    return ok(worklogs, worklogs.length);
  },
};

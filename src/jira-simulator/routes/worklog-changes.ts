import { z } from 'zod';
import { mayBrowseIssue } from '../permissions';
import { worklogView } from '../views';
import { integerParam, parseBody } from './params';
import { ok, type Route, type RouteContext, type RouteOutcome } from './route';

/** Jira's page size for `/worklog/updated` and `/worklog/deleted`. */
const CHANGES_PAGE_SIZE = 1000;
/** Jira leaves out changes from the last minute: they may not be indexed yet. */
const CHANGES_LAG_MS = 60_000;
const MAX_LIST_IDS = 1000;

interface Change {
  readonly worklogId: string;
  readonly time: number;
}

export const updatedWorklogsRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/worklog/updated',
  handle(context) {
    const { store, caller } = context;
    const changes = store
      .worklogsByUpdateTime()
      .filter(({ worklog }) => mayBrowseIssue(store, caller, worklog.issueId))
      .map(({ worklog }) => ({ worklogId: worklog.id, time: worklog.updated }));
    return changesPage(context, changes);
  },
};

export const deletedWorklogsRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/worklog/deleted',
  handle(context) {
    return changesPage(
      context,
      context.store.deletions().map((deletion) => ({ worklogId: deletion.worklogId, time: deletion.deletedAt })),
    );
  },
};

/**
 * One page of changes at or after `since`, oldest first. A page never splits changes made in the
 * same millisecond (it grows past 1,000 instead), so `nextPage` can start at `until + 1` without
 * losing or repeating any.
 */
function changesPage(context: RouteContext, changesByTime: readonly Change[]): RouteOutcome {
  const since = integerParam(context.query, 'since', 0);
  const horizon = context.now - CHANGES_LAG_MS;
  const eligible = changesByTime.filter((change) => change.time >= since && change.time <= horizon);
  let end = Math.min(CHANGES_PAGE_SIZE, eligible.length);
  while (end < eligible.length && eligible[end]?.time === eligible[end - 1]?.time) end += 1;
  const page = eligible.slice(0, end);
  const last = page[page.length - 1];
  const until = last ? last.time : since;
  const nextSince = last ? last.time + 1 : since;
  const nextPage = new URL(context.baseUrl + context.path);
  nextPage.searchParams.set('since', String(nextSince));
  const expand = context.query.get('expand');
  if (expand) nextPage.searchParams.set('expand', expand);
  return ok(
    {
      values: page.map((change) => ({ worklogId: Number(change.worklogId), updatedTime: change.time, properties: [] })),
      since,
      until,
      self: context.selfUrl,
      nextPage: nextPage.toString(),
      lastPage: end >= eligible.length,
    },
    page.length,
  );
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

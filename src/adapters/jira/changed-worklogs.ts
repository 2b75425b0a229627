import type * as z from 'zod';
import { JiraError, type ChangedWorklogs, type DeletedWorklogs } from '../../app/ports/jira';
import type { Instant, JiraWorklog } from '../../ledger/types';
import type { JiraClient } from './jira-client';
import { resourcePath } from './transport';
import { ChangedWorklogsSchema, WorklogListSchema } from './schemas';

/** `POST /worklog/list` takes at most this many ids. */
export const WORKLOG_LIST_MAX_IDS = 1000;

type ChangeFeed = '/rest/api/3/worklog/updated' | '/rest/api/3/worklog/deleted';

const FEED_OPERATION: Record<ChangeFeed, string> = {
  '/rest/api/3/worklog/updated': 'worklogs-updated',
  '/rest/api/3/worklog/deleted': 'worklogs-deleted',
};

/** Worklogs created or updated after `since`: every page of `/worklog/updated`, then the worklogs in chunks. */
export async function worklogsChangedSince(client: JiraClient, since: Instant): Promise<ChangedWorklogs> {
  const changes = await readChangeFeed(client, '/rest/api/3/worklog/updated', since);
  const chunks = chunk(changes.worklogIds, WORKLOG_LIST_MAX_IDS);
  const lists = await Promise.all(chunks.map((ids) => listWorklogs(client, ids)));
  return { worklogs: lists.flat(), until: changes.until };
}

/** Ids of worklogs deleted after `since`. */
export async function worklogsDeletedSince(client: JiraClient, since: Instant): Promise<DeletedWorklogs> {
  const changes = await readChangeFeed(client, '/rest/api/3/worklog/deleted', since);
  return { worklogIds: changes.worklogIds.map(String), until: changes.until };
}

/**
 * Follows the feed page by page to `lastPage`. Each page starts at the `since` of the previous
 * page's `nextPage` link (the first millisecond after its `until`), as Jira documents paging;
 * the last page's link is also the watermark for next time, so no change is read twice.
 */
async function readChangeFeed(
  client: JiraClient,
  template: ChangeFeed,
  since: Instant,
): Promise<{ worklogIds: number[]; until: Instant }> {
  const worklogIds = new Set<number>();
  let watermark = since;
  for (;;) {
    const page = await client.send({
      operation: FEED_OPERATION[template],
      method: 'GET',
      resource: { template },
      query: { since: String(watermark) },
      idempotent: true,
      parse: (body) => ChangedWorklogsSchema.parse(body),
      countObjects: (result) => result.values.length,
    });
    for (const value of page.values) worklogIds.add(value.worklogId);
    const next = nextSince(page, watermark);
    if (page.lastPage) return { worklogIds: [...worklogIds], until: next };
    if (next <= watermark) throw stalledFeed(template, watermark);
    watermark = next;
  }
}

/** The `since` of Jira's `nextPage` link; without one, the millisecond after a non-empty page's `until`. */
function nextSince(page: z.infer<typeof ChangedWorklogsSchema>, since: Instant): Instant {
  const linked = page.nextPage === undefined ? null : new URL(page.nextPage).searchParams.get('since');
  if (linked !== null && /^\d+$/.test(linked)) return Math.max(Number(linked), since);
  return page.values.length === 0 || page.until === undefined ? since : Math.max(page.until + 1, since);
}

function listWorklogs(client: JiraClient, ids: readonly number[]): Promise<JiraWorklog[]> {
  return client.send({
    operation: 'worklog-list',
    method: 'POST',
    resource: { template: '/rest/api/3/worklog/list' },
    body: { ids },
    idempotent: true,
    parse: (body) => WorklogListSchema.parse(body),
    countObjects: (result) => result.length,
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** A page that is not the last must move the watermark on, or following it would never end. */
function stalledFeed(template: ChangeFeed, since: Instant): JiraError {
  return new JiraError({
    kind: 'server',
    operation: FEED_OPERATION[template],
    method: 'GET',
    path: resourcePath({ template }),
    errorMessages: [`a page that is not the last did not advance past since=${since}`],
    errors: {},
    attempts: 1,
  });
}

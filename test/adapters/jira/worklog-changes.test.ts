import * as z from 'zod';
import { useSimulatedJira } from './support/simulated-jira';
import { SEEDED_AT } from './support/site-builder';

const WorklogListRequest = z.object({ ids: z.array(z.number()) });

describe('worklogs changed and deleted since a watermark', () => {
  const jira = useSimulatedJira((site) => {
    for (let index = 0; index < 50; index += 1) site.issue({ planId: 'gold', worklogs: 50 });
    return { deletedWorklogs: ['19990', '19991', '19992'].map((worklogId, index) => ({ worklogId, deletedAt: SEEDED_AT + index })) };
  });

  it('reads every page of worklog/updated, then the worklogs in chunks of at most 1,000 ids', async () => {
    const { adapter, transport } = jira().connect();
    const changed = await adapter.worklogsChangedSince(0);

    expect(changed.worklogs).toHaveLength(2500);
    expect(new Set(changed.worklogs.map((worklog) => worklog.id)).size).toBe(2500);
    expect(changed.until).toBe(SEEDED_AT + 22500 + 1);
    expect(transport.calls()).toEqual([
      ...Array<string>(3).fill('GET /rest/api/3/worklog/updated'),
      ...Array<string>(3).fill('POST /rest/api/3/worklog/list'),
    ]);
    expect(transport.sent.slice(0, 3).map(({ query }) => query.since)).toEqual([
      '0',
      String(SEEDED_AT + 21000 + 1),
      String(SEEDED_AT + 22000 + 1),
    ]);
    expect(transport.sent.slice(3).map(({ body }) => WorklogListRequest.parse(body).ids.length)).toEqual([1000, 1000, 500]);
    expect(adapter.stats().byOperation).toEqual({
      'worklogs-updated': { calls: 3, points: 3 + 2500, retries: 0 },
      'worklog-list': { calls: 3, points: 3 + 2500, retries: 0 },
    });
  });

  it('reads only what changed after the watermark, and nothing twice', async () => {
    const { adapter, transport } = jira().connect();
    const tail = await adapter.worklogsChangedSince(SEEDED_AT + 22450);
    expect(tail.worklogs.map((worklog) => worklog.id)).toEqual(Array.from({ length: 51 }, (_, index) => String(22450 + index)));

    const nothingNew = await adapter.worklogsChangedSince(tail.until);
    expect(nothingNew).toEqual({ worklogs: [], until: tail.until });
    expect(transport.calls()).toEqual([
      'GET /rest/api/3/worklog/updated',
      'POST /rest/api/3/worklog/list',
      'GET /rest/api/3/worklog/updated',
    ]);
  });

  it('reads the ids of deleted worklogs', async () => {
    const { adapter } = jira().connect();
    expect(await adapter.worklogsDeletedSince(0)).toEqual({ worklogIds: ['19990', '19991', '19992'], until: SEEDED_AT + 3 });
  });
});

import { expect } from '@jest/globals';
import type { ProductEvent } from '../../src/jira-simulator/events';
import { errorBody, worklogBody, worklogPage } from './responses';
import { ADMIN, AGENT, APP, buildIssue, buildState, buildWorklog, call, newSimulator, VIEWER } from './site';

const issue = buildIssue(1);
const thirty = Array.from({ length: 30 }, (_, index) =>
  buildWorklog(70_000 + index, issue, { started: `2026-09-${String(index + 1).padStart(2, '0')}T09:00:00.000+0000` }),
);

describe('GET /rest/api/3/issue/{issueIdOrKey}/worklog', () => {
  it('pages with startAt and maxResults and reports the total', async () => {
    const { simulator } = newSimulator(buildState([issue], thirty));
    const ids: string[] = [];
    for (let startAt = 0; startAt < 30; startAt += 12) {
      const page = worklogPage.parse((await call(simulator, APP, 'GET', `/rest/api/3/issue/SUP-1/worklog?startAt=${startAt}&maxResults=12`)).body);
      expect(page).toMatchObject({ startAt, maxResults: 12, total: 30 });
      ids.push(...page.worklogs.map((worklog) => worklog.id));
    }
    expect(ids).toEqual(thirty.map((worklog) => worklog.id));
    expect(simulator.stats.points).toBe(3 + 30);
  });

  it('defaults to and caps at 5,000 a page', async () => {
    const { simulator } = newSimulator(buildState([issue], thirty));
    const page = worklogPage.parse((await call(simulator, APP, 'GET', '/rest/api/3/issue/20001/worklog?maxResults=9000')).body);
    expect([page.maxResults, page.worklogs.length]).toEqual([5000, 30]);
  });

  it('keeps worklogs started at or after startedAfter and before startedBefore (epoch ms)', async () => {
    const { simulator } = newSimulator(buildState([issue], thirty));
    const after = Date.parse('2026-09-10T09:00:00Z');
    const before = Date.parse('2026-09-13T09:00:00Z');
    const page = worklogPage.parse((await call(simulator, APP, 'GET', `/rest/api/3/issue/SUP-1/worklog?startedAfter=${after}&startedBefore=${before}`)).body);
    expect([page.total, page.worklogs.map((worklog) => worklog.started)]).toEqual([
      3,
      ['2026-09-10T09:00:00.000+0000', '2026-09-11T09:00:00.000+0000', '2026-09-12T09:00:00.000+0000'],
    ]);
  });
});

describe('worklog writes', () => {
  function collect(events: ProductEvent[]) {
    return (event: ProductEvent) => {
      events.push(event);
    };
  }

  it('creates, updates and deletes a worklog and emits one event each, after the call answered', async () => {
    const { simulator, clock } = newSimulator(buildState([issue]));
    const events: ProductEvent[] = [];
    simulator.onEvent(collect(events));
    const created = await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/worklog', { timeSpentSeconds: 5400, started: '2026-10-01T09:00:00.000+0530' });
    expect(events).toEqual([]);
    const worklog = worklogBody.parse(created.body);
    expect(worklog).toEqual({
      id: '50000',
      issueId: '20001',
      started: '2026-10-01T09:00:00.000+0530',
      timeSpentSeconds: 5400,
      author: expect.objectContaining({ accountId: AGENT.accountId }),
      updateAuthor: expect.objectContaining({ accountId: AGENT.accountId }),
      created: '2026-10-01T12:00:00.000+0000',
      updated: '2026-10-01T12:00:00.000+0000',
    });
    clock.advance(60_000);
    const updated = await call(simulator, ADMIN, 'PUT', '/rest/api/3/issue/SUP-1/worklog/50000', { timeSpentSeconds: 3600 });
    expect(worklogBody.parse(updated.body)).toMatchObject({ timeSpentSeconds: 3600, updateAuthor: { accountId: ADMIN.accountId }, updated: '2026-10-01T12:01:00.000+0000' });
    const deleted = await call(simulator, AGENT, 'DELETE', '/rest/api/3/issue/SUP-1/worklog/50000');
    expect(deleted.status).toBe(204);
    await simulator.idle();
    expect(events.map((event) => event.eventType)).toEqual(['avi:jira:created:worklog', 'avi:jira:updated:worklog', 'avi:jira:deleted:worklog']);
    expect(events[1]).toEqual({
      eventType: 'avi:jira:updated:worklog',
      selfGenerated: false,
      atlassianId: ADMIN.accountId,
      worklog: {
        id: '50000',
        issueId: '20001',
        author: { accountId: AGENT.accountId },
        updateAuthor: { accountId: ADMIN.accountId },
        started: '2026-10-01T09:00:00.000+0530',
        timeSpentSeconds: 3600,
        created: '2026-10-01T12:00:00.000+0000',
        updated: '2026-10-01T12:01:00.000+0000',
      },
    });
  });

  it('refuses malformed input with Jira field errors', async () => {
    const { simulator } = newSimulator(buildState([issue]));
    const { status, body } = await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/worklog', { timeSpentSeconds: 30, started: '2026-10-01 09:00' });
    expect(status).toBe(400);
    expect(errorBody.parse(body).errors).toEqual({
      timeSpentSeconds: 'Time spent must be at least one minute.',
      started: "The started date must look like '2026-10-05T09:00:00.000+0200'.",
    });
  });

  it('lets only people who work on issues log work, and only on their own worklogs unless they administer the project', async () => {
    const { simulator } = newSimulator(buildState([issue], [buildWorklog(1, issue, { authorAccountId: ADMIN.accountId })]));
    const viewer = await call(simulator, VIEWER, 'POST', '/rest/api/3/issue/SUP-1/worklog', { timeSpentSeconds: 600, started: '2026-10-01T09:00:00.000+0000' });
    expect(viewer.body).toEqual({ errorMessages: ['You do not have the permission to associate a worklog to this issue.'], errors: {} });
    const othersWorklog = await call(simulator, AGENT, 'DELETE', '/rest/api/3/issue/SUP-1/worklog/1');
    expect(othersWorklog).toMatchObject({ status: 400, body: { errorMessages: ['You do not have the permission to delete this worklog.'] } });
  });

  it('emits issue-created events, and none at all when an issue and its worklogs are deleted', async () => {
    const { simulator } = newSimulator(buildState([issue], thirty));
    const events: ProductEvent[] = [];
    simulator.onEvent(collect(events));
    const created = await call(simulator, AGENT, 'POST', '/rest/api/3/issue', { fields: { project: { id: '10000' }, summary: 'Printer on fire', issuetype: { id: '10002' } } });
    expect(created.body).toEqual({ id: '30000', key: 'SUP-2', self: 'http://jira.test/rest/api/3/issue/30000' });
    expect((await call(simulator, ADMIN, 'DELETE', '/rest/api/3/issue/SUP-1')).status).toBe(204);
    await simulator.idle();
    expect(events).toEqual([
      {
        eventType: 'avi:jira:created:issue',
        selfGenerated: false,
        atlassianId: AGENT.accountId,
        issue: {
          id: '30000',
          key: 'SUP-2',
          fields: {
            summary: 'Printer on fire',
            project: { id: '10000', key: 'SUP', name: 'Support' },
            issuetype: { id: '10002', name: 'Bug' },
            priority: { id: '3', name: 'Medium' },
            created: '2026-10-01T12:00:00.000+0000',
            updated: '2026-10-01T12:00:00.000+0000',
          },
        },
      },
    ]);
    const listed = await call(simulator, APP, 'POST', '/rest/api/3/worklog/list', { ids: [70_000, 70_001] });
    expect(listed.body).toEqual([]);
  });
});

import { changedWorklogs, errorBody, worklogBody } from './responses';
import { AGENT, APP, buildIssue, buildState, buildWorklog, call, newSimulator, T0 } from './site';
import * as z from 'zod';

const issue = buildIssue(1);
/** 2,500 worklogs updated one second apart, the last one 10 minutes before the clock. */
const many = Array.from({ length: 2500 }, (_, index) => {
  const time = T0 - 600_000 - (2499 - index) * 1000;
  return buildWorklog(80_000 + index, issue, { created: time, updated: time });
});

describe('GET /rest/api/3/worklog/updated', () => {
  it('pages 1,000 at a time, oldest first, following nextPage until lastPage', async () => {
    const { simulator } = newSimulator(buildState([issue], many));
    const seen: number[] = [];
    let path = '/rest/api/3/worklog/updated?since=0';
    const pages: boolean[] = [];
    for (;;) {
      const page = changedWorklogs.parse((await call(simulator, APP, 'GET', path)).body);
      seen.push(...page.values.map((value) => value.worklogId));
      pages.push(page.lastPage);
      if (page.lastPage) break;
      expect(page.until).toBe(page.values[page.values.length - 1]?.updatedTime);
      path = new URL(page.nextPage).pathname + new URL(page.nextPage).search;
    }
    expect(pages).toEqual([false, false, true]);
    expect(seen).toEqual(many.map((worklog) => Number(worklog.id)));
  });

  it('leaves out changes from the last 60 seconds of the simulator clock', async () => {
    const { simulator, clock } = newSimulator(buildState([issue]));
    await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/worklog', { timeSpentSeconds: 600, started: '2026-10-01T09:00:00.000+0000' });
    const fresh = changedWorklogs.parse((await call(simulator, APP, 'GET', `/rest/api/3/worklog/updated?since=${T0 - 1000}`)).body);
    expect(fresh).toMatchObject({ values: [], since: T0 - 1000, until: T0 - 1000, lastPage: true });
    clock.advance(60_000);
    const settled = changedWorklogs.parse((await call(simulator, APP, 'GET', `/rest/api/3/worklog/updated?since=${T0 - 1000}`)).body);
    expect(settled.values).toEqual([{ worklogId: 50000, updatedTime: T0 }]);
    expect(settled.nextPage).toBe(`http://jira.test/rest/api/3/worklog/updated?since=${T0 + 1}`);
  });

  it('never splits changes of the same millisecond across pages', async () => {
    const sameTime = Array.from({ length: 1005 }, (_, index) => buildWorklog(90_000 + index, issue, { updated: T0 - 120_000 }));
    const { simulator } = newSimulator(buildState([issue], sameTime));
    const page = changedWorklogs.parse((await call(simulator, APP, 'GET', '/rest/api/3/worklog/updated')).body);
    expect([page.values.length, page.lastPage]).toEqual([1005, true]);
  });
});

describe('GET /rest/api/3/worklog/deleted', () => {
  it('lists deletions by time after the lag, but not the worklogs of a deleted issue', async () => {
    const other = buildIssue(2);
    const { simulator, clock } = newSimulator(buildState([issue, other], [buildWorklog(1, issue), buildWorklog(2, issue), buildWorklog(3, other)]));
    await call(simulator, APP, 'DELETE', '/rest/api/3/issue/SUP-1/worklog/2');
    clock.advance(1000);
    await call(simulator, APP, 'DELETE', '/rest/api/3/issue/SUP-1/worklog/1');
    await call(simulator, APP, 'DELETE', '/rest/api/3/issue/SUP-2');
    clock.advance(60_000);
    const page = changedWorklogs.parse((await call(simulator, APP, 'GET', '/rest/api/3/worklog/deleted?since=0')).body);
    expect(page.values).toEqual([
      { worklogId: 2, updatedTime: T0 },
      { worklogId: 1, updatedTime: T0 + 1000 },
    ]);
  });
});

describe('POST /rest/api/3/worklog/list', () => {
  it('returns the worklogs that exist among at most 1,000 ids', async () => {
    const { simulator } = newSimulator(buildState([issue], many));
    const ids = Array.from({ length: 1000 }, (_, index) => 79_500 + index);
    const listed = z.array(worklogBody).parse((await call(simulator, APP, 'POST', '/rest/api/3/worklog/list', { ids })).body);
    expect([listed.length, listed[0]?.id, listed[listed.length - 1]?.id]).toEqual([500, '80000', '80499']);
    expect(simulator.stats.points).toBe(501);
  });

  it('answers 400 for more than 1,000 ids and for none', async () => {
    const { simulator } = newSimulator(buildState([issue], many));
    const tooMany = await call(simulator, APP, 'POST', '/rest/api/3/worklog/list', { ids: Array.from({ length: 1001 }, (_, index) => index) });
    expect(errorBody.parse(tooMany.body).errors).toEqual({ ids: 'You can request at most 1000 worklogs at once.' });
    const none = await call(simulator, APP, 'POST', '/rest/api/3/worklog/list', { ids: [] });
    expect([none.status, errorBody.parse(none.body).errors]).toEqual([400, { ids: 'Provide at least one worklog id.' }]);
  });
});

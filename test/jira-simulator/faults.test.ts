import type { ProductEvent } from '../../src/jira-simulator/events';
import { AGENT, APP, buildIssue, buildState, buildWorklog, call, newSimulator } from './site';

const issue = buildIssue(1);
const worklogs = Array.from({ length: 4 }, (_, index) => buildWorklog(100 + index, issue));
const search = { jql: 'project = SUP', fields: ['key'] };

describe('the points quota', () => {
  it('answers 429 with Retry-After and Jira\'s error body once the window\'s points are spent, then recovers', async () => {
    const { simulator, clock } = newSimulator(buildState([issue], worklogs));
    simulator.faults.quota = { points: 7, windowMs: 60_000 };
    // 1 + 4 worklogs = 5 points, then 1 + 1 issue = 2 points: the quota of 7 is spent.
    expect((await call(simulator, APP, 'GET', '/rest/api/3/issue/SUP-1/worklog')).status).toBe(200);
    expect((await call(simulator, APP, 'POST', '/rest/api/3/search/jql', search)).status).toBe(200);
    clock.advance(15_500);
    const limited = await call(simulator, APP, 'POST', '/rest/api/3/search/jql', search);
    expect([limited.status, limited.headers.get('retry-after'), limited.body]).toEqual([429, '45', { errorMessages: ['Rate limit exceeded.'], errors: {} }]);
    clock.advance(44_500);
    expect((await call(simulator, APP, 'POST', '/rest/api/3/search/jql', search)).status).toBe(200);
    expect([simulator.stats.calls, simulator.stats.points, simulator.stats.rateLimited]).toEqual([4, 9, 1]);
    simulator.resetStats();
    expect(simulator.stats).toEqual({
      calls: 0,
      points: 0,
      rateLimited: 0,
      injectedServerErrors: 0,
      injectedTimeouts: 0,
      byRoute: {},
      events: { emitted: 0, delivered: 0, dropped: 0, duplicated: 0, listenerErrors: 0 },
      notifications: [],
    });
  });
});

describe('injected failures', () => {
  it('fails the next N calls on matching paths with a 5xx, then answers normally', async () => {
    const { simulator } = newSimulator(buildState([issue], worklogs));
    simulator.faults.serverErrors.push({ path: /\/worklog$/, next: 2, status: 503 });
    const statuses = [];
    statuses.push((await call(simulator, APP, 'POST', '/rest/api/3/search/jql', search)).status);
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await call(simulator, APP, 'GET', '/rest/api/3/issue/SUP-1/worklog')).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect(simulator.stats.injectedServerErrors).toBe(2);
  });

  it('fails a share of calls chosen by the seeded generator, the same share for the same seed', async () => {
    const run = async (seed: number) => {
      const { simulator } = newSimulator(buildState([issue]), { seed });
      simulator.faults.serverErrors.push({ probability: 0.5 });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 20; attempt += 1) statuses.push((await call(simulator, APP, 'GET', '/rest/api/3/myself')).status);
      return statuses;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(first.filter((status) => status === 500).length).toBeGreaterThan(4);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(4);
  });

  it('answers late, or never until the client gives up', async () => {
    const { simulator } = newSimulator(buildState([issue]));
    simulator.faults.timeouts.push({ next: 1, answerAfterMs: 5 });
    expect((await call(simulator, APP, 'GET', '/rest/api/3/myself')).status).toBe(200);
    simulator.faults.timeouts.push({ next: 1 });
    const client = new AbortController();
    const pending = simulator.fetch('http://jira.test/rest/api/3/myself', {
      headers: { authorization: `Basic ${Buffer.from('app@support-hours.local:app-token').toString('base64')}` },
      signal: client.signal,
    });
    client.abort();
    await expect(pending).rejects.toThrow('The simulator dropped a request it was told never to answer.');
    expect(simulator.stats.injectedTimeouts).toBe(2);
  });

  it('adds latency to each call', async () => {
    const { simulator } = newSimulator(buildState([issue]));
    simulator.faults.latencyMs = 2;
    expect((await call(simulator, APP, 'GET', '/rest/api/3/myself')).status).toBe(200);
  });
});

describe('event delivery faults', () => {
  async function logWork(count: number, configure: (faults: ReturnType<typeof newSimulator>['simulator']['faults']) => void) {
    const { simulator } = newSimulator(buildState([issue]), { seed: 7 });
    configure(simulator.faults);
    const received: ProductEvent[] = [];
    simulator.onEvent((event) => {
      received.push(event);
    });
    for (let n = 0; n < count; n += 1) {
      await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/worklog', { timeSpentSeconds: 600 + n * 60, started: '2026-10-01T09:00:00.000+0000' });
    }
    await simulator.idle();
    return { ids: received.map((event) => ('worklog' in event ? event.worklog.id : event.issue.id)), stats: simulator.stats.events };
  }

  it('drops the next N events', async () => {
    const { ids, stats } = await logWork(3, (faults) => (faults.events.drop.next = 2));
    expect([ids, stats.dropped]).toEqual([['50002'], 2]);
  });

  it('delivers some events twice', async () => {
    const { ids } = await logWork(2, (faults) => (faults.events.duplicate.next = 1));
    expect(ids).toEqual(['50000', '50000', '50001']);
  });

  it('shuffles the events of one tick when reordering is on', async () => {
    const { simulator } = newSimulator(buildState([issue]), { seed: 3 });
    simulator.faults.events.reorder = true;
    const received: string[] = [];
    simulator.onEvent((event) => {
      if ('worklog' in event) received.push(event.worklog.id);
    });
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/worklog', { timeSpentSeconds: 600 + n, started: '2026-10-01T09:00:00.000+0000' }),
      ),
    );
    await simulator.idle();
    expect([...received].sort()).toEqual(['50000', '50001', '50002', '50003', '50004', '50005', '50006', '50007']);
    expect(received).not.toEqual([...received].sort());
  });
});

describe('faults over HTTP', () => {
  it('passes Retry-After through, and lets a never-answered request go when the client gives up and the server closes', async () => {
    const { simulator } = newSimulator(buildState([issue]));
    const server = await simulator.listen({ host: '127.0.0.1' });
    const headers = { authorization: `Basic ${Buffer.from('app@support-hours.local:app-token').toString('base64')}` };
    simulator.faults.quota = { points: 1, windowMs: 10_000 };
    await fetch(`${server.url}/rest/api/3/myself`, { headers });
    const limited = await fetch(`${server.url}/rest/api/3/myself`, { headers });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '10']);
    simulator.faults.quota = null;
    simulator.faults.timeouts.push({ next: 1 });
    const client = new AbortController();
    const held = simulator.nextHeldRequest();
    const pending = fetch(`${server.url}/rest/api/3/myself`, { headers, signal: client.signal });
    await held;
    client.abort();
    await expect(pending).rejects.toThrow('aborted');
    await server.close();
    expect(simulator.stats.injectedTimeouts).toBe(1);
  });
});

import { JiraError } from '../../../src/app/ports/jira';
import { useSimulatedJira } from './support/simulated-jira';
import { VIEWER } from './support/site-builder';

describe('the access layer under Jira’s faults', () => {
  let linkedIssueId = '';
  const jira = useSimulatedJira((site) => {
    linkedIssueId = site.issue({ planId: 'gold', worklogs: 2 });
    for (let index = 0; index < 12; index += 1) site.issue({ planId: 'busy', worklogs: 25 });
  });

  beforeEach(() => {
    const { faults } = jira().simulator;
    faults.quota = null;
    faults.latencyMs = 0;
    faults.serverErrors.length = 0;
    faults.timeouts.length = 0;
    jira().sleeps.length = 0;
    // The simulator's quota window outlives a test: start each one in a fresh window.
    jira().advance(600_000);
  });

  async function failure(promise: Promise<unknown>): Promise<JiraError> {
    const error: unknown = await promise.then(
      () => null,
      (rejection: unknown) => rejection,
    );
    if (!(error instanceof JiraError)) throw new Error(`expected a JiraError, got ${String(error)}`);
    return error;
  }

  it('waits the Retry-After of a 429, then succeeds', async () => {
    jira().simulator.faults.quota = { points: 3, windowMs: 5_000 };
    const { adapter } = jira().connect();
    for (let call = 0; call < 3; call += 1) await adapter.currentUser();

    expect(jira().sleeps).toEqual([5_000]);
    expect(adapter.stats()).toMatchObject({ calls: 4, retries: 1 });
    expect(jira().simulator.stats.rateLimited).toBe(1);
  });

  it('gives up at once when Retry-After is longer than it may wait', async () => {
    jira().simulator.faults.quota = { points: 1, windowMs: 120_000 };
    const { adapter } = jira().connect({ maxDelayMs: 30_000 });
    await adapter.currentUser();
    const error = await failure(adapter.currentUser());

    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, attempts: 1, retryAfterSeconds: 120 });
    expect(error.message).toBe('Jira current-user (GET /rest/api/3/myself) failed after 1 attempt: 429 Too Many Requests (Rate limit exceeded.)');
    expect(jira().sleeps).toEqual([]);
  });

  it('retries a search after 5xx with jittered exponential back-off, then succeeds', async () => {
    jira().simulator.faults.serverErrors.push({ next: 2, status: 503, path: /search/ });
    const { adapter, transport } = jira().connect();
    const issues = await adapter.findPlanIssues({ planId: 'gold' });

    expect(issues.map((issue) => issue.id)).toEqual([linkedIssueId]);
    expect(jira().sleeps).toEqual([375, 750]);
    expect(transport.calls()).toEqual(Array(3).fill('POST /rest/api/3/search/jql'));
    expect(adapter.stats().byOperation.search).toEqual({ calls: 3, points: 4, retries: 2 });
  });

  it('reports a call that keeps failing clearly', async () => {
    jira().simulator.faults.serverErrors.push({ probability: 1, status: 503, path: /search/ });
    const { adapter } = jira().connect();
    const error = await failure(adapter.findPlanIssues({ planId: 'gold' }));

    expect(error.message).toBe(
      'Jira search (POST /rest/api/3/search/jql) failed after 4 attempts: 503 Service Unavailable (Internal server error (injected by the simulator).)',
    );
    expect(error).toMatchObject({ kind: 'server', operation: 'search', method: 'POST', path: '/rest/api/3/search/jql', status: 503, attempts: 4 });
    expect(jira().sleeps).toEqual([375, 750, 1500]);
  });

  it('never retries a property write after a 5xx', async () => {
    jira().simulator.faults.serverErrors.push({ next: 1, status: 502, path: /properties/ });
    const { adapter, transport } = jira().connect();
    const error = await failure(adapter.setIssueLink(linkedIssueId, { planId: 'silver', billingClass: 'extra' }));

    expect(error).toMatchObject({ kind: 'server', status: 502, attempts: 1 });
    expect(transport.calls()).toEqual(['PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}']);
    expect(jira().sleeps).toEqual([]);
  });

  it('times a hanging call out and retries it', async () => {
    jira().simulator.faults.timeouts.push({ next: 1, path: /myself/ });
    const { adapter } = jira().connect({ timeoutMs: 100, startTimer: jira().timeoutWhenHeld() });
    const me = await adapter.currentUser();

    expect(me.accountId).toBe('acc-alice');
    expect(adapter.stats()).toMatchObject({ calls: 2, retries: 1 });
  });

  it('reports a call that times out every time', async () => {
    jira().simulator.faults.timeouts.push({ probability: 1, path: /myself/ });
    const { adapter } = jira().connect({ timeoutMs: 50, maxAttempts: 2, startTimer: jira().timeoutWhenHeld() });
    const error = await failure(adapter.currentUser());

    expect(error.message).toBe('Jira current-user (GET /rest/api/3/myself) failed after 2 attempts: timeout (no answer within 50 ms)');
    expect(error).toMatchObject({ kind: 'timeout', status: undefined, attempts: 2 });
  });

  it('reports bad credentials and missing permissions without retrying', async () => {
    const stranger = jira().connect({}, { email: 'nobody@example.com', apiToken: 'wrong' }).adapter;
    const unauthorized = await failure(stranger.currentUser());
    expect(unauthorized).toMatchObject({ kind: 'unauthorized', status: 401, attempts: 1 });
    expect(unauthorized.message).toMatch(/^Jira current-user \(GET \/rest\/api\/3\/myself\) failed after 1 attempt: 401 Unauthorized/);

    const viewer = jira().connect({}, VIEWER).adapter;
    const forbidden = await failure(viewer.setIssueLink(linkedIssueId, { planId: 'gold', billingClass: 'covered' }));
    expect(forbidden).toMatchObject({ kind: 'forbidden', status: 403, attempts: 1, operation: 'set-issue-link' });
    expect(forbidden.path).toBe(`/rest/api/3/issue/${linkedIssueId}/properties/support-plan`);
  });

  it.each([3, 4])('keeps at most %i calls in flight', async (maxConcurrency) => {
    jira().simulator.faults.latencyMs = 20;
    const { adapter, transport } = jira().connect({ maxConcurrency });
    const issues = await adapter.findPlanIssues({ planId: 'busy' });

    expect(issues.map((issue) => issue.worklogs.length)).toEqual(Array(12).fill(25));
    expect(transport.calls().filter((call) => call.endsWith('/worklog'))).toHaveLength(12);
    expect(transport.maxInFlight).toBe(maxConcurrency);
  });
});

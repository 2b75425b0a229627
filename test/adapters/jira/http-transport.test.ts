import { createServer, type Server } from 'node:http';
import { JiraError } from '../../../src/app/ports/jira';
import { HttpTransport } from '../../../src/adapters/jira/http-transport';
import { JiraTestAdapter } from '../../support/jira-test-adapter';
import { JiraSimulator } from '../../../src/jira-simulator/simulator';
import { ALICE, SiteBuilder } from './support/site-builder';

describe('HttpTransport', () => {
  it('runs in-process on the simulator’s handle, with Basic auth', async () => {
    const simulator = new JiraSimulator({ state: new SiteBuilder().build() });
    const transport = new HttpTransport({
      baseUrl: 'http://jira.invalid/',
      email: ALICE.email,
      apiToken: ALICE.apiToken,
      fetch: (request) => simulator.handle(request),
    });
    expect(await new JiraTestAdapter(transport).currentUser()).toEqual({
      accountId: ALICE.accountId,
      displayName: 'Alice',
      timeZone: 'Europe/Berlin',
    });
  });

  it('reports a site that cannot be reached as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const transport = new HttpTransport({ baseUrl: `http://127.0.0.1:${address.port}`, email: ALICE.email, apiToken: ALICE.apiToken });
    const adapter = new JiraTestAdapter(transport, { maxAttempts: 2, sleep: async () => undefined });
    const error: unknown = await adapter.getProject('SUP').catch((rejection: unknown) => rejection);
    expect(error).toMatchObject({ kind: 'network', attempts: 2 });
    expect(error instanceof Error && error.message).toBe(
      `Jira get-project (GET /rest/api/3/project/SUP) failed after 2 attempts: network (fetch failed: connect ECONNREFUSED 127.0.0.1:${address.port})`,
    );
  });

  describe('answers the simulator never gives', () => {
    // The simulator always answers as Jira documents, with the worklog field; these could come
    // from a gateway in front of Jira, a changed API, or a search whose worklog field is missing.
    const answers: Record<string, { readonly status: number; readonly type: string; readonly body: string }> = {
      'GET /rest/api/3/myself': { status: 200, type: 'application/json', body: '{"accountId":42}' },
      'POST /rest/api/3/search/jql': {
        status: 200,
        type: 'application/json',
        body: JSON.stringify({
          issues: [
            {
              id: '10001',
              key: 'OLD-1',
              fields: { summary: 'Time tracking off', project: { id: '1', key: 'OLD' }, priority: { id: '2' } },
              properties: { 'support-plan': { planId: 'gold', billingClass: 'covered' } },
              changelog: { startAt: 0, maxResults: 100, total: 0, histories: [] },
            },
          ],
          isLast: true,
        }),
      },
      'GET /rest/api/3/issue/10001/worklog?startAt=0': {
        status: 200,
        type: 'application/json',
        body: JSON.stringify({
          startAt: 0,
          maxResults: 5000,
          total: 1,
          worklogs: [{ id: '7', issueId: '10001', started: '2026-10-05T09:00:00.000+0200', timeSpentSeconds: 3600 }],
        }),
      },
    };
    const gatewayPage = { status: 502, type: 'text/html', body: '<html><body>Bad gateway</body></html>' };
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      server = createServer((request, response) => {
        const answer = answers[`${request.method} ${request.url}`] ?? gatewayPage;
        response.writeHead(answer.status, { 'Content-Type': answer.type });
        response.end(answer.body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
      baseUrl = `http://127.0.0.1:${address.port}`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    function connect(sleeps: number[]): JiraTestAdapter {
      return new JiraTestAdapter(new HttpTransport({ baseUrl, email: ALICE.email, apiToken: ALICE.apiToken }), {
        maxAttempts: 2,
        random: () => 0,
        sleep: async (milliseconds) => {
          sleeps.push(milliseconds);
        },
      });
    }

    it('quotes an HTML error page in the error', async () => {
      const sleeps: number[] = [];
      const error: unknown = await connect(sleeps).getProject('SUP').catch((rejection: unknown) => rejection);

      expect(error).toBeInstanceOf(JiraError);
      expect(error).toMatchObject({ kind: 'server', status: 502, attempts: 2 });
      expect(error instanceof Error && error.message).toBe(
        'Jira get-project (GET /rest/api/3/project/SUP) failed after 2 attempts: 502 Bad Gateway (<html><body>Bad gateway</body></html>)',
      );
      expect(sleeps).toEqual([250]);
    });

    it('names the field of an answer that is not shaped as Jira documents, without retrying', async () => {
      const sleeps: number[] = [];
      const error: unknown = await connect(sleeps).currentUser().catch((rejection: unknown) => rejection);

      expect(error).toMatchObject({ kind: 'server', status: 200, attempts: 1 });
      expect(error instanceof Error && error.message).toBe(
        'Jira current-user (GET /rest/api/3/myself) failed after 1 attempt: 200 OK (unexpected answer: ✖ Invalid input: expected string, received number → at accountId ✖ Invalid input: expected string, received undefined → at displayName)',
      );
      expect(sleeps).toEqual([]);
    });

    it('reads the worklogs of an issue whose search result has no worklog field', async () => {
      const issues = await connect([]).findPlanIssues({ planId: 'gold' });
      expect(issues).toEqual([
        {
          id: '10001',
          key: 'OLD-1',
          summary: 'Time tracking off',
          projectId: '1',
          projectKey: 'OLD',
          link: { issueId: '10001', issueKey: 'OLD-1', planId: 'gold', billingClass: 'covered' },
          worklogs: [{ id: '7', issueId: '10001', started: '2026-10-05T09:00:00.000+0200', timeSpentSeconds: 3600 }],
          attributes: { priority: '2' },
          attributeChanges: [],
        },
      ]);
    });
  });
});

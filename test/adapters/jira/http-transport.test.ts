import { createServer, type Server } from 'node:http';
import { JiraError } from '../../../src/app/ports/jira';
import { HttpTransport } from '../../../src/adapters/jira/http-transport';
import { JiraAdapter } from '../../../src/adapters/jira/jira-adapter';
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
    expect(await new JiraAdapter(transport).currentUser()).toEqual({
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
    const adapter = new JiraAdapter(transport, { maxAttempts: 2, sleep: async () => undefined });
    const error: unknown = await adapter.getProject('SUP').catch((rejection: unknown) => rejection);
    expect(error).toMatchObject({ kind: 'network', attempts: 2 });
    expect(error instanceof Error && error.message).toBe(
      `Jira get-project (GET /rest/api/3/project/SUP) failed after 2 attempts: network (fetch failed: connect ECONNREFUSED 127.0.0.1:${address.port})`,
    );
  });

  describe('behind a proxy that answers with an HTML page', () => {
    // The simulator always answers JSON; a gateway in front of Jira may not.
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      server = createServer((_request, response) => {
        response.writeHead(502, { 'Content-Type': 'text/html' });
        response.end('<html><body>Bad gateway</body></html>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP address');
      baseUrl = `http://127.0.0.1:${address.port}`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('quotes the page in the error', async () => {
      const sleeps: number[] = [];
      const adapter = new JiraAdapter(new HttpTransport({ baseUrl, email: ALICE.email, apiToken: ALICE.apiToken }), {
        maxAttempts: 2,
        random: () => 0,
        sleep: async (milliseconds) => {
          sleeps.push(milliseconds);
        },
      });
      const error: unknown = await adapter.currentUser().catch((rejection: unknown) => rejection);

      expect(error).toBeInstanceOf(JiraError);
      expect(error).toMatchObject({
        kind: 'server',
        status: 502,
        attempts: 2,
        message: 'Jira current-user (GET /rest/api/3/myself) failed after 2 attempts: 502 Bad Gateway (<html><body>Bad gateway</body></html>)',
      });
      expect(sleeps).toEqual([250]);
    });
  });
});

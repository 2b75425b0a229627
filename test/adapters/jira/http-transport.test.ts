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

  describe('in front of a server that misbehaves', () => {
    // The simulator answers as Jira documents; a gateway or a changed API may not.
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      server = createServer((request, response) => {
        if (request.url === '/rest/api/3/myself') {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end('{"accountId":42}');
          return;
        }
        response.writeHead(502, { 'Content-Type': 'text/html' });
        response.end('<html><body>Bad gateway</body></html>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP address');
      baseUrl = `http://127.0.0.1:${address.port}`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    function connect(sleeps: number[]): JiraAdapter {
      return new JiraAdapter(new HttpTransport({ baseUrl, email: ALICE.email, apiToken: ALICE.apiToken }), {
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
  });
});

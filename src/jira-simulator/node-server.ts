import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:43123` */
  readonly url: string;
  close(): Promise<void>;
}

type Handler = (request: Request) => Promise<Response>;

/** Serves a fetch-style handler over node:http on the loopback interface only. */
export function listenOnLoopback(
  handler: Handler,
  options: { readonly port?: number; readonly host: '127.0.0.1' },
  onClose: () => void,
): Promise<RunningServer> {
  const server = createServer((incoming, outgoing) => {
    void serve(handler, incoming, outgoing);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('The simulator server has no TCP address.'));
        return;
      }
      resolve({
        url: `http://${options.host}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            onClose();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function serve(handler: Handler, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const aborted = new AbortController();
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) aborted.abort();
  });
  try {
    const body = await readBody(incoming);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const request = new Request(`http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`, {
      method: incoming.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
      signal: aborted.signal,
    });
    const response = await handler(request);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    if (outgoing.headersSent || aborted.signal.aborted) return;
    outgoing.writeHead(500, { 'content-type': 'application/json' });
    outgoing.end(JSON.stringify({ errorMessages: [error instanceof Error ? error.message : String(error)], errors: {} }));
  }
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

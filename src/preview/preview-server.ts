import { randomBytes } from 'node:crypto';
import { listenOnLoopback, type RunningServer } from '../jira-simulator/node-server';
import { createPreviewHandler, type PreviewDependencies } from './preview-handler';
import { guardPreviewRequests } from './request-guard';

const TOKEN_BYTES = 32;

/**
 * The preview's HTTP server: on 127.0.0.1 only (any free port unless one is asked for), behind
 * the guard that answers only the preview's own page, with a new random token on every start.
 */
export async function startPreviewServer(dependencies: Omit<PreviewDependencies, 'token'>, port?: number): Promise<RunningServer> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  let listeningOn: number | undefined;
  const handler = guardPreviewRequests(createPreviewHandler({ ...dependencies, token }), { token, port: () => listeningOn });
  const server = await listenOnLoopback(handler, { host: '127.0.0.1', ...(port === undefined ? {} : { port }) }, () => undefined);
  listeningOn = Number(new URL(server.url).port);
  return server;
}

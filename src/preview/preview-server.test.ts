/**
 * The preview server over real HTTP, as a browser or another program on the machine reaches it:
 * only its own page, at its own host, with JSON and this start's token, may change anything.
 */
import { expect } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningServer } from '../jira-simulator/node-server';
import { readPreviewToken } from '../../test/support/preview-token';
import { GadgetConfigurationFile } from './gadget-configuration-file';
import { PREVIEW_TOKEN_HEADER, type InvokeRequest } from './protocol';
import { startPreviewServer } from './preview-server';

const API_TOKEN = 'demo-admin-api-token';
const INVOKE_BODY = JSON.stringify({
  functionKey: 'settings/update',
  payload: { defaultPlanId: null, expectedVersion: 0 },
  context: { accountId: 'demo-admin', moduleKey: 'settings', locale: 'en-US', timezone: 'UTC', extension: { type: 'jira:projectSettingsPage' } },
});

interface Answer {
  readonly status: number;
  readonly body: string;
}

let root: string;
let server: RunningServer | undefined;
let port: number;
let token: string;
const invoked: InvokeRequest[] = [];
const jiraCalls: string[] = [];

/** One HTTP request with exactly these headers (fetch would not let a test choose `Host`). */
function send(method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path: pathname, headers: { host: `127.0.0.1:${port}`, ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The preview over the built host page in `root`, its resolvers and Jira replaced by recorders. */
function recordingDependencies(): Parameters<typeof startPreviewServer>[0] {
  return {
    projectRoot: root,
    manifest: { appId: 'support-hours', resources: new Map(), surfaces: [] },
    site: {
      siteUrl: 'https://example.atlassian.net',
      cloudId: 'cloud',
      environmentId: 'local-preview',
      project: { id: '10000', key: 'SUP', name: 'Support' },
      serviceProject: null,
      users: [{ role: 'admin', accountId: 'demo-admin', displayName: 'Ada Admin', email: 'ada@example.com', apiToken: API_TOKEN, timeZone: 'UTC', isProjectAdmin: true }],
    },
    jira: async (request) => {
      jiraCalls.push(`${request.method} ${new URL(request.url).pathname}`);
      return Response.json({});
    },
    runtime: {
      invoke: async (request) => {
        invoked.push(request);
        return { ok: true, data: { defaultPlanId: null, version: 1 } };
      },
      settle: async () => undefined,
    },
    gadgetConfiguration: new GadgetConfigurationFile(root),
  };
}

const json = { 'content-type': 'application/json' };
const withToken = () => ({ ...json, [PREVIEW_TOKEN_HEADER]: token });

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'preview-server-'));
  await mkdir(path.join(root, 'static', 'preview-host', 'build'), { recursive: true });
  await writeFile(path.join(root, 'static', 'preview-host', 'build', 'index.html'), '<!doctype html><html><head><title>Host</title></head><body></body></html>');
  await mkdir(path.join(root, 'static', 'preview-host', 'build', 'assets'));
  await writeFile(path.join(root, 'static', 'preview-host', 'build', 'assets', 'index-Ab12Cd34.js'), 'console.log("host");');
  server = await startPreviewServer(recordingDependencies());
  port = Number(new URL(server.url).port);
  token = await readPreviewToken(server.url);
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  invoked.length = 0;
  jiraCalls.length = 0;
});

function expectRefused(answer: Answer, reason: RegExp): void {
  expect(answer.status).toBe(403);
  expect(JSON.parse(answer.body)).toEqual({ error: 'FORBIDDEN', message: expect.stringMatching(reason) });
}

describe('the preview server', () => {
  it('listens on the loopback interface only', () => {
    expect(server?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('gives its own page a fresh random token each start', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startPreviewServer(recordingDependencies());
    try {
      expect(await readPreviewToken(other.url)).not.toBe(token);
    } finally {
      await other.close();
    }
  });

  it('lets the browser keep the build\'s content-named files for good, and asks it to fetch the page naming them every time', async () => {
    const asset = await fetch(`${server?.url ?? ''}/assets/index-Ab12Cd34.js`);
    expect([asset.status, asset.headers.get('cache-control'), await asset.text()]).toEqual([200, 'public, max-age=31536000, immutable', 'console.log("host");']);
    const page = await fetch(`${server?.url ?? ''}/`);
    expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });

  it('runs a resolver for its own page: JSON, the token, its own origin', async () => {
    const answer = await send('POST', '/__preview/invoke', { ...withToken(), origin: `http://127.0.0.1:${port}` }, INVOKE_BODY);
    expect(answer.status).toBe(200);
    expect(invoked.map((call) => call.functionKey)).toEqual(['settings/update']);
  });

  it('answers at localhost too', async () => {
    const answer = await send('POST', '/__preview/invoke', { ...withToken(), host: `localhost:${port}`, origin: `http://localhost:${port}` }, INVOKE_BODY);
    expect(answer.status).toBe(200);
    expect(invoked).toHaveLength(1);
  });

  it('refuses a cross-site form post (text/plain from a foreign origin) and runs nothing', async () => {
    const answer = await send('POST', '/__preview/invoke', { 'content-type': 'text/plain', origin: 'http://evil.example' }, INVOKE_BODY);
    expectRefused(answer, /only its own page/);
    expect(invoked).toEqual([]);
  });

  it('refuses a text/plain write even with the token', async () => {
    expectRefused(await send('POST', '/__preview/invoke', { 'content-type': 'text/plain', [PREVIEW_TOKEN_HEADER]: token }, INVOKE_BODY), /application\/json/);
    expect(invoked).toEqual([]);
  });

  it('refuses a foreign origin even with JSON and the token', async () => {
    expectRefused(await send('POST', '/__preview/invoke', { ...withToken(), origin: 'http://evil.example' }, INVOKE_BODY), /only its own page/);
    expectRefused(await send('POST', '/__preview/invoke', { ...withToken(), origin: 'null' }, INVOKE_BODY), /only its own page/);
    expect(invoked).toEqual([]);
  });

  it('refuses a write without the token, or with a wrong one', async () => {
    expectRefused(await send('POST', '/__preview/invoke', json, INVOKE_BODY), new RegExp(PREVIEW_TOKEN_HEADER));
    expectRefused(await send('POST', '/__preview/invoke', { ...json, [PREVIEW_TOKEN_HEADER]: `${token.slice(0, -1)}x` }, INVOKE_BODY), /reload the page/);
    expectRefused(await send('POST', '/__preview/invoke', { ...json, [PREVIEW_TOKEN_HEADER]: 'short' }, INVOKE_BODY), /reload the page/);
    expect(invoked).toEqual([]);
  });

  it.each([
    ['PUT', '/__preview/gadget-configuration', JSON.stringify({ configuration: { planId: 'x' } })],
    ['POST', '/__preview/settle', ''],
    ['POST', '/rest/api/3/issue/SUP-1/worklog', JSON.stringify({ started: '2026-10-05T09:00:00.000+0000', timeSpentSeconds: 60 })],
    ['DELETE', '/rest/api/3/issue/SUP-1/worklog/1', ''],
    ['POST', '/rest/servicedeskapi/organization/1/user', JSON.stringify({ accountIds: ['demo-customer-none'] })],
  ])('guards every write the same way: %s %s', async (method, pathname, body) => {
    expectRefused(await send(method, pathname, json, body), new RegExp(PREVIEW_TOKEN_HEADER));
    expectRefused(await send(method, pathname, { 'content-type': 'text/plain', [PREVIEW_TOKEN_HEADER]: token }, body), /application\/json/);
    expect(jiraCalls).toEqual([]);
    expect((await send(method, pathname, withToken(), body)).status).toBeLessThan(300);
  });

  it('serves nothing, and no API token, to a foreign host name (DNS rebinding)', async () => {
    const site = await send('GET', '/__preview/site', { host: `evil.example:${port}` });
    expectRefused(site, /not for the host "evil\.example:\d+"/);
    expect(site.body).not.toContain(API_TOKEN);
    expectRefused(await send('GET', '/', { host: `evil.example:${port}` }), /not for the host/);
    expectRefused(await send('POST', '/__preview/invoke', { ...withToken(), host: `evil.example:${port}`, origin: `http://evil.example:${port}` }, INVOKE_BODY), /not for the host/);
    expectRefused(await send('GET', '/__preview/site', { host: '127.0.0.1:1' }), /not for the host/);
    expect(invoked).toEqual([]);
  });

  it('serves its own page the demo site, credentials included', async () => {
    const site = await send('GET', '/__preview/site', {});
    expect(site.status).toBe(200);
    expect(site.body).toContain(API_TOKEN);
  });
});

import path from 'node:path';
import type { GadgetConfigurationFile } from './gadget-configuration-file';
import type { ManifestSurfaces } from './manifest-surfaces';
import { type DemoSite, gadgetConfigurationSaveSchema, type InvokeRequest, invokeRequestSchema, type SurfaceModule } from './protocol';
import { cacheControlOf, FRAME_BRIDGE_PATH, readStaticFile, withFrameBridge, withPreviewToken } from './static-files';

/** The app's server side as the preview runs it: the local Forge runtime over the simulator. */
export interface PreviewRuntime {
  /** Calls a resolver as Forge would for a frame's `invoke`, and answers its return value. */
  invoke(request: InvokeRequest): Promise<unknown>;
  /** Resolves once every Jira event emitted so far has been handled by the app. */
  settle(): Promise<void>;
}

export interface PreviewDependencies {
  readonly projectRoot: string;
  readonly manifest: ManifestSurfaces;
  readonly site: Omit<DemoSite, 'modules' | 'gadgetConfiguration' | 'appId'>;
  /** The Jira REST API the host page calls as the selected user (the simulator). */
  readonly jira: (request: Request) => Promise<Response>;
  readonly runtime: PreviewRuntime;
  readonly gadgetConfiguration: GadgetConfigurationFile;
  /** This start's secret, written into the host page for its writes to send back. */
  readonly token: string;
}

const HOST_BUILD = path.join('static', 'preview-host', 'build');

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function notFound(what: string): Response {
  return new Response(`Not found: ${what}`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

function resourceUrl(resourceKey: string): string {
  return `/apps/${encodeURIComponent(resourceKey)}/`;
}

function siteModules(manifest: ManifestSurfaces): SurfaceModule[] {
  return manifest.surfaces.map((surface) => ({
    type: surface.type,
    key: surface.key,
    title: surface.title,
    url: resourceUrl(surface.resourceKey),
    unlicensedAccess: [...surface.unlicensedAccess],
    ...(surface.editResourceKey === undefined ? {} : { editUrl: resourceUrl(surface.editResourceKey) }),
  }));
}

/** The preview's HTTP answers: the host page, each surface's build, the bridge's back end and Jira's REST API. */
export function createPreviewHandler(dependencies: PreviewDependencies): (request: Request) => Promise<Response> {
  const { projectRoot, manifest } = dependencies;

  async function file(root: string, relativePath: string, transformHtml?: (html: string) => string): Promise<Response> {
    const found = await readStaticFile(path.join(projectRoot, root), relativePath === '' ? 'index.html' : relativePath);
    if (found === null) return notFound(relativePath);
    const body = transformHtml !== undefined && found.contentType.startsWith('text/html') ? transformHtml(found.body.toString('utf8')) : found.body;
    return new Response(body, { headers: { 'content-type': found.contentType, 'cache-control': cacheControlOf(relativePath) } });
  }

  async function surfaceFile(pathname: string): Promise<Response> {
    const [, , encodedKey = '', ...rest] = pathname.split('/');
    const folder = manifest.resources.get(decodeURIComponent(encodedKey));
    return folder === undefined ? notFound(pathname) : file(folder, rest.join('/'), withFrameBridge);
  }

  return async (request) => {
    const { pathname } = new URL(request.url);
    const route = `${request.method} ${pathname}`;
    // Jira's REST API and, for the customer portal, Jira Service Management's.
    if (pathname.startsWith('/rest/api/3/') || pathname.startsWith('/rest/servicedeskapi/')) return dependencies.jira(request);
    if (pathname.startsWith('/apps/') && request.method === 'GET') return surfaceFile(pathname);
    switch (route) {
      case 'GET /':
        return file(HOST_BUILD, 'index.html', withPreviewToken(dependencies.token));
      case `GET ${FRAME_BRIDGE_PATH}`:
        return file(HOST_BUILD, 'frame-bridge.js');
      case 'GET /__preview/site':
        return json({
          ...dependencies.site,
          appId: manifest.appId,
          modules: siteModules(manifest),
          gadgetConfiguration: await dependencies.gadgetConfiguration.load(),
        } satisfies DemoSite);
      case 'PUT /__preview/gadget-configuration': {
        const { configuration } = gadgetConfigurationSaveSchema.parse(await request.json());
        await dependencies.gadgetConfiguration.save(configuration);
        return new Response(null, { status: 204 });
      }
      case 'POST /__preview/invoke':
        return json((await dependencies.runtime.invoke(invokeRequestSchema.parse(await request.json()))) ?? null);
      case 'POST /__preview/settle':
        await dependencies.runtime.settle();
        return new Response(null, { status: 204 });
      default:
        return pathname.startsWith('/assets/') && request.method === 'GET' ? file(HOST_BUILD, pathname.slice(1)) : notFound(pathname);
    }
  };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PREVIEW_TOKEN_META } from './protocol';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Where vite writes the files whose names carry a hash of their content (`assets/index-4GW8q6dF.js`). */
const CONTENT_HASHED_FOLDER = 'assets/';

/**
 * The `cache-control` a static file is served with. A file under `assets/` is named by its content, so a browser may
 * keep it for good, as a CDN serves such files: a page loaded again compiles its scripts from Chromium's code cache
 * instead of afresh (the browser tests load hundreds of pages). Anything else, an `index.html` naming this build's
 * files above all, is asked for again every time, so a rebuild shows on the next load.
 */
export function cacheControlOf(relativePath: string): string {
  return relativePath.startsWith(CONTENT_HASHED_FOLDER) ? 'public, max-age=31536000, immutable' : 'no-store';
}

/** A file from inside `root`, or null when it is missing or the path would leave `root`. */
export async function readStaticFile(root: string, relativePath: string): Promise<{ body: Buffer; contentType: string } | null> {
  const file = path.resolve(root, `.${path.posix.normalize(`/${relativePath}`)}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return null;
  try {
    const body = await readFile(file);
    return { body, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR')) return null;
    throw error;
  }
}

export const FRAME_BRIDGE_PATH = '/__preview/frame-bridge.js';

/**
 * A surface's `index.html` with the host's bridge script first in `<head>`, as Forge's hosting
 * adds its own before the app loads. The app's files themselves are served byte for byte.
 */
export function withFrameBridge(html: string): string {
  return html.replace(/<head>/i, `<head>\n    <script src="${FRAME_BRIDGE_PATH}"></script>`);
}

/** The host page's `index.html` with this start's token, which its writes send back (see request-guard.ts). */
export function withPreviewToken(token: string): (html: string) => string {
  return (html) => html.replace(/<head>/i, `<head>\n    <meta name="${PREVIEW_TOKEN_META}" content="${token}">`);
}

/**
 * The preview acts as the demo admin and hands out the demo users' API tokens, so it answers
 * only its own page on this machine: a foreign `Host` (DNS rebinding), a foreign `Origin`
 * (another site's page), a write that is not JSON (a form's `text/plain` needs no CORS
 * preflight) and a write without the token of this start are refused before any route runs.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { PREVIEW_TOKEN_HEADER } from './protocol';

type Handler = (request: Request) => Promise<Response>;

export interface PreviewGuardOptions {
  /** The secret of this start, which the served host page sends with every write. */
  readonly token: string;
  /** The port the preview listens on; undefined until it listens, when everything is refused. */
  readonly port: () => number | undefined;
}

/** Reads change nothing; every other method is a write. */
const READ_METHODS = new Set(['GET', 'HEAD']);

function refused(message: string): Response {
  return new Response(JSON.stringify({ error: 'FORBIDDEN', message }), {
    status: 403,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant time: both sides are hashed first, so neither the content nor the length of the token leaks. */
function isToken(given: string | null, token: string): boolean {
  return given !== null && timingSafeEqual(sha256(given), sha256(token));
}

function isJson(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Why the preview refuses the request, or null when it is its own page's. */
function refusalOf(request: Request, options: PreviewGuardOptions): string | null {
  const port = options.port();
  if (port === undefined) return 'The Support Hours preview is not listening yet.';
  const host = request.headers.get('host')?.toLowerCase() ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return `The Support Hours preview answers only at http://127.0.0.1:${port}/ or http://localhost:${port}/, not for the host ${JSON.stringify(host)}.`;
  }
  const origin = request.headers.get('origin');
  if (origin !== null && origin.toLowerCase() !== `http://${host}`) {
    return `The Support Hours preview answers only its own page, not a page from ${JSON.stringify(origin)}.`;
  }
  if (READ_METHODS.has(request.method)) return null;
  if (!isJson(request.headers.get('content-type'))) return 'Changes to the Support Hours preview must be sent as application/json.';
  if (!isToken(request.headers.get(PREVIEW_TOKEN_HEADER), options.token)) {
    return `Changes to the Support Hours preview must carry the ${PREVIEW_TOKEN_HEADER} of the page it served since its last start: reload the page.`;
  }
  return null;
}

/** The handler behind the guard: refused requests answer 403 with a JSON reason and never reach it. */
export function guardPreviewRequests(handler: Handler, options: PreviewGuardOptions): Handler {
  return async (request) => {
    const refusal = refusalOf(request, options);
    return refusal === null ? handler(request) : refused(refusal);
  };
}

import { PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_META } from '@preview/protocol';

function pageToken(): string {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${PREVIEW_TOKEN_META}"]`);
  if (meta === null) throw new Error('This page carries no preview token: open the address that `npm start` printed.');
  return meta.content;
}

export interface PreviewRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
}

/**
 * A request to the preview server as its own page makes it: every write is JSON and carries the
 * token the server wrote into this page, or the server refuses it (src/preview/request-guard.ts).
 */
export function previewFetch(path: string, request: PreviewRequest = {}): Promise<Response> {
  const method = request.method ?? 'GET';
  const writeHeaders: Record<string, string> = method === 'GET' ? {} : { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: pageToken() };
  return fetch(path, {
    method,
    headers: { ...request.headers, ...writeHeaders },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
}

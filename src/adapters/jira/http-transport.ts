import { parseBody, resourcePath, searchParamsOf, type JiraTransport, type TransportRequest, type TransportResponse } from './transport';

/** The global `fetch`, or anything that answers a `Request` the same way (the simulator's `handle`). */
export type FetchFunction = (request: Request) => Promise<Response>;

export interface HttpTransportOptions {
  /** The site, e.g. `https://example.atlassian.net` or the simulator's `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  readonly email: string;
  readonly apiToken: string;
  readonly fetch?: FetchFunction;
}

/** Jira over HTTP with Basic auth (e-mail + API token): a real site or the simulator. */
export class HttpTransport implements JiraTransport {
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly fetch: FetchFunction;

  constructor(options: HttpTransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
    this.fetch = options.fetch ?? ((request) => fetch(request));
  }

  async request({ method, resource, query, body, signal }: TransportRequest): Promise<TransportResponse> {
    const url = new URL(this.baseUrl + resourcePath(resource));
    url.search = searchParamsOf(query ?? {}).toString();
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.fetch(
      new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal }),
    );
    return {
      status: response.status,
      statusText: response.statusText,
      retryAfter: response.headers.get('retry-after'),
      body: parseBody(await response.text()),
    };
  }
}

/**
 * The one seam between the access layer and a Jira: Forge's `requestJira` or plain HTTP.
 * Everything above it speaks in resources and parsed JSON and never learns which it has.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The Jira REST resources the app uses, named by their OpenAPI path templates. */
export type JiraResource = PlatformResource | ServiceDeskResource;

/** Jira Service Management's REST API (`/rest/servicedeskapi/`), outside the platform's OpenAPI document. */
export type ServiceDeskResource =
  | { readonly template: '/rest/servicedeskapi/servicedesk' }
  | { readonly template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization'; readonly serviceDeskId: string }
  | { readonly template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype'; readonly serviceDeskId: string }
  | { readonly template: '/rest/servicedeskapi/organization' }
  | { readonly template: '/rest/servicedeskapi/organization/{organizationId}'; readonly organizationId: string }
  | { readonly template: '/rest/servicedeskapi/request/{issueIdOrKey}'; readonly issueIdOrKey: string };

/** The platform REST v3 resources, each in the committed subset of Atlassian's OpenAPI document. */
export type PlatformResource =
  | { readonly template: '/rest/api/3/search/jql' }
  | { readonly template: '/rest/api/3/jql/parse' }
  | { readonly template: '/rest/api/3/permissions/check' }
  | { readonly template: '/rest/api/3/issue/{issueIdOrKey}'; readonly issueIdOrKey: string }
  | { readonly template: '/rest/api/3/issue/{issueIdOrKey}/worklog'; readonly issueIdOrKey: string }
  | { readonly template: '/rest/api/3/issue/{issueIdOrKey}/changelog'; readonly issueIdOrKey: string }
  | { readonly template: '/rest/api/3/issue/{issueIdOrKey}/notify'; readonly issueIdOrKey: string }
  | {
      readonly template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
      readonly issueIdOrKey: string;
      readonly propertyKey: string;
    }
  | { readonly template: '/rest/api/3/worklog/updated' }
  | { readonly template: '/rest/api/3/worklog/deleted' }
  | { readonly template: '/rest/api/3/worklog/list' }
  | { readonly template: '/rest/api/3/mypermissions' }
  | { readonly template: '/rest/api/3/myself' }
  | { readonly template: '/rest/api/3/user' }
  | { readonly template: '/rest/api/3/user/bulk' }
  | { readonly template: '/rest/api/3/project/{projectIdOrKey}'; readonly projectIdOrKey: string }
  | { readonly template: '/rest/api/3/priority/search' };

/** A list value is sent as the parameter repeated (`accountId=a&accountId=b`), as Jira's array parameters are. */
export type QueryParameters = Readonly<Record<string, string | readonly string[]>>;

/** The query string of the parameters, each list value as a repeated parameter. */
export function searchParamsOf(query: QueryParameters): URLSearchParams {
  return new URLSearchParams(
    Object.entries(query).flatMap(([name, value]): [string, string][] => (typeof value === 'string' ? [[name, value]] : value.map((item) => [name, item]))),
  );
}

export interface TransportRequest {
  readonly method: HttpMethod;
  readonly resource: JiraResource;
  readonly query?: QueryParameters;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export interface TransportResponse {
  readonly status: number;
  readonly statusText: string;
  /** The raw `Retry-After` header, when Jira sent one. */
  readonly retryAfter: string | null;
  /** Parsed JSON; undefined for an empty body; the text itself when it is not JSON. */
  readonly body: unknown;
}

/** Thrown by a transport that refuses to send a request (a path parameter that would change the path). */
export class RequestRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RequestRefusedError';
  }
}

export interface JiraTransport {
  /** Resolves with any HTTP status; rejects when no response arrived (network, abort) or with {@link RequestRefusedError}. */
  request(request: TransportRequest): Promise<TransportResponse>;
}

/** The concrete path of a resource, each parameter percent-encoded. */
export function resourcePath(resource: JiraResource): string {
  return resource.template.replace(/\{(\w+)\}/g, (_placeholder, name: string) =>
    encodeURIComponent(pathParameter(resource, name)),
  );
}

function pathParameter(resource: JiraResource, name: string): string {
  const value: unknown = Object.entries(resource).find(([key]) => key === name)?.[1];
  if (typeof value !== 'string') throw new Error(`${resource.template} has no parameter ${name}`);
  return value;
}

/** Parses a body as JSON, keeping non-JSON text (a proxy's HTML error page) for the error message. */
export function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

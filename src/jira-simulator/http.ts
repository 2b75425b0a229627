/** Jira's error body (`ErrorCollection`) and the JSON responses every route answers with. */
export interface ErrorBody {
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;
}

/** Ends a request with Jira's error answer; the router turns it into a response. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(body.errorMessages.join('; ') || Object.values(body.errors).join('; '));
  }
}

export function badRequest(message: string, errors: Record<string, string> = {}): JiraHttpError {
  return new JiraHttpError(400, { errorMessages: message ? [message] : [], errors });
}

export function notFound(message: string): JiraHttpError {
  return new JiraHttpError(404, { errorMessages: [message], errors: {} });
}

export function forbidden(message: string): JiraHttpError {
  return new JiraHttpError(403, { errorMessages: [message], errors: {} });
}

export function unauthorized(): JiraHttpError {
  return new JiraHttpError(401, { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} });
}

export interface Reply {
  readonly status: number;
  /** Absent for 204. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export function toResponse(reply: Reply): Response {
  const headers = new Headers(reply.headers);
  if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
  headers.set('content-type', 'application/json;charset=UTF-8');
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}

export function errorReply(error: JiraHttpError): Reply {
  return { status: error.status, body: error.body, headers: error.headers };
}

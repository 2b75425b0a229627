/** Jira's error body (`ErrorCollection`) and the JSON responses every route answers with. */
export interface ErrorBody {
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;
}

/** Jira Service Management's error body (`ErrorResponse`), which every `/rest/servicedeskapi/` route answers with. */
export interface ServiceDeskErrorBody {
  readonly errorMessage: string;
  readonly i18nErrorMessage: { readonly i18nKey: string; readonly parameters: string[] };
}

/** Ends a request with Jira's error answer; the router turns it into a response. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | ServiceDeskErrorBody,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super('errorMessage' in body ? body.errorMessage : body.errorMessages.join('; ') || Object.values(body.errors).join('; '));
  }
}

/** A `servicedeskapi` refusal: its message and the i18n key JSM sends beside it. */
export function serviceDeskError(status: number, errorMessage: string, i18nKey: string, parameters: string[] = []): JiraHttpError {
  return new JiraHttpError(status, { errorMessage, i18nErrorMessage: { i18nKey, parameters } });
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

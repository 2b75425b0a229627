import api, { route, type Route } from '@forge/api';
import { parseBody, RequestRefusedError, searchParamsOf, type JiraResource, type JiraTransport, type TransportRequest, type TransportResponse } from './transport';

/**
 * Who Jira sees: the user who invoked a resolver (`user`, Jira checks their permissions) or
 * the app itself (`app`, for triggers, consumers and scheduled jobs, which have no user).
 */
export type ForgeIdentity = 'user' | 'app';

/** Jira from inside Forge, through `requestJira`. Runs only on Forge (it needs Forge's fetch). */
export class ForgeTransport implements JiraTransport {
  constructor(private readonly identity: ForgeIdentity) {}

  async request({ method, resource, query, body, signal }: TransportRequest): Promise<TransportResponse> {
    const path = refusingUnsafe(resource);
    const target = query && Object.keys(query).length > 0 ? route`${path}?${searchParamsOf(query)}` : path;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const requester = this.identity === 'user' ? api.asUser() : api.asApp();
    const response = await requester.requestJira(target, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    return {
      status: response.status,
      statusText: response.statusText,
      retryAfter: response.headers.get('retry-after'),
      body: parseBody(await response.text()),
    };
  }
}

function refusingUnsafe(resource: JiraResource): Route {
  try {
    return forgeRoute(resource);
  } catch (cause) {
    throw new RequestRefusedError(`Forge refused the path of ${resource.template}: ${String(cause)}`, { cause });
  }
}

/** Each path written out with `route`, which refuses parameters that would change the path. */
function forgeRoute(resource: JiraResource): Route {
  switch (resource.template) {
    case '/rest/api/3/search/jql':
      return route`/rest/api/3/search/jql`;
    case '/rest/api/3/jql/parse':
      return route`/rest/api/3/jql/parse`;
    case '/rest/api/3/permissions/check':
      return route`/rest/api/3/permissions/check`;
    case '/rest/api/3/issue/{issueIdOrKey}':
      return route`/rest/api/3/issue/${resource.issueIdOrKey}`;
    case '/rest/api/3/issue/{issueIdOrKey}/worklog':
      return route`/rest/api/3/issue/${resource.issueIdOrKey}/worklog`;
    case '/rest/api/3/issue/{issueIdOrKey}/changelog':
      return route`/rest/api/3/issue/${resource.issueIdOrKey}/changelog`;
    case '/rest/api/3/issue/{issueIdOrKey}/notify':
      return route`/rest/api/3/issue/${resource.issueIdOrKey}/notify`;
    case '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}':
      return route`/rest/api/3/issue/${resource.issueIdOrKey}/properties/${resource.propertyKey}`;
    case '/rest/api/3/worklog/updated':
      return route`/rest/api/3/worklog/updated`;
    case '/rest/api/3/worklog/deleted':
      return route`/rest/api/3/worklog/deleted`;
    case '/rest/api/3/worklog/list':
      return route`/rest/api/3/worklog/list`;
    case '/rest/api/3/mypermissions':
      return route`/rest/api/3/mypermissions`;
    case '/rest/api/3/myself':
      return route`/rest/api/3/myself`;
    case '/rest/api/3/user':
      return route`/rest/api/3/user`;
    case '/rest/api/3/user/bulk':
      return route`/rest/api/3/user/bulk`;
    case '/rest/api/3/project/{projectIdOrKey}':
      return route`/rest/api/3/project/${resource.projectIdOrKey}`;
    case '/rest/servicedeskapi/servicedesk':
      return route`/rest/servicedeskapi/servicedesk`;
    case '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization':
      return route`/rest/servicedeskapi/servicedesk/${resource.serviceDeskId}/organization`;
    case '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype':
      return route`/rest/servicedeskapi/servicedesk/${resource.serviceDeskId}/requesttype`;
    case '/rest/api/3/priority/search':
      return route`/rest/api/3/priority/search`;
    case '/rest/servicedeskapi/organization':
      return route`/rest/servicedeskapi/organization`;
    case '/rest/servicedeskapi/organization/{organizationId}':
      return route`/rest/servicedeskapi/organization/${resource.organizationId}`;
    case '/rest/servicedeskapi/request/{issueIdOrKey}':
      return route`/rest/servicedeskapi/request/${resource.issueIdOrKey}`;
  }
}

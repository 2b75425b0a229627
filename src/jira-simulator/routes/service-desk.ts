import * as z from 'zod';
import { serviceDeskError } from '../http';
import { DEFAULT_REQUEST_TYPES, type SimOrganization, type SimServiceDesk, type SimUser } from '../model';
import { customerServiceDesks, isAgent, isAgentOf, isCustomer, isOrganizationMember, viewableRequestDesk } from '../service-desk-access';
import { customerRequestView, customerView, organizationView, serviceDeskView } from '../service-desk-views';
import type { SiteStore } from '../store';
import { noContent, ok, type Route, type RouteContext } from './route';
import { pageRequest, servicePage } from './service-desk-page';

/** Jira Service Management's `/rest/servicedeskapi/` routes the app and the preview use. */

const API = '/rest/servicedeskapi';

function organizationNotFound(organizationId: string) {
  return serviceDeskError(404, `Organization with id ${organizationId} does not exist.`, 'sd.organization.error.not.found', [organizationId]);
}

function agentsOnly() {
  return serviceDeskError(403, 'You do not have permission to perform this operation.', 'sd.permission.error.agent.required');
}

/** The organisation of the `{organizationId}` path parameter, as the caller may see it (a customer only their own). */
function pathOrganization({ store, caller, params }: RouteContext): SimOrganization {
  const organizationId = params.organizationId ?? '';
  const organization = store.organization(organizationId);
  if (!organization || (isCustomer(caller) && !isOrganizationMember(store, caller, organizationId))) throw organizationNotFound(organizationId);
  return organization;
}

function visibleServiceDesks(store: SiteStore, caller: SimUser) {
  return isCustomer(caller) ? customerServiceDesks(store, caller) : store.allServiceDesks().filter((desk) => isAgentOf(caller, desk));
}

export const serviceDesksRoute: Route = {
  method: 'GET',
  path: `${API}/servicedesk`,
  handle(context) {
    const { store, caller, baseUrl, query } = context;
    const desks = visibleServiceDesks(store, caller).map((desk) => serviceDeskView(store, desk, baseUrl));
    return ok(servicePage(context, desks, pageRequest(query)));
  },
};

/** The path's service desk, for an agent of it: a customer is refused, a desk the caller cannot see does not exist. */
function agentsDesk({ store, caller, params }: RouteContext): SimServiceDesk {
  if (isCustomer(caller)) throw agentsOnly();
  const serviceDeskId = params.serviceDeskId ?? '';
  const desk = store.serviceDesk(serviceDeskId);
  if (!desk || !isAgentOf(caller, desk)) {
    throw serviceDeskError(404, `Service desk with id ${serviceDeskId} does not exist.`, 'sd.admin.servicedesk.error.no.such.servicedesk', [serviceDeskId]);
  }
  return desk;
}

/** Needs an agent of the service desk: a customer is refused, a desk the caller cannot see does not exist. */
export const serviceDeskOrganizationsRoute: Route = {
  method: 'GET',
  path: `${API}/servicedesk/{serviceDeskId}/organization`,
  handle(context) {
    const { store, baseUrl, query } = context;
    const desk = agentsDesk(context);
    const organizations = store
      .allOrganizations()
      .filter((organization) => organization.serviceDeskIds.includes(desk.id))
      .map((organization) => organizationView(organization, baseUrl));
    return ok(servicePage(context, organizations, pageRequest(query)));
  },
};

/** The service desk's request types, for agents of the desk (the simulator gives every desk {@link DEFAULT_REQUEST_TYPES}). */
export const serviceDeskRequestTypesRoute: Route = {
  method: 'GET',
  path: `${API}/servicedesk/{serviceDeskId}/requesttype`,
  handle(context) {
    const { baseUrl, query } = context;
    const desk = agentsDesk(context);
    const types = DEFAULT_REQUEST_TYPES.map((type) => ({
      id: type.id,
      name: type.name,
      description: '',
      helpText: '',
      issueTypeId: '10003',
      serviceDeskId: desk.id,
      groupIds: [],
      _links: { self: `${baseUrl}${API}/servicedesk/${desk.id}/requesttype/${type.id}` },
    }));
    return ok(servicePage(context, types, pageRequest(query)));
  },
};

/**
 * Every organisation; with `accountId`, those the account belongs to, which only a licensed user may ask. A customer
 * gets their own organisations.
 */
export const organizationsRoute: Route = {
  method: 'GET',
  path: `${API}/organization`,
  handle(context) {
    const { store, caller, baseUrl, query } = context;
    const accountId = query.get('accountId');
    if (accountId !== null && isCustomer(caller)) throw agentsOnly();
    const member = isCustomer(caller) ? caller.accountId : accountId;
    const organizations = store
      .allOrganizations()
      .filter((organization) => member === null || organization.memberAccountIds.includes(member))
      .map((organization) => organizationView(organization, baseUrl));
    return ok(servicePage(context, organizations, pageRequest(query)));
  },
};

export const organizationRoute: Route = {
  method: 'GET',
  path: `${API}/organization/{organizationId}`,
  handle: (context) => ok(organizationView(pathOrganization(context), context.baseUrl)),
};

export const organizationUsersRoute: Route = {
  method: 'GET',
  path: `${API}/organization/{organizationId}/user`,
  handle(context) {
    const { store, caller, baseUrl, query } = context;
    if (isCustomer(caller)) throw agentsOnly();
    const organization = pathOrganization(context);
    const members = organization.memberAccountIds.flatMap((accountId) => {
      const user = store.user(accountId);
      return user === undefined ? [] : [customerView(user, baseUrl)];
    });
    return ok(servicePage(context, members, pageRequest(query)));
  },
};

const addUsersBody = z.object({ accountIds: z.array(z.string().min(1)).min(1) });

/** Adds accounts to an organisation (already members stay once); needs an agent. 204. */
export const addOrganizationUsersRoute: Route = {
  method: 'POST',
  path: `${API}/organization/{organizationId}/user`,
  handle(context) {
    const { store, caller, body } = context;
    if (!isAgent(store, caller)) throw agentsOnly();
    const organization = pathOrganization(context);
    const parsed = addUsersBody.safeParse(body);
    if (!parsed.success) throw serviceDeskError(400, 'Provide the accountIds of the users to add.', 'sd.rest.organization.user.add.invalid');
    const unknown = parsed.data.accountIds.filter((accountId) => store.user(accountId) === undefined);
    if (unknown.length > 0) {
      throw serviceDeskError(400, `These accounts do not exist: ${unknown.join(', ')}.`, 'sd.rest.organization.user.not.found', unknown);
    }
    const members = [...new Set([...organization.memberAccountIds, ...parsed.data.accountIds])];
    store.putOrganization({ ...organization, memberAccountIds: members });
    return noContent();
  },
};

/** A request as its customers see it; absent and not yours look the same (404). */
export const customerRequestRoute: Route = {
  method: 'GET',
  path: `${API}/request/{issueIdOrKey}`,
  handle({ store, caller, params, baseUrl }) {
    const issueIdOrKey = params.issueIdOrKey ?? '';
    const issue = store.issue(issueIdOrKey);
    const desk = issue && viewableRequestDesk(store, caller, issue);
    if (!issue || !desk) {
      throw serviceDeskError(404, 'The request does not exist or you do not have permission to view it.', 'sd.customer.request.error.not.found', [issueIdOrKey]);
    }
    return ok(customerRequestView(store, issue, desk, baseUrl), 1);
  },
};

export const SERVICE_DESK_ROUTES: readonly Route[] = [
  serviceDesksRoute,
  serviceDeskOrganizationsRoute,
  serviceDeskRequestTypesRoute,
  organizationsRoute,
  organizationRoute,
  organizationUsersRoute,
  addOrganizationUsersRoute,
  customerRequestRoute,
];

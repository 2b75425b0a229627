import type { SimIssue, SimServiceDesk, SimUser } from './model';
import { hasPermission } from './permissions';
import type { SiteStore } from './store';

/**
 * Who sees what in Jira Service Management. An agent is a licensed account (or the app) that may browse the service
 * desk's project; a customer holds no project permission and sees a request only when they raised it, take part in
 * it, or belong to an organisation it is shared with (its Organizations field).
 */

export function isCustomer(user: SimUser): boolean {
  return user.accountType === 'customer';
}

export function isAgentOf(user: SimUser, desk: SimServiceDesk): boolean {
  return !isCustomer(user) && hasPermission(user, desk.projectId, 'BROWSE_PROJECTS');
}

/** An agent of at least one service desk: what JSM asks before it lists an organisation's members or adds to them. */
export function isAgent(store: SiteStore, user: SimUser): boolean {
  return store.allServiceDesks().some((desk) => isAgentOf(user, desk));
}

export function isOrganizationMember(store: SiteStore, user: SimUser, organizationId: string): boolean {
  return store.organization(organizationId)?.memberAccountIds.includes(user.accountId) ?? false;
}

/** Whether the customer raised the request, takes part in it, or belongs to an organisation it is shared with. */
export function customerMayViewRequest(store: SiteStore, user: SimUser, issue: SimIssue): boolean {
  if (issue.reporterAccountId === user.accountId) return true;
  if (issue.participantAccountIds?.includes(user.accountId) === true) return true;
  return (issue.organizationIds ?? []).some((organizationId) => isOrganizationMember(store, user, organizationId));
}

/** The service desk of the request, when the caller may view it as a request (agents and entitled customers). */
export function viewableRequestDesk(store: SiteStore, user: SimUser, issue: SimIssue): SimServiceDesk | undefined {
  const desk = store.serviceDeskOfProject(issue.projectId);
  if (!desk) return undefined;
  return isAgentOf(user, desk) || (isCustomer(user) && customerMayViewRequest(store, user, issue)) ? desk : undefined;
}

/** Service desks a customer reaches: those of their organisations and those where they raised or joined a request. */
export function customerServiceDesks(store: SiteStore, user: SimUser): readonly SimServiceDesk[] {
  const organizationDesks = new Set(
    store
      .allOrganizations()
      .filter((organization) => organization.memberAccountIds.includes(user.accountId))
      .flatMap((organization) => organization.serviceDeskIds),
  );
  const requestProjects = new Set(
    [...store.allIssues()]
      .filter((issue) => issue.reporterAccountId === user.accountId || issue.participantAccountIds?.includes(user.accountId) === true)
      .map((issue) => issue.projectId),
  );
  return store.allServiceDesks().filter((desk) => organizationDesks.has(desk.id) || requestProjects.has(desk.projectId));
}

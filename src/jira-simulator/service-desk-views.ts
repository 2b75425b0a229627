import { avatarUrlsOf } from './avatars';
import { formatJiraDateTime } from './jira-time';
import type { SimIssue, SimOrganization, SimServiceDesk, SimUser } from './model';
import type { SiteStore } from './store';

/**
 * The JSON shapes Jira Service Management answers with (`/rest/servicedeskapi/`), as jira.js 6.2.0 models them
 * (`src/serviceDesk/models`: ServiceDesk, Organization, User, CustomerRequest, DateDTO). The simulator's tests check
 * its answers against those models (test/jira-simulator/service-desk-models.ts).
 */

const SERVICE_DESK_API = '/rest/servicedeskapi';

/** JSM's `DateDTO`: one instant in four spellings. */
export function dateView(epochMs: number) {
  const jira = formatJiraDateTime(epochMs);
  return {
    iso8601: jira.replace(/\.\d{3}/, ''),
    jira,
    friendly: new Date(epochMs).toUTCString(),
    epochMillis: epochMs,
  };
}

export function serviceDeskView(store: SiteStore, desk: SimServiceDesk, baseUrl: string) {
  const project = store.project(desk.projectId);
  return {
    id: desk.id,
    projectId: desk.projectId,
    projectName: project?.name ?? '',
    projectKey: project?.key ?? '',
    _links: { self: `${baseUrl}${SERVICE_DESK_API}/servicedesk/${desk.id}` },
  };
}

export function organizationView(organization: SimOrganization, baseUrl: string) {
  return {
    id: organization.id,
    name: organization.name,
    scimManaged: false,
    created: dateView(organization.created),
    _links: { self: `${baseUrl}${SERVICE_DESK_API}/organization/${organization.id}` },
  };
}

export function customerView(user: SimUser, baseUrl: string) {
  const accountId = encodeURIComponent(user.accountId);
  return {
    accountId: user.accountId,
    emailAddress: user.email,
    displayName: user.displayName,
    active: user.active ?? true,
    timeZone: user.timeZone,
    _links: {
      jiraRest: `${baseUrl}/rest/api/2/user?accountId=${accountId}`,
      avatarUrls: avatarUrlsOf(user),
      self: `${baseUrl}/rest/api/3/user?accountId=${accountId}`,
    },
  };
}

/** A request as the portal shows it: no worklogs, no internal fields, only what its customers may read. */
export function customerRequestView(store: SiteStore, issue: SimIssue, desk: SimServiceDesk, baseUrl: string) {
  const reporter = issue.reporterAccountId === undefined ? undefined : store.user(issue.reporterAccountId);
  return {
    _expands: [],
    issueId: issue.id,
    issueKey: issue.key,
    requestTypeId: issue.requestTypeId ?? '1',
    serviceDeskId: desk.id,
    createdDate: dateView(issue.created),
    ...(reporter === undefined ? {} : { reporter: customerView(reporter, baseUrl) }),
    requestFieldValues: [{ fieldId: 'summary', label: 'Summary', value: issue.summary }],
    currentStatus: { status: 'Open', statusCategory: 'NEW', statusDate: dateView(issue.updated) },
    _links: {
      jiraRest: `${baseUrl}/rest/api/2/issue/${issue.id}`,
      web: `${baseUrl}/servicedesk/customer/portal/${desk.id}/${issue.key}`,
      agent: `${baseUrl}/browse/${issue.key}`,
      self: `${baseUrl}${SERVICE_DESK_API}/request/${issue.id}`,
    },
  };
}

import type { PermissionKey, SimIssue, SimOrganization, SimProject, SimServiceDesk, SimUser, SimWorklog } from '../model';
import { seededRandom } from '../prng';
import { DEMO_CUSTOMERS } from './customers';
import { DEMO_USERS } from './people';

/** The demo's Jira Service Management side: a help desk, its three organisations, their customers and requests. */

export const DEMO_HELP_PROJECT: SimProject = { id: '10001', key: 'HELP', name: 'Help desk' };
export const DEMO_SERVICE_DESK: SimServiceDesk = { id: '1', projectId: DEMO_HELP_PROJECT.id };

export const DEMO_ORGANIZATION_IDS = { acme: '1', globex: '2', initech: '3' } as const;

function customer(slug: string, displayName: string, timeZone: string): SimUser {
  return {
    accountId: `demo-customer-${slug}`,
    email: `customer-${slug}@demo.support-hours.local`,
    apiToken: `demo-customer-${slug}-token`,
    displayName,
    timeZone,
    accountType: 'customer',
    permissions: {},
  };
}

/** One customer in each organisation, one in two of them (Acme and Globex), and one in none. */
export const DEMO_PORTAL_CUSTOMERS = {
  acme: customer('acme', 'Carla Acme', DEMO_CUSTOMERS.acme.timeZone),
  globex: customer('globex', 'Gus Globex', DEMO_CUSTOMERS.globex.timeZone),
  initech: customer('initech', 'Ines Initech', DEMO_CUSTOMERS.initech.timeZone),
  both: customer('acme-globex', 'Parker Both', DEMO_CUSTOMERS.acme.timeZone),
  none: customer('none', 'Nico Nobody', 'UTC'),
} as const;

export interface DemoServiceDesk {
  readonly project: SimProject;
  readonly serviceDesk: SimServiceDesk;
  readonly organizations: readonly SimOrganization[];
  readonly customers: readonly SimUser[];
  /** Requests of the help desk, each raised by a customer and shared with the customer's organisation. */
  readonly requests: readonly SimIssue[];
  readonly worklogs: readonly SimWorklog[];
}

const DAY_MS = 86_400_000;
const REQUESTS_PER_ORGANIZATION = 4;
const REQUEST_SUMMARIES = ['Password reset for a new colleague', 'Invoice export shows the wrong month', 'VPN drops every hour', 'Add two seats to our licence', 'Report fails to load'] as const;
const WORK_AUTHORS = [DEMO_USERS.agentUs, DEMO_USERS.agentIn, DEMO_USERS.admin] as const;

/** The agents' permissions in the help desk: the same as in the demo's first project. */
export function withHelpDeskPermissions(user: SimUser): SimUser {
  const permissions: readonly PermissionKey[] = Object.values(user.permissions)[0] ?? [];
  return { ...user, permissions: { ...user.permissions, [DEMO_HELP_PROJECT.id]: permissions } };
}

/**
 * A deterministic help desk: requests created in the 60 days before `windowEnd`, each with 2–5 worklogs of 30 minutes
 * to 2 hours by the demo agents (in UTC, on the request's days). Ids follow `firstIssueId` and `firstWorklogId`.
 */
export function generateServiceDesk(options: {
  readonly seed: number;
  readonly windowEnd: number;
  readonly firstIssueId: number;
  readonly firstWorklogId: number;
}): DemoServiceDesk {
  const random = seededRandom(options.seed + 14);
  const created = options.windowEnd - 400 * DAY_MS;
  const organization = (id: string, name: string, members: readonly SimUser[]): SimOrganization => ({
    id,
    name,
    created,
    memberAccountIds: members.map((member) => member.accountId),
    serviceDeskIds: [DEMO_SERVICE_DESK.id],
  });
  const people = DEMO_PORTAL_CUSTOMERS;
  const organizations = [
    organization(DEMO_ORGANIZATION_IDS.acme, DEMO_CUSTOMERS.acme.name, [people.acme, people.both]),
    organization(DEMO_ORGANIZATION_IDS.globex, DEMO_CUSTOMERS.globex.name, [people.globex, people.both]),
    organization(DEMO_ORGANIZATION_IDS.initech, DEMO_CUSTOMERS.initech.name, [people.initech]),
  ];
  const raisers: readonly { readonly reporter: SimUser; readonly organizationIds: readonly string[] }[] = [
    ...organizations.flatMap((org) =>
      Array.from({ length: REQUESTS_PER_ORGANIZATION }, (_, index) => ({
        reporter: index === REQUESTS_PER_ORGANIZATION - 1 && org.memberAccountIds.includes(people.both.accountId) ? people.both : soleMemberOf(org),
        organizationIds: [org.id],
      })),
    ),
    { reporter: people.none, organizationIds: [] },
  ];

  const requests: SimIssue[] = [];
  const worklogs: SimWorklog[] = [];
  raisers.forEach(({ reporter, organizationIds }, index) => {
    const id = String(options.firstIssueId + index);
    const opened = options.windowEnd - random.integer(3, 60) * DAY_MS + random.integer(8, 16) * 3_600_000;
    let updated = opened;
    for (let n = random.integer(2, 5); n > 0; n -= 1) {
      const started = Math.min(opened + random.integer(1, 48) * 3_600_000, options.windowEnd - 3 * 3_600_000);
      const logged = started + random.integer(1, 4) * 1_800_000;
      updated = Math.max(updated, logged);
      const author = random.pick(WORK_AUTHORS);
      worklogs.push({
        id: String(options.firstWorklogId + worklogs.length),
        issueId: id,
        authorAccountId: author.accountId,
        updateAuthorAccountId: author.accountId,
        started: new Date(started).toISOString().replace('Z', '+0000'),
        timeSpentSeconds: random.pick([1800, 3600, 3600, 5400, 7200]),
        created: logged,
        updated: logged,
      });
    }
    requests.push({
      id,
      key: `${DEMO_HELP_PROJECT.key}-${index + 1}`,
      projectId: DEMO_HELP_PROJECT.id,
      summary: random.pick(REQUEST_SUMMARIES),
      issueTypeId: '10003',
      // One request in three reports an incident; the others ask for help.
      requestTypeId: index % 3 === 2 ? '2' : '1',
      created: opened,
      updated,
      properties: {},
      reporterAccountId: reporter.accountId,
      organizationIds,
    });
  });
  return {
    project: DEMO_HELP_PROJECT,
    serviceDesk: DEMO_SERVICE_DESK,
    organizations,
    customers: Object.values(people),
    requests,
    worklogs,
  };
}

/** The organisation's customer who belongs to no other organisation. */
function soleMemberOf(organization: SimOrganization): SimUser {
  const { acme, globex, initech, none } = DEMO_PORTAL_CUSTOMERS;
  return [acme, globex, initech].find((person) => organization.memberAccountIds.includes(person.accountId)) ?? none;
}

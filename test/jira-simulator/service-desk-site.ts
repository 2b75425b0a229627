import type { SimOrganization, SimUser, SimulatorState } from '../../src/jira-simulator/model';
import { ADMIN, AGENT, buildIssue, buildState, OPS, OUTSIDER, SUP, T0, VIEWER } from './site';

/**
 * A small Jira Service Management site for the simulator's and the access layer's tests: `SUP` is a service project
 * (its service desk has id 5, unlike the project's), with two named organisations, 68 more for paging, four customers
 * and requests shared in each way a customer can reach one.
 */

export const DESK = { id: '5', projectId: SUP.id } as const;

function customer(name: string): SimUser {
  return { accountId: `cust-${name}`, email: `${name}@customer.example`, apiToken: `${name}-token`, displayName: name, timeZone: 'UTC', accountType: 'customer', permissions: {} };
}

export const CUSTOMERS = {
  /** In Acme. */
  acme: customer('carla'),
  /** In Globex. */
  globex: customer('gus'),
  /** In Acme and Globex. */
  both: customer('parker'),
  /** In no organisation. */
  none: customer('nico'),
} as const;

export const ACME = '1';
export const GLOBEX = '2';

function organization(id: string, name: string, members: readonly SimUser[] = [], serviceDeskIds: readonly string[] = [DESK.id]): SimOrganization {
  return { id, name, created: T0 - 86_400_000, memberAccountIds: members.map((member) => member.accountId), serviceDeskIds };
}

/** 70 organisations in all, 60 of them added to the service desk: each list is more than one 50-item page. */
export const ORGANIZATIONS: readonly SimOrganization[] = [
  organization(ACME, 'Acme Corp', [CUSTOMERS.acme, CUSTOMERS.both]),
  organization(GLOBEX, 'Globex', [CUSTOMERS.globex, CUSTOMERS.both]),
  ...Array.from({ length: 68 }, (_, index) => organization(String(100 + index), `Filler ${index}`, [], index % 7 === 0 ? [] : [DESK.id])),
];

export const REQUESTS = {
  /** Shared with Acme, raised by an agent. */
  acme: buildIssue(1, { organizationIds: [ACME], reporterAccountId: AGENT.accountId }),
  /** Shared with Globex. */
  globex: buildIssue(2, { organizationIds: [GLOBEX], reporterAccountId: AGENT.accountId }),
  /** Raised by the customer in no organisation, shared with nobody. */
  raisedByNone: buildIssue(3, { reporterAccountId: CUSTOMERS.none.accountId }),
  /** Shared with nobody; the Globex customer takes part. */
  withParticipant: buildIssue(4, { reporterAccountId: AGENT.accountId, participantAccountIds: [CUSTOMERS.globex.accountId] }),
  /** Not a request: an issue of a project without a service desk. */
  internal: buildIssue(5, { key: 'OPS-1', projectId: OPS.id }),
} as const;

export function serviceDeskState(): SimulatorState {
  const state = buildState(Object.values(REQUESTS));
  return {
    ...state,
    users: [ADMIN, AGENT, VIEWER, OUTSIDER, ...Object.values(CUSTOMERS)],
    serviceDesks: [DESK],
    organizations: [...ORGANIZATIONS],
  };
}

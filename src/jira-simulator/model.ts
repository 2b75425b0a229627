/**
 * The simulator's state: plain JSON-serialisable records, so a whole site can be saved to
 * and loaded from a file. Times are epoch milliseconds except `started`, which keeps the
 * offset the author gave (Jira shows work in the author's wall-clock time).
 */

export const PERMISSION_KEYS = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'WORK_ON_ISSUES', 'TRANSITION_ISSUES'] as const;
export type PermissionKey = (typeof PERMISSION_KEYS)[number];

export interface SimUser {
  readonly accountId: string;
  readonly email: string;
  readonly apiToken: string;
  readonly displayName: string;
  readonly timeZone: string;
  /**
   * `customer`: a Jira Service Management portal customer, not a licensed agent. Customers hold no project permissions:
   * they reach a request through the `servicedeskapi` routes when they raised it, take part in it, or belong to an
   * organisation it is shared with.
   */
  readonly accountType: 'atlassian' | 'app' | 'customer';
  /** False for a deactivated account (it still resolves, with `active: false`); absent means active. */
  readonly active?: boolean;
  /** Project id → the permissions the user holds in it. */
  readonly permissions: Readonly<Record<string, readonly PermissionKey[]>>;
}

export interface SimProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

export interface SimIssueType {
  readonly id: string;
  readonly name: string;
}

export interface SimPriority {
  readonly id: string;
  readonly name: string;
}

/** One changed field, as Jira's changelog lists it: raw values in `from`/`to`, shown values in the `*String` pair. */
export interface ChangelogItem {
  readonly field: string;
  readonly fieldId: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

/** One edit of an issue in its changelog (`GET /issue/{id}/changelog`), oldest first. */
export interface SimChangelog {
  readonly id: string;
  /** Epoch ms. */
  readonly created: number;
  readonly authorAccountId: string;
  readonly items: readonly ChangelogItem[];
}

export interface SimIssue {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  readonly summary: string;
  readonly issueTypeId: string;
  /** Absent on issues saved before the simulator knew priorities: {@link DEFAULT_PRIORITY_ID}, as Jira gives a new issue. */
  readonly priorityId?: string;
  /** A service request's request type ({@link REQUEST_TYPE_FIELD_ID}); absent on other issues. */
  readonly requestTypeId?: string;
  /** The issue's edits, oldest first; absent: none. */
  readonly changelog?: readonly SimChangelog[];
  readonly created: number;
  readonly updated: number;
  /** Property key → JSON value. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** Who raised it; absent on issues loaded without one. */
  readonly reporterAccountId?: string;
  /** A service request's request participants. */
  readonly participantAccountIds?: readonly string[];
  /** The Organizations field ({@link ORGANIZATIONS_FIELD_ID}) of a service project's request: organisation ids. */
  readonly organizationIds?: readonly string[];
  /** Its status in the site's one workflow (`workflow.ts`); absent: the workflow's first status, To Do. */
  readonly statusId?: string;
}

/**
 * The Organizations field's id. Jira Cloud creates the field with each site, so its number differs between sites;
 * `customfield_10002` is what many Cloud sites show and what the app assumes (`src/adapters/jira/organizations-field.ts`).
 */
export const ORGANIZATIONS_FIELD_ID = 'customfield_10002';

/**
 * The Request Type field's id (JSM's "Customer Request Type"). Like the Organizations field its number differs between
 * sites; `customfield_10010` is what many Cloud sites show and what the app assumes (`src/adapters/jira/issue-attributes.ts`).
 * Its changelog items carry the request type id in `from`/`to`.
 */
export const REQUEST_TYPE_FIELD_ID = 'customfield_10010';

/** A service desk's request types (the simulator gives every service desk the same ones). */
export interface SimRequestType {
  readonly id: string;
  readonly name: string;
}

export const DEFAULT_REQUEST_TYPES: readonly SimRequestType[] = [
  { id: '1', name: 'Get IT help' },
  { id: '2', name: 'Report an incident' },
];

/** A Jira Service Management service desk: the service-project side of a project. */
export interface SimServiceDesk {
  readonly id: string;
  readonly projectId: string;
}

/** A JSM organisation: a named group of customers, added to service desks. */
export interface SimOrganization {
  readonly id: string;
  readonly name: string;
  /** Epoch ms. */
  readonly created: number;
  readonly memberAccountIds: readonly string[];
  /** The service desks it was added to. */
  readonly serviceDeskIds: readonly string[];
}

export interface SimWorklog {
  readonly id: string;
  readonly issueId: string;
  readonly authorAccountId: string;
  readonly updateAuthorAccountId: string;
  /** As given, e.g. `2026-10-05T09:00:00.000+0200`. */
  readonly started: string;
  readonly timeSpentSeconds: number;
  /** Atlassian Document Format, as given. */
  readonly comment?: unknown;
  readonly created: number;
  readonly updated: number;
}

export interface DeletedWorklog {
  readonly worklogId: string;
  readonly deletedAt: number;
}

export interface SimulatorState {
  readonly users: SimUser[];
  readonly projects: SimProject[];
  readonly issueTypes: SimIssueType[];
  readonly issues: SimIssue[];
  readonly worklogs: SimWorklog[];
  readonly deletedWorklogs: DeletedWorklog[];
  /** Absent in states saved before the simulator knew Jira Service Management: none. */
  readonly serviceDesks?: SimServiceDesk[];
  readonly organizations?: SimOrganization[];
  /** Next numeric id handed out to a new issue or worklog. */
  readonly nextIssueId: number;
  readonly nextWorklogId: number;
}

export const DEFAULT_ISSUE_TYPES: readonly SimIssueType[] = [
  { id: '10001', name: 'Task' },
  { id: '10002', name: 'Bug' },
  { id: '10003', name: 'Support' },
];

/** Jira's default priorities, with their ids. */
export const DEFAULT_PRIORITIES: readonly SimPriority[] = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

export const DEFAULT_PRIORITY_ID = '3';

/** Stands for Forge's `asApp()`: every permission in every project. */
export const APP_ACCOUNT: Omit<SimUser, 'permissions'> = {
  accountId: 'app-support-hours',
  email: 'app@support-hours.local',
  apiToken: 'app-token',
  displayName: 'Support Hours (app)',
  timeZone: 'UTC',
  accountType: 'app',
};

export function emptyState(): SimulatorState {
  return {
    users: [],
    projects: [],
    issueTypes: [...DEFAULT_ISSUE_TYPES],
    issues: [],
    worklogs: [],
    deletedWorklogs: [],
    serviceDesks: [],
    organizations: [],
    nextIssueId: 10000,
    nextWorklogId: 10000,
  };
}

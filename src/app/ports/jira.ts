/**
 * What the app's use cases ask of Jira, in the app's own terms. Implemented by
 * `src/adapters/jira` over Forge's `requestJira` or over HTTP; nothing here knows which.
 */
import type { BillingClass, Instant, IssueAttributes, IssueLink, JiraWorklog, LocalDate } from '../../ledger/types';
import type { AttributeChange } from '../aggregates/attribute-history';
import type { Jql } from './jql';

/** The issue entity property that links an issue to a plan. */
export const SUPPORT_PLAN_PROPERTY_KEY = 'support-plan';

/**
 * How an issue's link was set, kept in the property: chosen on the issue by hand (the issue panel, a bulk link), by
 * the request's organisation, or by the project's default plan. Only links not set by hand follow a request's
 * organisations (docs/guide/admin.md).
 */
export type LinkOrigin = 'hand' | 'organization' | 'project-default';

/** The value stored under {@link SUPPORT_PLAN_PROPERTY_KEY}. */
export interface SupportPlanProperty {
  readonly planId: string;
  readonly billingClass: BillingClass;
  /** Absent in links written before it was recorded: they count as set by hand. */
  readonly linkedBy?: LinkOrigin;
}

/** An issue's link as its property holds it, with how it was set. */
export interface StoredIssueLink extends IssueLink {
  readonly linkedBy: LinkOrigin;
}

/**
 * A span of work time. Structurally a subset of the ledger's `Period`, so a period can be
 * passed as it is: local dates bound the search, instants bound the worklogs returned.
 */
export interface WorkSpan {
  readonly startDate: LocalDate;
  /** First local day after the span. */
  readonly endDateExclusive: LocalDate;
  readonly start: Instant;
  /** Exclusive. */
  readonly end: Instant;
}

export interface PlanIssuesQuery {
  readonly planId: string;
  /** Only issues of this project (its Jira id). */
  readonly projectId?: string;
  /** Only issues with work in this span, and only their worklogs started in it. Absent: every worklog. */
  readonly span?: WorkSpan;
}

export interface IssueSummary {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly projectId: string;
  readonly projectKey: string;
  /** null when the issue has no `support-plan` property or its value is not a valid link. */
  readonly link: IssueLink | null;
  /** Its priority, issue type and request type now, when the read asked for them. */
  readonly attributes?: IssueAttributes;
}

export interface PlanIssue extends IssueSummary {
  /** Every worklog of the issue (only those started in the span, when one was asked), in Jira's order. */
  readonly worklogs: readonly JiraWorklog[];
  /** Every change of its priority, issue type and request type Jira's changelog records, with `attributes` the values now. */
  readonly attributeChanges?: readonly AttributeChange[];
}

export interface PlanIssuesPage {
  readonly issues: readonly PlanIssue[];
  /** Pass back to read the next page; null after the last one. Jira keeps it valid for 7 days. */
  readonly nextPageToken: string | null;
}

export interface IssueIdsPage {
  readonly issueIds: readonly string[];
  readonly nextPageToken: string | null;
}

/** An issue a search found, with what linking it needs: its project and its current plan link. */
export interface FoundIssue {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  readonly link: IssueLink | null;
}

export interface FoundIssuesPage {
  readonly issues: readonly FoundIssue[];
  readonly nextPageToken: string | null;
}

export interface ChangedWorklogs {
  readonly worklogs: readonly JiraWorklog[];
  /** The next watermark: pass it as `since` next time. */
  readonly until: Instant;
}

export interface DeletedWorklogs {
  readonly worklogIds: readonly string[];
  readonly until: Instant;
}

export type JiraPermissionKey = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADMINISTER_PROJECTS';

export type PermissionScope =
  | { readonly projectKey: string }
  | { readonly projectId: string }
  | { readonly issueId: string }
  | { readonly issueKey: string };

/** An account as Jira knows it: an alert's recipient must be an active one. */
export interface JiraAccount {
  readonly accountId: string;
  readonly active: boolean;
}

/** A person as Jira shows them: what a screen or a statement writes instead of an account id. */
export interface JiraPerson {
  readonly accountId: string;
  readonly displayName: string;
  readonly active: boolean;
  /** The avatar Jira shows beside the name, at most 32 px; null when Jira gives none at a safe address. */
  readonly avatarUrl: string | null;
}

/** Who a notification goes to: Atlassian account ids and group names. */
export interface NotificationRecipients {
  readonly accountIds: readonly string[];
  readonly groups: readonly string[];
}

/** An email Jira sends about an issue (`POST /issue/{issueIdOrKey}/notify`). */
export interface IssueNotification {
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly to: NotificationRecipients;
}

/**
 * Jira as each caller needs it: one small interface per job, so a use case names only what it asks
 * and a test double implements only that. The adapters implement all of them ({@link JiraPort}).
 */

/** How many issues match a JQL: deleting a plan, sizing a recompute, a newly linked issue's work. */
export interface IssueCounter {
  countIssues(jql: Jql): Promise<number>;
}

/** A plan's issues and their work, read by the sync side (recomputes, reconciliation). */
export interface PlanIssueReader extends IssueCounter {
  /** One page of the issues linked to the plan (with work in the span, when given) with their worklogs. */
  findPlanIssuesPage(query: PlanIssuesQuery, pageToken?: string | null): Promise<PlanIssuesPage>;
  /** Issue ids matching a JQL, up to 5,000 a page. */
  searchIssueIds(jql: Jql, pageToken?: string | null): Promise<IssueIdsPage>;
}

/** Jira's worklog change feeds, read by reconciliation. */
export interface WorklogFeeds {
  /** Worklogs created or updated after `since` (Jira leaves out the last minute). */
  worklogsChangedSince(since: Instant): Promise<ChangedWorklogs>;
  worklogsDeletedSince(since: Instant): Promise<DeletedWorklogs>;
}

/** One issue as it is now: what an event about it needs. */
export interface IssueReader {
  /** null when the issue does not exist or the caller can't see it. */
  getIssue(issueIdOrKey: string): Promise<IssueSummary | null>;
  /** The issue's `support-plan` link and how it was set; null when it has none (or none that is valid). */
  getIssueLink(issueId: string): Promise<StoredIssueLink | null>;
}

/** Writing an issue's `support-plan` property. */
export interface IssueLinkWriter {
  setIssueLink(issueId: string, link: SupportPlanProperty): Promise<void>;
  /** Succeeds when there was no link. */
  clearIssueLink(issueId: string): Promise<void>;
}

/** Finding the issues a bulk link names, as the admin who asks. */
export interface IssueSearch {
  /** Jira's errors for the JQL (parsed and validated strictly, as the caller); empty when it is valid. */
  validateJql(jql: Jql): Promise<readonly string[]>;
  /** Issues matching a JQL with their project and plan link, a page at a time (Jira decides how many a page holds). */
  searchIssues(jql: Jql, pageToken?: string | null): Promise<FoundIssuesPage>;
  /** Of the given issues, those on which the caller holds every one of `permissions`. */
  issuesWithPermissions(issueIds: readonly string[], permissions: readonly JiraPermissionKey[]): Promise<ReadonlySet<string>>;
}

/** What the caller may do: every resolver's check. */
export interface PermissionChecker {
  /** The subset of `permissions` the caller holds in the scope. */
  myPermissions(scope: PermissionScope, permissions: readonly JiraPermissionKey[]): Promise<ReadonlySet<JiraPermissionKey>>;
}

/** Sending an alert's email. */
export interface AlertMailer {
  /** The account (`GET /user`); null when Jira knows no such account. */
  getAccount(accountId: string): Promise<JiraAccount | null>;
  /** Queues Jira's email about the issue to the recipients. Never retried here after a 5xx: it may have been sent. */
  notify(issueIdOrKey: string, notification: IssueNotification): Promise<void>;
}

/** People's names, as the caller sees them. */
export interface PeopleDirectory {
  /** The accounts Jira knows among the ids (`GET /user/bulk`, paged); an id it does not know is left out. */
  peopleByAccountId(accountIds: readonly string[]): Promise<readonly JiraPerson[]>;
}

/** A Jira Service Management organisation: a named group of portal customers. Ids are Jira's (numeric strings). */
export interface JsmOrganization {
  readonly id: string;
  readonly name: string;
}

/**
 * A request's organisations: what the sync side reads when a request is created or its organisations change. Call it
 * on the app's adapter (`asApp()`, triggers have no user).
 */
export interface IssueOrganizationsReader {
  /**
   * The organisation ids in the issue's Organizations field, without repeats, in Jira's order; `[]` when the field is
   * empty or the issue is not in a service project; null when the issue does not exist (or the caller can't see it).
   */
  organizationsOfIssue(issueId: string): Promise<readonly string[] | null>;
}

/**
 * JSM organisations by member and by service project. Call these on the app's adapter (`asApp()`): listing an
 * account's organisations needs a licensed (agent) caller, and a customer may read only their own organisations. Pass
 * the account id from the trusted Forge context, never from a payload.
 */
export interface OrganizationDirectory {
  /** The organisations the account belongs to, by id; `[]` for a customer in none (and for an unknown account). */
  organizationsOfCustomer(accountId: string): Promise<readonly JsmOrganization[]>;
  /**
   * The organisations added to the project's service desk, by id (a settings screen's picker); null when the project
   * (its Jira id) is not a service project or the caller cannot see its service desk.
   */
  projectOrganizations(projectId: string): Promise<readonly JsmOrganization[] | null>;
}

/**
 * Whether the caller may view a request in the customer portal, as Jira decides: the reporter, a participant, or a
 * member of an organisation the request is shared with (agents of its service desk too). Call it on the **user's**
 * adapter (`asUser()`), so the permission is the customer's own; a missing request and a forbidden one both answer false.
 */
export interface RequestAccess {
  customerCanViewRequest(issueIdOrKey: string): Promise<boolean>;
}

/** One of Jira's values a multiplier rule names: its id (what rules store) and the name people choose it by. */
export interface NamedValue {
  readonly id: string;
  readonly name: string;
}

/** Jira's priorities, the project's issue types and its service desk's request types (null: not a service project). */
export interface AttributeChoices {
  readonly priorities: readonly NamedValue[];
  readonly issueTypes: readonly NamedValue[];
  readonly requestTypes: readonly NamedValue[] | null;
}

/** What a plan's multiplier rules may name, for the settings page's pickers. */
export interface AttributeDirectory {
  attributeChoices(projectId: string): Promise<AttributeChoices>;
}

/** Everything the app asks of Jira, as an adapter offers it; use cases depend on the parts above. */
export interface JiraPort
  extends PlanIssueReader,
    AttributeDirectory,
    WorklogFeeds,
    IssueReader,
    IssueLinkWriter,
    IssueSearch,
    PermissionChecker,
    AlertMailer,
    PeopleDirectory,
    IssueOrganizationsReader,
    OrganizationDirectory,
    RequestAccess {}

export type JiraErrorKind =
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'not-found'
  | 'forbidden'
  | 'unauthorized'
  | 'bad-request'
  | 'network';

export interface JiraErrorDetails {
  readonly kind: JiraErrorKind;
  /** The access layer's name of the call, e.g. `search`. */
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** HTTP status; absent for time-outs and network failures. */
  readonly status?: number;
  readonly statusText?: string;
  readonly errorMessages: readonly string[];
  readonly errors: Readonly<Record<string, string>>;
  readonly attempts: number;
  /** Seconds Jira asked to wait (rate-limited only). */
  readonly retryAfterSeconds?: number;
}

/** Every failed Jira call surfaces as this, with a message a person can act on. */
// The interface merges the details' fields into the class, so they are declared once.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the constructor's Object.assign sets every field
export interface JiraError extends JiraErrorDetails {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class JiraError extends Error {
  constructor(details: JiraErrorDetails, options?: { cause?: unknown }) {
    super(describeFailure(details), options);
    this.name = 'JiraError';
    Object.assign(this, details);
  }
}

function describeFailure(details: JiraErrorDetails): string {
  const attempts = details.attempts === 1 ? '1 attempt' : `${details.attempts} attempts`;
  const what = details.status === undefined ? details.kind : `${details.status} ${details.statusText ?? ''}`.trim();
  const reasons = [...details.errorMessages, ...Object.entries(details.errors).map(([field, text]) => `${field}: ${text}`)];
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return `Jira ${details.operation} (${details.method} ${details.path}) failed after ${attempts}: ${what}${why}`;
}

import type {
  ChangedWorklogs,
  DeletedWorklogs,
  FoundIssuesPage,
  IssueIdsPage,
  IssueNotification,
  IssueSummary,
  JiraAccount,
  JiraPerson,
  JiraPermissionKey,
  JiraPort,
  JsmOrganization,
  AttributeChoices,
  PermissionScope,
  PlanIssuesPage,
  PlanIssuesQuery,
  StoredIssueLink,
  SupportPlanProperty,
} from '../../app/ports/jira';
import type { Jql } from '../../app/ports/jql';
import type { Instant } from '../../ledger/types';
import type { CallStats } from './call-counters';
import { getAccount, myPermissions } from './caller-access';
import { peopleByAccountId } from './people';
import { worklogsChangedSince, worklogsDeletedSince } from './changed-worklogs';
import { searchIssues } from './found-issues';
import { countIssues, searchIssueIds } from './issue-ids';
import { issuesWithPermissions } from './issue-permissions';
import { clearIssueLink, getIssue, getIssueLink, setIssueLink } from './issue-links';
import { JiraClient, type JiraClientOptions } from './jira-client';
import { validateJql } from './jql-validation';
import { notifyAboutIssue } from './notify';
import { findPlanIssuesPage } from './plan-issues';
import { attributeChoices } from './attribute-choices';
import { customerCanViewRequest, organizationsOfCustomer, organizationsOfIssue, projectOrganizations } from './service-desk';
import type { JiraTransport } from './transport';

/** The app's {@link JiraPort} over any transport, with the client's retries, limits and counters. */
export class JiraAdapter implements JiraPort {
  /** Test support reaches Jira through the same client, for calls no use case makes. */
  protected readonly client: JiraClient;

  constructor(transport: JiraTransport, options: JiraClientOptions = {}) {
    this.client = new JiraClient(transport, options);
  }

  /** Calls, points and retries since creation or the last {@link resetStats}. */
  stats(): CallStats {
    return this.client.stats();
  }

  resetStats(): void {
    this.client.resetStats();
  }

  findPlanIssuesPage(query: PlanIssuesQuery, pageToken: string | null = null): Promise<PlanIssuesPage> {
    return findPlanIssuesPage(this.client, query, pageToken);
  }

  searchIssueIds(jql: Jql, pageToken: string | null = null): Promise<IssueIdsPage> {
    return searchIssueIds(this.client, jql, pageToken);
  }

  countIssues(jql: Jql): Promise<number> {
    return countIssues(this.client, jql);
  }

  searchIssues(jql: Jql, pageToken: string | null = null): Promise<FoundIssuesPage> {
    return searchIssues(this.client, jql, pageToken);
  }

  validateJql(jql: Jql): Promise<readonly string[]> {
    return validateJql(this.client, jql);
  }

  issuesWithPermissions(issueIds: readonly string[], permissions: readonly JiraPermissionKey[]): Promise<ReadonlySet<string>> {
    return issuesWithPermissions(this.client, issueIds, permissions);
  }

  worklogsChangedSince(since: Instant): Promise<ChangedWorklogs> {
    return worklogsChangedSince(this.client, since);
  }

  worklogsDeletedSince(since: Instant): Promise<DeletedWorklogs> {
    return worklogsDeletedSince(this.client, since);
  }

  getIssue(issueIdOrKey: string): Promise<IssueSummary | null> {
    return getIssue(this.client, issueIdOrKey);
  }

  getIssueLink(issueId: string): Promise<StoredIssueLink | null> {
    return getIssueLink(this.client, issueId);
  }

  setIssueLink(issueId: string, link: SupportPlanProperty): Promise<void> {
    return setIssueLink(this.client, issueId, link);
  }

  clearIssueLink(issueId: string): Promise<void> {
    return clearIssueLink(this.client, issueId);
  }

  myPermissions(scope: PermissionScope, permissions: readonly JiraPermissionKey[]): Promise<ReadonlySet<JiraPermissionKey>> {
    return myPermissions(this.client, scope, permissions);
  }

  getAccount(accountId: string): Promise<JiraAccount | null> {
    return getAccount(this.client, accountId);
  }

  peopleByAccountId(accountIds: readonly string[]): Promise<readonly JiraPerson[]> {
    return peopleByAccountId(this.client, accountIds);
  }

  notify(issueIdOrKey: string, notification: IssueNotification): Promise<void> {
    return notifyAboutIssue(this.client, issueIdOrKey, notification);
  }

  organizationsOfIssue(issueId: string): Promise<readonly string[] | null> {
    return organizationsOfIssue(this.client, issueId);
  }

  organizationsOfCustomer(accountId: string): Promise<readonly JsmOrganization[]> {
    return organizationsOfCustomer(this.client, accountId);
  }

  attributeChoices(projectId: string): Promise<AttributeChoices> {
    return attributeChoices(this.client, projectId);
  }

  projectOrganizations(projectId: string): Promise<readonly JsmOrganization[] | null> {
    return projectOrganizations(this.client, projectId);
  }

  customerCanViewRequest(issueIdOrKey: string): Promise<boolean> {
    return customerCanViewRequest(this.client, issueIdOrKey);
  }
}

import { firstIndexWhere } from '../collections/first-index-where';
import { parseStarted } from './jira-time';
import {
  APP_ACCOUNT,
  DEFAULT_PRIORITIES,
  DEFAULT_PRIORITY_ID,
  DEFAULT_REQUEST_TYPES,
  type SimPriority,
  type SimRequestType,
  type DeletedWorklog,
  type SimIssue,
  type SimOrganization,
  type SimServiceDesk,
  type SimIssueType,
  type SimProject,
  type SimUser,
  type SimWorklog,
  type SimulatorState,
} from './model';

export interface StoredWorklog {
  readonly worklog: SimWorklog;
  readonly startedMs: number;
}

function byStartedThenId(a: StoredWorklog, b: StoredWorklog): number {
  return a.startedMs - b.startedMs || Number(a.worklog.id) - Number(b.worklog.id);
}

function byUpdatedThenId(a: StoredWorklog, b: StoredWorklog): number {
  return a.worklog.updated - b.worklog.updated || Number(a.worklog.id) - Number(b.worklog.id);
}

function indexBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [keyOf(item), item]));
}

/** The simulator's state, indexed for the lookups the routes make. */
export class SiteStore {
  private readonly users: Map<string, SimUser>;
  private readonly usersByEmail: Map<string, SimUser>;
  private readonly projects: Map<string, SimProject>;
  private readonly issueTypes: Map<string, SimIssueType>;
  private readonly issues: Map<string, SimIssue>;
  private readonly issueIdsByKey: Map<string, string>;
  private readonly worklogs: Map<string, StoredWorklog>;
  private readonly worklogsByIssue = new Map<string, StoredWorklog[]>();
  private readonly deletedWorklogs: DeletedWorklog[];
  private worklogsByUpdated: StoredWorklog[] | null = null;
  private readonly serviceDesks: Map<string, SimServiceDesk>;
  private readonly organizations: Map<string, SimOrganization>;
  private nextIssueId: number;
  private nextWorklogId: number;
  /** Follows the highest changelog id the issues hold. */
  private nextChangelogId: number;

  constructor(state: SimulatorState) {
    const users = state.users.some((user) => user.accountId === APP_ACCOUNT.accountId)
      ? state.users
      : [{ ...APP_ACCOUNT, permissions: {} }, ...state.users];
    this.users = indexBy(users, (user) => user.accountId);
    this.usersByEmail = indexBy(users, (user) => user.email.toLowerCase());
    this.projects = indexBy(state.projects, (project) => project.id);
    this.issueTypes = indexBy(state.issueTypes, (type) => type.id);
    this.issues = indexBy(state.issues, (issue) => issue.id);
    this.issueIdsByKey = new Map(state.issues.map((issue) => [issue.key, issue.id]));
    this.worklogs = new Map();
    for (const worklog of state.worklogs) {
      const stored = storedWorklog(worklog);
      this.worklogs.set(worklog.id, stored);
      this.listOf(worklog.issueId).push(stored);
    }
    for (const list of this.worklogsByIssue.values()) list.sort(byStartedThenId);
    this.deletedWorklogs = [...state.deletedWorklogs];
    this.serviceDesks = indexBy(state.serviceDesks ?? [], (desk) => desk.id);
    this.organizations = indexBy(state.organizations ?? [], (organization) => organization.id);
    this.nextIssueId = state.nextIssueId;
    this.nextWorklogId = state.nextWorklogId;
    this.nextChangelogId = state.issues.reduce((next, issue) => (issue.changelog ?? []).reduce((at, entry) => Math.max(at, Number(entry.id) + 1), next), 10000);
  }

  toState(): SimulatorState {
    return {
      users: [...this.users.values()],
      projects: [...this.projects.values()],
      issueTypes: [...this.issueTypes.values()],
      issues: [...this.issues.values()],
      worklogs: [...this.worklogs.values()].map((stored) => stored.worklog),
      deletedWorklogs: [...this.deletedWorklogs],
      serviceDesks: [...this.serviceDesks.values()],
      organizations: [...this.organizations.values()],
      nextIssueId: this.nextIssueId,
      nextWorklogId: this.nextWorklogId,
    };
  }

  userByEmail(email: string): SimUser | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  user(accountId: string): SimUser | undefined {
    return this.users.get(accountId);
  }

  project(idOrKey: string): SimProject | undefined {
    return this.projects.get(idOrKey) ?? [...this.projects.values()].find((project) => project.key === idOrKey.toUpperCase());
  }

  allProjects(): readonly SimProject[] {
    return [...this.projects.values()];
  }

  issueType(idOrName: string): SimIssueType | undefined {
    const lower = idOrName.toLowerCase();
    return this.issueTypes.get(idOrName) ?? [...this.issueTypes.values()].find((type) => type.name.toLowerCase() === lower);
  }

  allIssueTypes(): readonly SimIssueType[] {
    return [...this.issueTypes.values()];
  }

  priority(idOrName: string): SimPriority | undefined {
    const lower = idOrName.toLowerCase();
    return DEFAULT_PRIORITIES.find((priority) => priority.id === idOrName || priority.name.toLowerCase() === lower);
  }

  /** The priority an issue has now. */
  priorityOf(issue: SimIssue): SimPriority {
    return this.priority(issue.priorityId ?? DEFAULT_PRIORITY_ID) ?? { id: issue.priorityId ?? DEFAULT_PRIORITY_ID, name: '' };
  }

  requestType(idOrName: string): SimRequestType | undefined {
    const lower = idOrName.toLowerCase();
    return DEFAULT_REQUEST_TYPES.find((type) => type.id === idOrName || type.name.toLowerCase() === lower);
  }

  issue(idOrKey: string): SimIssue | undefined {
    const id = this.issueIdsByKey.get(idOrKey.toUpperCase()) ?? idOrKey;
    return this.issues.get(id);
  }

  allIssues(): IterableIterator<SimIssue> {
    return this.issues.values();
  }

  allocateIssueId(): string {
    return String(this.nextIssueId++);
  }

  allocateWorklogId(): string {
    return String(this.nextWorklogId++);
  }

  allocateChangelogId(): string {
    return String(this.nextChangelogId++);
  }

  nextIssueNumber(projectId: string): number {
    const project = this.projects.get(projectId);
    let highest = 0;
    for (const issue of this.issues.values()) {
      if (issue.projectId !== projectId || !project) continue;
      highest = Math.max(highest, Number(issue.key.slice(project.key.length + 1)));
    }
    return highest + 1;
  }

  putIssue(issue: SimIssue): void {
    this.issues.set(issue.id, issue);
    this.issueIdsByKey.set(issue.key, issue.id);
  }

  /** Removes the issue and its worklogs without recording worklog deletions, as Jira does. */
  removeIssue(issue: SimIssue): void {
    this.issues.delete(issue.id);
    this.issueIdsByKey.delete(issue.key);
    for (const stored of this.worklogsOf(issue.id)) this.worklogs.delete(stored.worklog.id);
    this.worklogsByIssue.delete(issue.id);
    this.worklogsByUpdated = null;
  }

  worklog(id: string): StoredWorklog | undefined {
    return this.worklogs.get(id);
  }

  /** The issue's worklogs by `started`, then id. */
  worklogsOf(issueId: string): readonly StoredWorklog[] {
    return this.worklogsByIssue.get(issueId) ?? [];
  }

  /** Every worklog by `updated`, then id. */
  worklogsByUpdateTime(): readonly StoredWorklog[] {
    this.worklogsByUpdated ??= [...this.worklogs.values()].sort(byUpdatedThenId);
    return this.worklogsByUpdated;
  }

  putWorklog(worklog: SimWorklog): StoredWorklog {
    const previous = this.worklogs.get(worklog.id);
    const list = this.listOf(worklog.issueId);
    if (previous) list.splice(list.indexOf(previous), 1);
    const stored = storedWorklog(worklog);
    this.worklogs.set(worklog.id, stored);
    // Inserted in place: sorting again after a push compared every worklog of the issue, tens of thousands on a large one.
    list.splice(firstIndexWhere(list, (other) => byStartedThenId(other, stored) > 0), 0, stored);
    this.worklogsByUpdated = null;
    return stored;
  }

  removeWorklog(stored: StoredWorklog, deletedAt: number): void {
    const list = this.listOf(stored.worklog.issueId);
    list.splice(list.indexOf(stored), 1);
    this.worklogs.delete(stored.worklog.id);
    this.deletedWorklogs.push({ worklogId: stored.worklog.id, deletedAt });
    this.worklogsByUpdated = null;
  }

  /** Worklog deletions by time, then id. */
  deletions(): readonly DeletedWorklog[] {
    return [...this.deletedWorklogs].sort((a, b) => a.deletedAt - b.deletedAt || Number(a.worklogId) - Number(b.worklogId));
  }

  serviceDesk(id: string): SimServiceDesk | undefined {
    return this.serviceDesks.get(id);
  }

  /** Service desks by id, numerically. */
  allServiceDesks(): readonly SimServiceDesk[] {
    return [...this.serviceDesks.values()].sort(byNumericId);
  }

  /** The service desk of a project; undefined for a project that is not a service project. */
  serviceDeskOfProject(projectId: string): SimServiceDesk | undefined {
    return [...this.serviceDesks.values()].find((desk) => desk.projectId === projectId);
  }

  organization(id: string): SimOrganization | undefined {
    return this.organizations.get(id);
  }

  /** Organisations by id, numerically. */
  allOrganizations(): readonly SimOrganization[] {
    return [...this.organizations.values()].sort(byNumericId);
  }

  putOrganization(organization: SimOrganization): void {
    this.organizations.set(organization.id, organization);
  }

  private listOf(issueId: string): StoredWorklog[] {
    let list = this.worklogsByIssue.get(issueId);
    if (!list) {
      list = [];
      this.worklogsByIssue.set(issueId, list);
    }
    return list;
  }
}

function byNumericId(a: { readonly id: string }, b: { readonly id: string }): number {
  return Number(a.id) - Number(b.id);
}

function storedWorklog(worklog: SimWorklog): StoredWorklog {
  const startedMs = parseStarted(worklog.started);
  if (startedMs === null) throw new Error(`worklog ${worklog.id} has a malformed started value: ${worklog.started}`);
  return { worklog, startedMs };
}

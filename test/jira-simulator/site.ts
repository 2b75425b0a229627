import { JiraSimulator, type JiraSimulatorOptions } from '../../src/jira-simulator/simulator';
import { emptyState, type PermissionKey, type SimIssue, type SimUser, type SimWorklog, type SimulatorState } from '../../src/jira-simulator/model';

/** A small site for the simulator's tests: two projects, four people, issues and worklogs built on demand. */

export const SUP = { id: '10000', key: 'SUP', name: 'Support' } as const;
export const OPS = { id: '10001', key: 'OPS', name: 'Operations' } as const;

export const T0 = Date.UTC(2026, 9, 1, 12, 0, 0);

function user(name: string, permissions: Record<string, readonly PermissionKey[]>): SimUser {
  return {
    accountId: `acc-${name}`,
    email: `${name}@example.com`,
    apiToken: `${name}-token`,
    displayName: name,
    timeZone: 'Europe/Berlin',
    accountType: 'atlassian',
    permissions,
  };
}

export const ADMIN = user('admin', { [SUP.id]: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'WORK_ON_ISSUES'], [OPS.id]: ['BROWSE_PROJECTS'] });
export const AGENT = user('agent', { [SUP.id]: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'WORK_ON_ISSUES', 'TRANSITION_ISSUES'] });
export const VIEWER = user('viewer', { [SUP.id]: ['BROWSE_PROJECTS'] });
export const OUTSIDER = user('outsider', {});
export const APP = { email: 'app@support-hours.local', apiToken: 'app-token' } as const;

export function buildIssue(number: number, overrides: Partial<SimIssue> = {}): SimIssue {
  return {
    id: String(20000 + number),
    key: `SUP-${number}`,
    projectId: SUP.id,
    summary: `Ticket ${number}`,
    issueTypeId: '10003',
    created: T0 - 30 * 86_400_000 + number * 60_000,
    updated: T0 - 30 * 86_400_000 + number * 60_000,
    properties: {},
    ...overrides,
  };
}

export function buildWorklog(id: number, issue: SimIssue, overrides: Partial<SimWorklog> = {}): SimWorklog {
  return {
    id: String(id),
    issueId: issue.id,
    authorAccountId: AGENT.accountId,
    updateAuthorAccountId: AGENT.accountId,
    started: '2026-09-15T09:00:00.000+0200',
    timeSpentSeconds: 3600,
    created: T0 - 86_400_000,
    updated: T0 - 86_400_000,
    ...overrides,
  };
}

export function buildState(issues: readonly SimIssue[] = [], worklogs: readonly SimWorklog[] = []): SimulatorState {
  return {
    ...emptyState(),
    users: [ADMIN, AGENT, VIEWER, OUTSIDER],
    projects: [SUP, OPS],
    issues: [...issues],
    worklogs: [...worklogs],
    nextIssueId: 30000,
    nextWorklogId: 50000,
  };
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public current = T0) {}
  now = (): number => this.current;
  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}

export function newSimulator(state: SimulatorState, options: JiraSimulatorOptions = {}) {
  const clock = new ManualClock();
  const simulator = new JiraSimulator({ clock, state, ...options });
  return { simulator, clock };
}

export interface Caller {
  readonly email: string;
  readonly apiToken: string;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/** Calls the simulator in-process as `caller` and reads the JSON answer. */
export async function call(simulator: JiraSimulator, caller: Caller, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await simulator.fetch(`http://jira.test${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${caller.email}:${caller.apiToken}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

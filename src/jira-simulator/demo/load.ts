import { DEFAULT_ISSUE_TYPES, type SimulatorState } from '../model';
import type { JiraSimulator } from '../simulator';
import type { DemoData } from './generate';

/** The demo as a simulator state: no HTTP, no events. */
export function demoState(demo: DemoData): SimulatorState {
  const highestId = (ids: readonly string[]) => ids.reduce((highest, id) => Math.max(highest, Number(id)), 0);
  const { serviceDesk } = demo;
  const issues = [...demo.issues, ...serviceDesk.requests];
  const worklogs = [...demo.worklogs, ...serviceDesk.worklogs];
  return {
    users: [...demo.users, ...serviceDesk.customers],
    projects: [...demo.projects, serviceDesk.project],
    issueTypes: [...DEFAULT_ISSUE_TYPES],
    issues,
    worklogs,
    deletedWorklogs: [],
    serviceDesks: [serviceDesk.serviceDesk],
    organizations: [...serviceDesk.organizations],
    nextIssueId: highestId(issues.map((issue) => issue.id)) + 1,
    nextWorklogId: highestId(worklogs.map((worklog) => worklog.id)) + 1,
  };
}

export function loadDemo(simulator: JiraSimulator, demo: DemoData): void {
  simulator.load(demoState(demo));
}

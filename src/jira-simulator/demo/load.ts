import { DEFAULT_ISSUE_TYPES, type SimulatorState } from '../model';
import type { JiraSimulator } from '../simulator';
import type { DemoData } from './generate';

/** The demo as a simulator state: no HTTP, no events. */
export function demoState(demo: DemoData): SimulatorState {
  const highestId = (ids: readonly string[]) => ids.reduce((highest, id) => Math.max(highest, Number(id)), 0);
  return {
    users: [...demo.users],
    projects: [...demo.projects],
    issueTypes: [...DEFAULT_ISSUE_TYPES],
    issues: [...demo.issues],
    worklogs: [...demo.worklogs],
    deletedWorklogs: [],
    nextIssueId: highestId(demo.issues.map((issue) => issue.id)) + 1,
    nextWorklogId: highestId(demo.worklogs.map((worklog) => worklog.id)) + 1,
  };
}

export function loadDemo(simulator: JiraSimulator, demo: DemoData): void {
  simulator.load(demoState(demo));
}

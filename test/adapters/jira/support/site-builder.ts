import type { SimIssue, SimUser, SimWorklog, SimulatorState } from '../../../../src/jira-simulator/model';
import { emptyState } from '../../../../src/jira-simulator/model';
import type { BillingClass } from '../../../../src/ledger/types';

export const PROJECT = { id: '10000', key: 'SUP', name: 'Support' } as const;
export const ALICE = { email: 'alice@example.com', apiToken: 'alice-token', accountId: 'acc-alice' } as const;
export const VIEWER = { email: 'viewer@example.com', apiToken: 'viewer-token', accountId: 'acc-viewer' } as const;
/** Changes are made well before "now", so Jira's one-minute lag on `worklog/updated` does not hide them. */
export const SEEDED_AT = Date.UTC(2026, 9, 31, 12);

export interface IssueSeed {
  readonly planId?: string;
  readonly billingClass?: BillingClass;
  /** A raw `support-plan` value instead of the one `planId` and `billingClass` make. */
  readonly property?: unknown;
  /** `started` of each worklog, or how many to make (one an hour from 2026-10-05T09:00Z). */
  readonly worklogs: number | readonly string[];
}

/** A small site state: one project, a user who may do everything, a user who may only browse. */
export class SiteBuilder {
  private readonly issues: SimIssue[] = [];
  private readonly worklogs: SimWorklog[] = [];
  private nextWorklogId = 20000;

  /** Adds an issue and its worklogs; returns the issue's id. */
  issue(seed: IssueSeed): string {
    const number = this.issues.length + 1;
    const id = String(10000 + number);
    const property = seed.property ?? (seed.planId === undefined ? undefined : { planId: seed.planId, billingClass: seed.billingClass ?? 'covered' });
    const properties = property === undefined ? {} : { 'support-plan': property };
    this.issues.push({
      id,
      key: `${PROJECT.key}-${number}`,
      projectId: PROJECT.id,
      summary: `Issue ${number}`,
      issueTypeId: '10001',
      created: SEEDED_AT,
      updated: SEEDED_AT,
      properties,
    });
    const starts = typeof seed.worklogs === 'number' ? hourlyStarts(seed.worklogs) : seed.worklogs;
    for (const started of starts) {
      this.nextWorklogId += 1;
      this.worklogs.push({
        id: String(this.nextWorklogId),
        issueId: id,
        authorAccountId: ALICE.accountId,
        updateAuthorAccountId: ALICE.accountId,
        started,
        timeSpentSeconds: 1800,
        created: SEEDED_AT + this.nextWorklogId,
        updated: SEEDED_AT + this.nextWorklogId,
      });
    }
    return id;
  }

  build(): SimulatorState {
    return {
      ...emptyState(),
      users: [
        user(ALICE, 'Alice', ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'WORK_ON_ISSUES']),
        user(VIEWER, 'Viewer', ['BROWSE_PROJECTS']),
      ],
      projects: [{ ...PROJECT }],
      issues: this.issues,
      worklogs: this.worklogs,
      nextIssueId: 10000 + this.issues.length + 1,
      nextWorklogId: this.nextWorklogId + 1,
    };
  }
}

function user(credentials: typeof ALICE | typeof VIEWER, displayName: string, permissions: SimUser['permissions'][string]): SimUser {
  return { ...credentials, displayName, timeZone: 'Europe/Berlin', accountType: 'atlassian', permissions: { [PROJECT.id]: permissions } };
}

function hourlyStarts(count: number): string[] {
  const first = Date.UTC(2026, 9, 5, 9);
  return Array.from({ length: count }, (_, index) => new Date(first + index * 3_600_000).toISOString().replace('Z', '+0000'));
}

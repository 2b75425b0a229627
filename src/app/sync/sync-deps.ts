import type { Clock } from '../ports/clock';
import type { AlertMailer, IssueLinkWriter, IssueOrganizationsReader, IssueReader, PlanIssueReader, WorklogFeeds } from '../ports/jira';
import type { WorkQueue } from '../ports/queue';
import type { Store } from '../ports/store';

/** What the background jobs ask of Jira as the app: read plans' issues and work, follow links and organisations, send alerts. */
export type SyncJira = PlanIssueReader & WorklogFeeds & IssueReader & IssueLinkWriter & IssueOrganizationsReader & AlertMailer;

/** What the sync use cases run on: Jira as the app (no user), the store, the queue and the time. */
export interface SyncDeps {
  readonly jira: SyncJira;
  readonly store: Store;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

/** The queue of recompute chunks and generation clean-ups (a `consumer` in manifest.yml). */
export const SYNC_QUEUE_KEY = 'support-hours-sync';

/** Recompute jobs of one plan run one at a time. */
export const planConcurrencyKey = (planId: string): string => `plan-${planId}`;

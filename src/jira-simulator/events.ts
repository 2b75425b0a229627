/** Product events shaped as Forge delivers them to `trigger` modules. */
import type { ChangelogItem, REQUEST_TYPE_FIELD_ID } from './model';

export type { ChangelogItem } from './model';

export interface WorklogEventBody {
  readonly id: string;
  readonly issueId: string;
  readonly author: { readonly accountId: string };
  readonly updateAuthor: { readonly accountId: string };
  readonly started: string;
  readonly timeSpentSeconds: number;
  readonly created: string;
  readonly updated: string;
}

export interface WorklogEvent {
  readonly eventType: 'avi:jira:created:worklog' | 'avi:jira:updated:worklog' | 'avi:jira:deleted:worklog';
  readonly selfGenerated: false;
  /** The account whose action caused the event. */
  readonly atlassianId: string;
  readonly worklog: WorklogEventBody;
}

export interface IssueEventBody {
  readonly id: string;
  readonly key: string;
  readonly fields: {
    readonly summary: string;
    readonly project: { readonly id: string; readonly key: string; readonly name: string };
    readonly issuetype: { readonly id: string; readonly name: string };
    readonly priority: { readonly id: string; readonly name: string };
    /** As Jira writes an instant: `2026-10-05T09:00:00.000+0000`. */
    readonly created: string;
    readonly updated: string;
    /** A service request's request type. */
    readonly [REQUEST_TYPE_FIELD_ID]?: { readonly requestType: { readonly id: string; readonly name: string } };
  };
}

export interface IssueCreatedEvent {
  readonly eventType: 'avi:jira:created:issue';
  readonly selfGenerated: false;
  readonly atlassianId: string;
  readonly issue: IssueEventBody;
}

export interface IssueUpdatedEvent {
  readonly eventType: 'avi:jira:updated:issue';
  readonly selfGenerated: false;
  readonly atlassianId: string;
  readonly issue: IssueEventBody;
  readonly changelog: { readonly id: string; readonly items: readonly ChangelogItem[] };
}

export type ProductEvent = WorklogEvent | IssueCreatedEvent | IssueUpdatedEvent;

export type EventListener = (event: ProductEvent) => void | Promise<void>;

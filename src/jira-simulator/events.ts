/** Product events shaped as Forge delivers them to `trigger` modules. */

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

export interface IssueCreatedEvent {
  readonly eventType: 'avi:jira:created:issue';
  readonly selfGenerated: false;
  readonly atlassianId: string;
  readonly issue: {
    readonly id: string;
    readonly key: string;
    readonly fields: {
      readonly summary: string;
      readonly project: { readonly id: string; readonly key: string; readonly name: string };
      readonly issuetype: { readonly id: string; readonly name: string };
    };
  };
}

export type ProductEvent = WorklogEvent | IssueCreatedEvent;

export type EventListener = (event: ProductEvent) => void | Promise<void>;

import type { ProductEvent } from '../events';
import type { Reply } from '../http';
import type { JqlSite } from '../jql/fields';
import type { SimIssue, SimUser } from '../model';
import type { SentNotification } from './notify';
import { browsableIssue } from '../permissions';
import type { SiteStore } from '../store';
import type { SimWorkflowValidator } from '../workflow';

export interface RouteContext {
  readonly store: SiteStore;
  readonly site: JqlSite;
  readonly caller: SimUser;
  /** The simulator clock, epoch ms. */
  readonly now: number;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body; undefined when there was none. */
  readonly body: unknown;
  /** Origin under which `self` links point. */
  readonly baseUrl: string;
  /** The request's path, e.g. `/rest/api/3/worklog/updated`. */
  readonly path: string;
  /** The full URL of the request, for `self`. */
  readonly selfUrl: string;
  readonly emit: (event: ProductEvent) => void;
  /** Keeps a notification Jira would have mailed (`stats.notifications`). */
  recordNotification(notification: SentNotification): void;
  /** The apps' workflow validators, each on the transitions it was added to. */
  readonly workflowValidators: readonly SimWorkflowValidator[];
}

export interface RouteOutcome {
  readonly reply: Reply;
  /** Issues or worklogs in the answer: Jira charges a point for each. */
  readonly objectsReturned: number;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** An OpenAPI path template such as `/rest/api/3/issue/{issueIdOrKey}/worklog`. */
  readonly path: string;
  /** A promise only where Jira waits on something else (an app's workflow validator). */
  handle(context: RouteContext): RouteOutcome | Promise<RouteOutcome>;
}

export function ok(body: unknown, objectsReturned = 0, status = 200): RouteOutcome {
  return { reply: { status, body }, objectsReturned };
}

export function noContent(): RouteOutcome {
  return { reply: { status: 204 }, objectsReturned: 0 };
}

/** The issue named by the `{issueIdOrKey}` path parameter, if the caller may browse it (404 otherwise). */
export function pathIssue({ store, caller, params }: RouteContext): SimIssue {
  return browsableIssue(store, caller, params.issueIdOrKey ?? '');
}

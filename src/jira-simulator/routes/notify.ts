import * as z from 'zod';
import { badRequest } from '../http';
import { parseBody } from './params';
import { noContent, pathIssue, type Route } from './route';

/** One email Jira queued for an issue, as the simulator records it in `stats.notifications`. */
export interface SentNotification {
  readonly issueId: string;
  readonly issueKey: string;
  /** Account id of the caller (the app, for Support Hours' alerts). */
  readonly sentBy: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly accountIds: readonly string[];
  readonly groups: readonly string[];
  /** Simulator clock, epoch ms. */
  readonly at: number;
}

const notificationSchema = z.looseObject({
  subject: z.string().optional(),
  textBody: z.string().optional(),
  htmlBody: z.string().optional(),
  to: z
    .looseObject({
      users: z.array(z.looseObject({ accountId: z.string() })).optional(),
      groups: z.array(z.looseObject({ name: z.string() })).optional(),
    })
    .optional(),
});

/**
 * `POST /rest/api/3/issue/{issueIdOrKey}/notify`: needs Browse on the issue (404 otherwise, as
 * Jira answers), refuses the whole notification with 400 when one recipient is an unknown or
 * deactivated account ("the recipient is invalid") or when it names nobody, and answers 204.
 * Nothing is mailed: the notification is recorded for tests to read.
 */
export const notifyRoute: Route = {
  method: 'POST',
  path: '/rest/api/3/issue/{issueIdOrKey}/notify',
  handle(context) {
    const { store, caller, body, now } = context;
    const issue = pathIssue(context);
    const notification = parseBody(notificationSchema, body ?? {});
    const accountIds = (notification.to?.users ?? []).map((user) => user.accountId);
    const groups = (notification.to?.groups ?? []).map((group) => group.name);
    const unknown = accountIds.find((accountId) => store.user(accountId) === undefined);
    if (unknown !== undefined) throw badRequest(`The user with account ID '${unknown}' does not exist.`);
    const inactive = accountIds.find((accountId) => store.user(accountId)?.active === false);
    if (inactive !== undefined) throw badRequest(`The user with account ID '${inactive}' is not active.`);
    if (accountIds.length + groups.length === 0) throw badRequest('No recipients were defined for notification.');
    context.recordNotification({
      issueId: issue.id,
      issueKey: issue.key,
      sentBy: caller.accountId,
      subject: notification.subject ?? `${issue.key}: ${issue.summary}`,
      textBody: notification.textBody ?? '',
      htmlBody: notification.htmlBody ?? '',
      accountIds,
      groups,
      at: now,
    });
    return noContent();
  },
};

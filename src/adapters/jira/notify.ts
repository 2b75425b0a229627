import type { IssueNotification } from '../../app/ports/jira';
import type { JiraClient } from './jira-client';

/**
 * `POST /rest/api/3/issue/{issueIdOrKey}/notify`: Jira queues the email and answers 204. Not
 * idempotent (a 5xx may have queued it), so a failure is reported, not retried; the app's
 * queue decides what to do.
 */
export async function notifyAboutIssue(client: JiraClient, issueIdOrKey: string, notification: IssueNotification): Promise<void> {
  await client.send({
    operation: 'notify',
    method: 'POST',
    resource: { template: '/rest/api/3/issue/{issueIdOrKey}/notify', issueIdOrKey },
    body: {
      subject: notification.subject,
      textBody: notification.textBody,
      htmlBody: notification.htmlBody,
      to: {
        users: notification.to.accountIds.map((accountId) => ({ accountId })),
        groups: notification.to.groups.map((name) => ({ name })),
      },
    },
    idempotent: false,
    parse: () => undefined,
  });
}

import type { DroppedRecipient } from '../../contract';
import type { AlertMailer, NotificationRecipients } from '../ports/jira';

export interface ResolvedRecipients {
  /** The active accounts and every group: whom the email goes to. */
  readonly to: NotificationRecipients;
  readonly dropped: readonly DroppedRecipient[];
}

/**
 * Asks Jira about each account, one by one: one that Jira does not know, or that is
 * deactivated, would make Jira refuse the whole email, so it is dropped (and reported) and the
 * others still get it. Groups are passed on as they are. A failed lookup throws, like any Jira call.
 */
export async function resolveRecipients(jira: Pick<AlertMailer, 'getAccount'>, recipients: NotificationRecipients): Promise<ResolvedRecipients> {
  const accountIds: string[] = [];
  const dropped: DroppedRecipient[] = [];
  for (const accountId of new Set(recipients.accountIds)) {
    const account = await jira.getAccount(accountId);
    if (account === null) dropped.push({ accountId, reason: 'unknown' });
    else if (!account.active) dropped.push({ accountId, reason: 'inactive' });
    else accountIds.push(accountId);
  }
  return { to: { accountIds, groups: recipients.groups }, dropped };
}

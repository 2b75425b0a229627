import type { IssueNotification, NotificationRecipients } from '../ports/jira';
import { hoursText as hours } from '../hours-text';
import type { AlertRecord } from './alert-record';


function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The email Jira sends about the issue whose work crossed the threshold. */
export function alertNotification(record: AlertRecord, planName: string, to: NotificationRecipients): IssueNotification {
  const subject = `Support plan "${planName}" reached ${record.percent} % of its hours for ${record.periodLabel}`;
  const figures = `${hours(record.usedCoveredSeconds)} of ${hours(record.availableSeconds)} covered hours used`;
  const issue = record.issueKey ?? `issue ${record.issueId}`;
  const text = `${subject}: ${figures}. The threshold was crossed by work logged on ${issue}.`;
  const html = `<p>Support plan <strong>${escapeHtml(planName)}</strong> reached <strong>${record.percent} %</strong> of its hours for ${escapeHtml(
    record.periodLabel,
  )}: ${escapeHtml(figures)}.</p><p>The threshold was crossed by work logged on ${escapeHtml(issue)}.</p>`;
  return { subject, textBody: text, htmlBody: html, to };
}

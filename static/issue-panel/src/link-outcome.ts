import type { IssueView } from '@contract/index';
import { BILLING_CLASS_LABELS } from '../../shared/components/BillingClassSelect';

/** What a saved change of the issue's plan did, in words: the panel announces it and puts the keyboard on it. */
export function linkOutcome(before: IssueView, after: IssueView): string {
  if (after.link === null) return 'Removed from the plan: this issue’s work counts against no plan.';
  const planName = after.balance?.planName ?? after.link.planId;
  const billingClass = BILLING_CLASS_LABELS[after.link.billingClass];
  if (before.link === null) return `Added to ${planName} as ${billingClass}.`;
  if (before.link.planId !== after.link.planId) return `Moved to ${planName} as ${billingClass}.`;
  return `Saved: ${billingClass} on ${planName}.`;
}

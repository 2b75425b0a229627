import type { BillingClass, Instant, Seconds } from './types';

/** A linked, deduplicated worklog inside the plan, with the figures every later step reads. */
export interface LedgerEntry {
  readonly worklogId: string;
  readonly issueId: string;
  readonly issueKey?: string;
  readonly authorAccountId: string | null;
  readonly started: Instant;
  readonly billingClass: BillingClass;
  readonly rawSeconds: Seconds;
  readonly roundedSeconds: Seconds;
}

import type { WorklogLine } from './types';

/** A linked, deduplicated worklog inside the plan, with the figures every later step reads. */
export type LedgerEntry = Pick<
  WorklogLine,
  | 'worklogId'
  | 'issueId'
  | 'issueKey'
  | 'issueSummary'
  | 'authorAccountId'
  | 'started'
  | 'billingClass'
  | 'rawSeconds'
  | 'roundedSeconds'
>;

import type { Seconds, WorklogLine } from './types';

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
  | 'chargedSeconds'
  | 'segments'
>;

/**
 * The seconds an entry bills: its charged seconds where a multiplier applied, else its rounded seconds.
 *
 * @example
 * billedSecondsOf({ …, roundedSeconds: 3600, chargedSeconds: 5400 }) // 5400
 */
export function billedSecondsOf(entry: Pick<LedgerEntry, 'roundedSeconds' | 'chargedSeconds'>): Seconds {
  return entry.chargedSeconds ?? entry.roundedSeconds;
}

/**
 * Pure edits of one issue's entry in an aggregate part. A worklog is kept by id with the
 * `updated` instant it was last seen at, so replaying events in any order, any number of
 * times, leaves the same entry: a duplicate or an older version changes nothing, and a
 * deletion leaves a tombstone that no late create or update can get past.
 */
import { parseJiraInstant } from '../../ledger/parse-jira-instant';
import type { BillingClass, JiraWorklog } from '../../ledger/types';
import type { IssueEntry, WorklogRecord } from './records';

export type WorklogChange =
  | { readonly kind: 'upsert'; readonly worklog: JiraWorklog }
  | { readonly kind: 'delete'; readonly worklogId: string; readonly deletedAt: number };

export interface IssueFacts {
  readonly billingClass: BillingClass;
  /** Empty when not known; an empty value never replaces a known one. */
  readonly issueKey: string;
  readonly summary: string;
}

export function emptyEntry(facts: IssueFacts): IssueEntry {
  return { k: facts.issueKey, s: facts.summary, b: facts.billingClass, w: {}, d: {} };
}

export function withFacts(entry: IssueEntry, facts: IssueFacts): IssueEntry {
  return {
    ...entry,
    k: facts.issueKey || entry.k,
    s: facts.summary || entry.s,
    b: facts.billingClass,
  };
}

function updatedMsOf(worklog: JiraWorklog): number {
  return worklog.updated === undefined ? 0 : parseJiraInstant(worklog.updated, `worklogs[id=${worklog.id}].updated`);
}

function recordOf(worklog: JiraWorklog): WorklogRecord {
  return [worklog.started, worklog.timeSpentSeconds, worklog.author?.accountId ?? null, updatedMsOf(worklog)];
}

export function worklogOf(worklogId: string, issueId: string, record: WorklogRecord): JiraWorklog {
  const [started, timeSpentSeconds, accountId, updatedMs] = record;
  return {
    id: worklogId,
    issueId,
    started,
    timeSpentSeconds,
    ...(accountId === null ? {} : { author: { accountId } }),
    updated: new Date(updatedMs).toISOString(),
  };
}

export function applyWorklogChange(entry: IssueEntry, change: WorklogChange): IssueEntry {
  if (change.kind === 'delete') {
    const { [change.worklogId]: _removed, ...kept } = entry.w;
    const deletedAt = Math.max(change.deletedAt, entry.d[change.worklogId] ?? change.deletedAt);
    return { ...entry, w: kept, d: { ...entry.d, [change.worklogId]: deletedAt } };
  }
  const { worklog } = change;
  if (entry.d[worklog.id] !== undefined) return entry;
  const known = entry.w[worklog.id];
  const record = recordOf(worklog);
  if (known !== undefined && known[3] >= record[3]) return entry;
  return { ...entry, w: { ...entry.w, [worklog.id]: record } };
}

/** Jira never reuses a worklog id, so a tombstone only has to outlive late deliveries and retries. */
export const TOMBSTONE_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;

export function withoutOldTombstones(entry: IssueEntry, now: number): IssueEntry {
  const kept = Object.entries(entry.d).filter(([, deletedAt]) => now - deletedAt < TOMBSTONE_RETENTION_MS);
  return kept.length === Object.keys(entry.d).length ? entry : { ...entry, d: Object.fromEntries(kept) };
}

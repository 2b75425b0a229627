/**
 * Pure edits of one issue's entry in an aggregate part. A worklog is kept by id with the
 * `updated` instant it was last seen at, so replaying events in any order, any number of
 * times, leaves the same entry: a duplicate or an older version changes nothing, and a
 * deletion leaves a tombstone that no late create or update can get past.
 */
import type { JiraWorklog } from '../../ledger/types';
import {
  factsOf,
  newEntry,
  storedUpdatedMs,
  tombstoneOf,
  tombstonesOf,
  updatedMsOf,
  withEntryFacts,
  withoutWorklog,
  withTombstones,
  withWorklog,
  type IssueEntry,
  type IssueFacts,
} from './aggregate-codec';

export type WorklogChange =
  | { readonly kind: 'upsert'; readonly worklog: JiraWorklog }
  | { readonly kind: 'delete'; readonly worklogId: string; readonly deletedAt: number };

/** The facts as now known: an empty key or summary never replaces a known one. */
export function withFacts(entry: IssueEntry, facts: IssueFacts): IssueEntry {
  const known = factsOf(entry);
  return withEntryFacts(entry, { billingClass: facts.billingClass, issueKey: facts.issueKey || known.issueKey, summary: facts.summary || known.summary });
}

export function applyWorklogChange(entry: IssueEntry, change: WorklogChange): IssueEntry {
  if (change.kind === 'delete') {
    const deletedAt = Math.max(change.deletedAt, tombstoneOf(entry, change.worklogId) ?? change.deletedAt);
    return withoutWorklog(entry, change.worklogId, deletedAt);
  }
  const { worklog } = change;
  if (tombstoneOf(entry, worklog.id) !== undefined) return entry;
  const known = storedUpdatedMs(entry, worklog.id);
  if (known !== undefined && known >= updatedMsOf(worklog)) return entry;
  return withWorklog(entry, worklog);
}

/** A fresh entry holding each worklog's latest version: what applying them one by one as upserts gives, in one pass. */
export function entryOfWorklogs(facts: IssueFacts, worklogs: readonly JiraWorklog[]): IssueEntry {
  const latest = new Map<string, { readonly worklog: JiraWorklog; readonly updatedMs: number }>();
  for (const worklog of worklogs) {
    const updatedMs = updatedMsOf(worklog);
    const known = latest.get(worklog.id);
    if (known === undefined || updatedMs > known.updatedMs) latest.set(worklog.id, { worklog, updatedMs });
  }
  return newEntry(facts, [...latest.values()].map(({ worklog }) => worklog));
}

/** Jira never reuses a worklog id, so a tombstone only has to outlive late deliveries and retries. */
export const TOMBSTONE_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;

export function withoutOldTombstones(entry: IssueEntry, now: number): IssueEntry {
  const tombstones = tombstonesOf(entry);
  const kept = tombstones.filter(([, deletedAt]) => now - deletedAt < TOMBSTONE_RETENTION_MS);
  return kept.length === tombstones.length ? entry : withTombstones(entry, kept);
}

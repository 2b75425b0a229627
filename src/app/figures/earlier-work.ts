/**
 * What a refresh records of the work before its reporting period, by aggregate shard (`earlierWorkSchema`), so that
 * the next refresh, after worklog events on a few issues, can tell from those issues' shards alone that none of the
 * events changed anything before the reporting period (docs/internals/figures.md, "Refreshes").
 */
import type { LedgerEntry, PreparedLedger } from '../../ledger';
import type { JiraWorklog, OutOfPlanWorklog } from '../../ledger/types';
import { shardOf } from '../aggregates/shard-of';
import type { PlanHead } from '../aggregates/records';
import { sha256Hex } from '../closing/canonical-json';
import type { JsonValue } from '../ports/store';
import { canonicalJson } from '../../ledger/canonical-json';
import type { PlanFigures } from './compute-plan-figures';
import type { EarlierWork, UsageTuple } from './figures-records';

/**
 * For each of `shards` (of `shardCount`), a SHA-256 prefix of the ledger's entries of its issues in the prepared
 * periods before `before` (an index) and of its worklogs outside the plan, in the ledger's order.
 */
export async function earlierWorkDigests(prepared: PreparedLedger, before: number, shardCount: number, shards: Iterable<number>): Promise<Map<number, string>> {
  const work = new Map<number, { readonly entries: LedgerEntry[]; readonly outOfPlan: OutOfPlanWorklog[] }>([...shards].map((shard) => [shard, { entries: [], outOfPlan: [] }]));
  for (const entries of prepared.entriesByPeriod.slice(0, before)) {
    for (const entry of entries) work.get(shardOf(entry.issueId, shardCount))?.entries.push(entry);
  }
  for (const worklog of prepared.outOfPlan) work.get(shardOf(worklog.issueId, shardCount))?.outOfPlan.push(worklog);
  const digests = await Promise.all([...work].map(async ([shard, shardWork]) => [shard, (await sha256Hex(JSON.stringify(shardWork))).slice(0, 24)] as const));
  return new Map(digests);
}

/** How many of `worklogs` each of `shards` (of `shardCount`) holds. */
export function worklogCounts(worklogs: readonly JiraWorklog[], shardCount: number, shards: Iterable<number>): Map<number, number> {
  const counts = new Map<number, number>([...shards].map((shard) => [shard, 0]));
  for (const worklog of worklogs) {
    const shard = shardOf(worklog.issueId, shardCount);
    const count = counts.get(shard);
    if (count !== undefined) counts.set(shard, count + 1);
  }
  return counts;
}

/** A SHA-256 prefix of the closed-period summary's canonical JSON, null when there is none. */
export async function closedSummaryDigest(summary: JsonValue | undefined): Promise<string | null> {
  return summary === undefined ? null : (await sha256Hex(canonicalJson(summary))).slice(0, 24);
}

const isZero = (usage: UsageTuple): boolean => usage.every((value) => value === 0);

/** The issues of `usage` whose usage is there and adds up to nothing. */
export function zeroUsageIssues(usage: ReadonlyMap<string, UsageTuple>): string[] {
  return [...usage].filter(([, tuple]) => isZero(tuple)).map(([issueId]) => issueId);
}

/**
 * The record a full refresh at `refreshedAt` leaves, from the aggregate it read (`head`, `worklogs`), what it
 * prepared and the figures it computed, the closed-period summary it leaves, and whether it changed the issue shards' count; undefined when the figures have no reporting period and next one.
 */
export async function earlierWorkOf(
  refreshedAt: number,
  head: PlanHead,
  worklogs: readonly JiraWorklog[],
  prepared: PreparedLedger,
  figures: PlanFigures,
  closedSummary: JsonValue | undefined,
  retiringIssueShards: boolean,
): Promise<Omit<EarlierWork, 'unsettledChunks'> | undefined> {
  const [reporting, next] = figures.periods.slice(-2);
  if (reporting === undefined || next === undefined) return undefined;
  const shards = Array.from({ length: head.shardCount }, (_, shard) => shard);
  const digests = await earlierWorkDigests(prepared, reporting.period.index, head.shardCount, shards);
  const counts = worklogCounts(worklogs, head.shardCount, shards);
  return {
    refreshedAt,
    reportingLabel: reporting.period.label,
    generation: head.generation,
    shardCount: head.shardCount,
    closedSummary: await closedSummaryDigest(closedSummary),
    issueCount: figures.issues.size,
    retiringIssueShards,
    zeroBefore: zeroUsageIssues(figures.usageBeforeRecent),
    shards: shards.map((shard) => [digests.get(shard) ?? '', counts.get(shard) ?? 0]),
  };
}

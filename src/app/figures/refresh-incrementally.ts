/**
 * The refresh after worklog events on a few issues: it reads only what those events can have changed — the
 * issues' aggregate shards, the reporting period's and the next period's statement sources and entry chunks, and
 * the issue shards of the issues with work in those periods — and stores exactly what the full refresh
 * (`refreshPlanFigures`) would store at the same instant, or leaves the refresh to it when it cannot tell that
 * nothing else changed (docs/internals/figures.md, "Refreshes"; decision 0067).
 */
import { entriesMerged, prepareKeptEntries, prepareLedger, resumeHistory, type LedgerEntry, type ResumePoint } from '../../ledger';
import type { OutOfPlanWorklog, Period, Statement } from '../../ledger/types';
import { periodUsageByIssue } from '../issues/issue-usage';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { loadShardsLedgerInput } from '../aggregates/load-plan-ledger-input';
import { shardOf } from '../aggregates/shard-of';
import { canonicalJson } from '../../ledger/canonical-json';
import { identityOf, internalIdOf } from '../plans/plan-repository';
import { planOfJob } from '../scope/plan-scope';
import { toJsonValue } from '../plans/to-json-value';
import type { JsonValue, Store } from '../ports/store';
import { reportingPeriod } from '../usage/reporting-period';
import { computePlanFigures, figuresThrough, type IssueUsageByLabel } from './compute-plan-figures';
import { closedSummaryDigest, earlierWorkDigests, worklogCounts } from './earlier-work';
import { decodeEntryChunk, decodeOutOfPlanChunk, entryChunks } from './entry-chunks';
import { closedSummaryKey, earlierWorkKey, entryChunkKey, issueUsageKey, periodFiguresKey, statementSourceKey } from './figures-keys';
import {
  earlierWorkSchema,
  issueUsageShardSchema,
  statementSourceSchema,
  type EarlierWork,
  type IssueUsageShard,
  type RefreshedFigures,
  type StatementSource,
  type UsageTuple,
} from './figures-records';
import { readChunks } from './read-chunks';
import { issueShardCountFor, type FiguresDeps, type HeadCommit } from './refresh-plan-figures';
import { statementSource } from './statement-sources';
import { chunkChange, storeRefresh } from './store-refresh';
import { subtractUsage, usageByIssue } from './usage-tuples';

/** Why a refresh asked for some issues reads the whole plan after all. */
export type FullRefreshReason =
  | 'plan-gone'
  | 'plan-edited'
  | 'period-changed'
  | 'no-earlier-work'
  | 'aggregate-rebuilt'
  | 'earlier-work-changed'
  | 'no-statement-source'
  | 'record-missing'
  | 'issue-shards-resized'
  | 'issue-id';

export type IncrementalOutcome = { readonly status: 'refreshed' } | { readonly status: 'full'; readonly reason: FullRefreshReason };

const full = (reason: FullRefreshReason): IncrementalOutcome => ({ status: 'full', reason });

/** Issue ids the issue shards hold as array indices (ordered by value, whatever order they are set in): Jira's are. */
const ARRAY_INDEX = /^(0|[1-9][0-9]{0,9})$/;
const isArrayIndex = (issueId: string): boolean => ARRAY_INDEX.test(issueId) && Number(issueId) < 2 ** 32 - 1;

/** A period's statement source as stored (so that what is kept of it is kept to the byte), and as read. */
interface RecentSource {
  readonly raw: Record<string, JsonValue>;
  readonly source: StatementSource;
}

/**
 * Refreshes the plan's figures after worklog events on `issueIds` only, when every change since the refresh
 * `previous` (the head's) is one of those: the plan is the version it was, the reporting period and the next are
 * the ones it stored, and the events changed nothing before the reporting period and no worklog outside the plan.
 * The ledger replays the two periods from the reporting period's checkpoint over their stored entries with those
 * issues' replaced; each issue's usage through them is its usage before (what was stored, less the two periods' old
 * usage) plus theirs. Writes what changed and deletes the entry chunks no source names any more (`storeRefresh`),
 * the head last (through `commitHead`). Writes nothing when it answers `full`: the caller refreshes the whole plan.
 */
export async function refreshIncrementally(
  deps: FiguresDeps,
  internalId: string,
  issueIds: readonly string[],
  previous: RefreshedFigures,
  commitHead: HeadCommit,
): Promise<IncrementalOutcome> {
  const { store } = deps;
  const now = deps.clock.now();
  const stored = await planOfJob(store, internalId);
  if (stored === undefined) return full('plan-gone');
  if (stored.version !== previous.planVersion) return full('plan-edited');
  const planId = internalIdOf(stored);
  const reporting = reportingPeriod(stored.plan, now);
  const next = figuresThrough(stored.plan, now);
  const [storedReporting, storedNext] = previous.recent;
  if (next.index !== reporting.index + 1 || previous.recent.length !== 2 || storedReporting?.period.label !== reporting.label || storedNext?.period.label !== next.label) {
    return full('period-changed');
  }

  const [earlierValue, summary, aggregateHead, reportingSourceValue, nextSourceValue] = await Promise.all([
    store.get(earlierWorkKey(planId)),
    store.get(closedSummaryKey(planId)),
    new AggregateReader(store).head(planId),
    store.get(statementSourceKey(planId, reporting.label)),
    store.get(statementSourceKey(planId, next.label)),
  ]);
  const earlier = earlierWorkSchema.safeParse(earlierValue).data;
  if (earlier?.refreshedAt !== previous.refreshedAt || earlier.reportingLabel !== reporting.label) return full('no-earlier-work');
  if (aggregateHead?.generation !== earlier.generation || aggregateHead.shardCount !== earlier.shardCount) return full('aggregate-rebuilt');
  if (earlier.closedSummary !== (await closedSummaryDigest(summary))) return full('record-missing');
  // The issue shards of the count before are deleted by the refresh after the one that resized them.
  if (earlier.retiringIssueShards) return full('issue-shards-resized');

  // The touched issues' shards as they are now: nothing before the reporting period may have changed in them.
  const touched = new Set(issueIds.map((issueId) => shardOf(issueId, earlier.shardCount)));
  const input = await loadShardsLedgerInput(store, identityOf(stored), aggregateHead, touched);
  const prepared = prepareLedger(stored.plan, input.links, input.worklogs, next, 'throughPeriod');
  const digests = await earlierWorkDigests(prepared, reporting.index, earlier.shardCount, touched);
  if ([...touched].some((shard) => earlier.shards[shard]?.[0] !== digests.get(shard))) return full('earlier-work-changed');

  const fromReporting = recentSource(reporting, stored.version, reportingSourceValue);
  const fromNext = recentSource(next, stored.version, nextSourceValue);
  if (fromReporting === undefined || fromNext === undefined) return full('no-statement-source');
  const [keptReporting, keptNext, outOfPlan] = await Promise.all([
    readChunks(store, planId, reporting.label, fromReporting.source.periods[0]?.chunks ?? [], decodeEntryChunk),
    readChunks(store, planId, next.label, fromNext.source.periods[0]?.chunks ?? [], decodeEntryChunk),
    readChunks<OutOfPlanWorklog>(store, planId, 'out', fromReporting.source.outOfPlan, decodeOutOfPlanChunk),
  ]);
  if (keptReporting === undefined || keptNext === undefined || outOfPlan === undefined) return full('record-missing');
  const untouched = (entry: LedgerEntry): boolean => !touched.has(shardOf(entry.issueId, earlier.shardCount));
  const storedEntries = { [reporting.index]: keptReporting, [next.index]: keptNext };
  const entries = {
    [reporting.index]: entriesMerged(keptReporting.filter(untouched), prepared.entriesByPeriod[reporting.index] ?? []),
    [next.index]: entriesMerged(keptNext.filter(untouched), prepared.entriesByPeriod[next.index] ?? []),
  };
  const from: ResumePoint = fromReporting.source.from;
  const replayed = (byIndex: Readonly<Record<number, readonly LedgerEntry[]>>) =>
    prepareKeptEntries(stored.plan, next, 'throughPeriod', (period) => byIndex[period.index] ?? [], outOfPlan);
  const storedStatements = resumeHistory(replayed(storedEntries), [], from, now).statements;
  const storedUsage = storedStatements.map((statement) => usageByIssue(statement));

  // The issues whose usage in or through the two periods differs from the stored: work of theirs changed, or the
  // allowance now runs out at another line. Every other issue's stored usage stays as it is.
  const relevant = issuesUsedOtherwise(storedStatements, resumeHistory(replayed(entries), [], from, now).statements);
  if ([...relevant].some((issueId) => !isArrayIndex(issueId))) return full('issue-id');
  const issueShards = await readIssueShards(store, planId, previous.issueShardCount, relevant);
  if (issueShards === undefined) return full('record-missing');
  // Usage through the period before: an issue left with zeros had none unless the refresh found it there adding up to nothing.
  const zeroBefore = new Set(earlier.zeroBefore);
  const throughReporting = new Map<string, UsageTuple>();
  for (const issueId of relevant) {
    const through = issueShards.get(shardOf(issueId, previous.issueShardCount))?.parsed[issueId]?.a[reporting.label];
    if (through !== undefined) throughReporting.set(issueId, through);
  }
  const usageBefore = new Map(
    [...subtractUsage(throughReporting, storedUsage.slice(0, 1))].filter(([issueId, usage]) => zeroBefore.has(issueId) || usage.some((value) => value !== 0)),
  );
  const figures = computePlanFigures(replayed(entries), { from, frozen: [], usageBefore }, now);
  const { changedShards, issueCount } = updatedIssueShards(issueShards, previous.issueShardCount, relevant, figures.issues, earlier.issueCount);
  if (issueShardCountFor(issueCount) !== previous.issueShardCount) return full('issue-shards-resized');

  const [reportingChunks, nextChunks] = await Promise.all([entryChunks(entries[reporting.index] ?? []), entryChunks(entries[next.index] ?? [])]);
  const storedChunks = new Set(
    [fromReporting, fromNext].flatMap(({ source }) => source.periods.flatMap(({ label, chunks }) => chunks.map((id) => entryChunkKey(planId, label, id)))),
  );
  const newChunks = new Map<string, JsonValue>([
    ...reportingChunks.map((chunk) => [entryChunkKey(planId, reporting.label, chunk.id), chunk.value] as const),
    ...nextChunks.map((chunk) => [entryChunkKey(planId, next.label, chunk.id), chunk.value] as const),
  ]);

  const closing = figures.resumed.closings[0];
  const [reportingFigures, nextFigures] = figures.periods;
  if (closing === undefined || reportingFigures === undefined || nextFigures === undefined) throw new RangeError('refreshIncrementally: the replay has no reporting and next period');
  const counts = worklogCounts(input.worklogs, earlier.shardCount, touched);
  const storedCount = (shard: number): number => earlier.shards[shard]?.[1] ?? 0;
  const left: EarlierWork = {
    ...earlier,
    refreshedAt: now,
    issueCount,
    retiringIssueShards: false,
    shards: earlier.shards.map((entry, shard) => [entry[0], counts.get(shard) ?? entry[1]]),
  };
  const reportingSource = { ...fromReporting.raw, periods: [{ label: reporting.label, chunks: reportingChunks.map((chunk) => chunk.id) }] };
  const nextSource = statementSource(stored.version, { index: next.index, checkpoint: closing }, [], [{ label: next.label, chunks: nextChunks.map((chunk) => chunk.id) }], fromReporting.source.outOfPlan);
  const wanted: [string, JsonValue, JsonValue | undefined][] = [
    [periodFiguresKey(planId, reporting.label), toJsonValue(reportingFigures), toJsonValue(storedReporting)],
    [periodFiguresKey(planId, next.label), toJsonValue(nextFigures), toJsonValue(storedNext)],
    ...changedShards.map(([index, shard]): [string, JsonValue, JsonValue | undefined] => [issueUsageKey(planId, previous.issueShardCount, index), shard, issueShards.get(index)?.raw]),
    [statementSourceKey(planId, reporting.label), toJsonValue(reportingSource), fromReporting.raw],
    [statementSourceKey(planId, next.label), toJsonValue(nextSource), fromNext.raw],
  ];
  const records = wanted.filter(([, value, before]) => canonicalJson(value) !== canonicalJson(before)).map(([key, value]) => ({ set: { key, value } }));
  // The earlier-work record is the head's: the last refresh was not killed, and left no chunk unsettled.
  await storeRefresh(store, planId, { earlierWork: { stored: earlierValue, next: left }, chunks: chunkChange(newChunks, storedChunks), records });
  await commitHead({
    refreshedAt: now,
    planVersion: stored.version,
    planKey: stored.plan.id,
    lastLabel: next.label,
    issueShardCount: previous.issueShardCount,
    worklogCount: previous.worklogCount + [...touched].reduce((sum, shard) => sum + (counts.get(shard) ?? 0) - storedCount(shard), 0),
    recent: figures.periods,
  });
  return { status: 'refreshed' };
}

/** An issue's usage in one statement, as the issue shards hold it: its lines, and its lines with the late adjustments booked on the statement. */
function usageKeys(statement: Statement): Map<string, string> {
  const lines = periodUsageByIssue(statement);
  return new Map([...usageByIssue(statement)].map(([issueId, usage]) => [issueId, JSON.stringify([usage, lines.get(issueId)])]));
}

/** The issues whose usage in any of the statements `after` differs from theirs in the same one `before` (or is there in one only). */
function issuesUsedOtherwise(before: readonly Statement[], after: readonly Statement[]): Set<string> {
  const differing = new Set<string>();
  for (const [index, statement] of after.entries()) {
    const earlier = before[index];
    const was = earlier === undefined ? new Map<string, string>() : usageKeys(earlier);
    const is = usageKeys(statement);
    for (const issueId of new Set([...was.keys(), ...is.keys()])) if (was.get(issueId) !== is.get(issueId)) differing.add(issueId);
  }
  return differing;
}

/**
 * The issue shards with the usage of `relevant` issues as `usage` has it (an issue it lacks leaves its shard), and
 * the number of issues the shards then hold, `issueCount` before.
 */
function updatedIssueShards(
  shards: ReadonlyMap<number, StoredIssueShard>,
  shardCount: number,
  relevant: ReadonlySet<string>,
  usage: ReadonlyMap<string, IssueUsageByLabel>,
  issueCount: number,
): { readonly changedShards: readonly (readonly [number, JsonValue])[]; readonly issueCount: number } {
  let count = issueCount;
  const updates = new Map<number, Map<string, JsonValue | undefined>>();
  for (const issueId of relevant) {
    const index = shardOf(issueId, shardCount);
    const issueUsage = usage.get(issueId);
    const held = shards.get(index)?.parsed[issueId] !== undefined;
    if (held !== (issueUsage !== undefined)) count += held ? -1 : 1;
    const shardUpdates = updates.get(index) ?? new Map<string, JsonValue | undefined>();
    shardUpdates.set(issueId, issueUsage && toJsonValue(issueUsage));
    updates.set(index, shardUpdates);
  }
  // Issue ids are array indices: an object lists them by value, so the shard is the full refresh's to the byte.
  const changedShards = [...updates].map(([index, shardUpdates]) => {
    const kept = Object.entries(shards.get(index)?.raw ?? {}).filter(([issueId]) => !shardUpdates.has(issueId));
    const updated = [...shardUpdates].filter((entry): entry is [string, JsonValue] => entry[1] !== undefined);
    return [index, toJsonValue(Object.fromEntries([...kept, ...updated]))] as const;
  });
  return { changedShards, issueCount: count };
}

interface StoredIssueShard {
  readonly raw: Record<string, JsonValue>;
  readonly parsed: IssueUsageShard;
}

/** The issue shards (of `shardCount`) holding `issueIds`, by index; undefined when one is missing or malformed. */
async function readIssueShards(store: Store, planId: string, shardCount: number, issueIds: Iterable<string>): Promise<Map<number, StoredIssueShard> | undefined> {
  const indices = [...new Set([...issueIds].map((issueId) => shardOf(issueId, shardCount)))];
  const read = await Promise.all(indices.map(async (index) => [index, await store.get(issueUsageKey(planId, shardCount, index))] as const));
  const shards = new Map<number, StoredIssueShard>();
  for (const [index, raw] of read) {
    const parsed = issueUsageShardSchema.safeParse(raw);
    if (!parsed.success || !isJsonObject(raw)) return undefined;
    shards.set(index, { raw, parsed: parsed.data });
  }
  return shards;
}

const isJsonObject = (value: JsonValue | undefined): value is Record<string, JsonValue> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The period's stored source when it resumes at the period itself over its own entries only, under the plan's `version`. */
function recentSource(period: Period, version: number, raw: JsonValue | undefined): RecentSource | undefined {
  const parsed = statementSourceSchema.safeParse(raw);
  if (!parsed.success || !isJsonObject(raw)) return undefined;
  const source = parsed.data;
  const own = source.planVersion === version && source.frozen.length === 0 && source.from.index === period.index && source.periods.length === 1 && source.periods[0]?.label === period.label;
  return own ? { raw, source } : undefined;
}

import { loadPlanAggregate } from '../aggregates/load-plan-ledger-input';
import { shardsOf } from '../aggregates/shard-of';
import { transactInBatches } from '../aggregates/transact-in-batches';
import { listAll } from '../plans/list-all';
import { canonicalJson } from '../../ledger/canonical-json';
import { identityOf, internalIdOf } from '../plans/plan-repository';
import { planOfJob } from '../scope/plan-scope';
import { toJsonValue } from '../plans/to-json-value';
import type { Clock } from '../ports/clock';
import type { JsonValue, Store, TransactOperation } from '../ports/store';
import type { DeepReadonly } from '../../contract';
import { prepareLedger } from '../../ledger';
import { closedSummaryRecords, isUnusedClosedUsage, loadClosedHistory, summariseClosed } from './closed-history';
import { computePlanFigures, figuresThrough, RECENT_PERIODS } from './compute-plan-figures';
import { earlierWorkOf } from './earlier-work';
import {
  closedSummaryKey,
  earlierWorkKey,
  figuresHeadKey,
  figuresPrefix,
  issueUsageKey,
  issueUsagePrefix,
  issueUsageSetPrefix,
  periodFiguresKey,
  periodFiguresPrefix,
  statementSourcePrefix,
} from './figures-keys';
import { figuresHeadOf, type IssueUsageShard, type RefreshedFigures } from './figures-records';
import { chunksNamedBy, statementSourceRecords } from './statement-sources';
import { chunkChange, chunksLeftBehind, storeRefresh } from './store-refresh';

export interface FiguresDeps {
  readonly store: Store;
  readonly clock: Clock;
}

/** About 40 issues a shard keeps a shard under 10 KB (an issue with work in both periods the head holds takes up to about 230 bytes): one read unit for the issue panel. */
export const ISSUES_PER_SHARD = 40;

/** How many issue shards the head names for a plan whose figures hold this many issues. */
export const issueShardCountFor = (issues: number): number => Math.max(1, Math.ceil(issues / ISSUES_PER_SHARD));

/** Writes the head of a refresh, given what it stored; the refresh job decides what becomes of its request. */
export type HeadCommit = (refreshed: DeepReadonly<RefreshedFigures>) => Promise<void>;

/**
 * Recomputes the plan's figures with the ledger over its aggregate and closed periods, and stores
 * the records that changed, the head last (through `commitHead`): readers that find the head find every record it names.
 * The replay resumes after the closed periods that are settled and unchanged since the last
 * refresh (their figures stay as stored, their frozen statements unread), and the summary of the
 * closed periods it leaves for the next refresh is written after the head.
 * Records of an issue-shard count the head no longer names are deleted one refresh later, once
 * no reader can still be using them. Each open period's statement source is stored with the figures, the entry
 * chunks it names before it (only those no stored source names yet), and chunks no source names any more (or that
 * a refresh killed before its head left unsettled) are deleted before the head (`storeRefresh`). A plan that is
 * gone (or being deleted) has its figures dropped.
 *
 * @returns false when the plan is gone
 */
export async function refreshPlanFigures(deps: FiguresDeps, internalId: string, commitHead: HeadCommit): Promise<boolean> {
  const { store } = deps;
  const stored = await planOfJob(store, internalId);
  const existing = new Map((await listAll(store, figuresPrefix(internalId))).map((entry) => [entry.key, entry.value]));
  if (stored === undefined) {
    await transactInBatches(store, [...existing.keys()].map((key) => ({ delete: { key } })));
    return false;
  }
  const planId = internalIdOf(stored);
  const { input, head: aggregateHead } = await loadPlanAggregate(store, identityOf(stored));
  const now = deps.clock.now();
  const prepared = prepareLedger(stored.plan, input.links, input.worklogs, figuresThrough(stored.plan, now), 'throughPeriod');
  const closed = await loadClosedHistory(store, planId, prepared, existing, Math.max(0, prepared.periods.length - RECENT_PERIODS));
  const figures = computePlanFigures(prepared, closed, now);
  const summary = summariseClosed(closed, figures.resumed, figures.closedUsage);
  const summaryRecords = summary && (await closedSummaryRecords(planId, summary));
  const statementSources = await statementSourceRecords(planId, stored.version, prepared, closed, figures.resumed, summary?.periods);
  const issueShardCount = issueShardCountFor(figures.issues.size);
  const previous = figuresHeadOf(existing.get(figuresHeadKey(planId))).refreshed;
  // Chunks are named by their content: one a stored source names is there already.
  const chunks = chunkChange(statementSources.chunks, chunksNamedBy(planId, existing), chunksLeftBehind(planId, existing.get(earlierWorkKey(planId)), previous));
  const resized = previous !== null && previous.issueShardCount !== issueShardCount;
  // The summary stays as stored when this refresh leaves none (closed periods not the plan's first).
  const summaryLeft = summaryRecords?.summaryRecord[1] ?? existing.get(closedSummaryKey(planId));
  const earlierWork = aggregateHead && (await earlierWorkOf(now, aggregateHead, input.worklogs, prepared, figures, summaryLeft, resized));
  const shards: IssueUsageShard[] = shardsOf(figures.issues, issueShardCount);
  const wanted = new Map<string, JsonValue>([
    ...figures.periods.map((period): [string, JsonValue] => [periodFiguresKey(planId, period.period.label), toJsonValue(period)]),
    ...shards.map((shard, index): [string, JsonValue] => [issueUsageKey(planId, issueShardCount, index), toJsonValue(shard)]),
    ...(summaryRecords?.shards ?? []),
    ...statementSources.sources,
  ]);
  const writes: TransactOperation[] = [...wanted]
    .filter(([key, value]) => canonicalJson(existing.get(key)) !== canonicalJson(value))
    .map(([key, value]) => ({ set: { key, value } }));
  await storeRefresh(store, planId, { earlierWork: { stored: existing.get(earlierWorkKey(planId)), next: earlierWork }, chunks, records: writes });

  await commitHead({
    refreshedAt: now,
    planVersion: stored.version,
    planKey: stored.plan.id,
    lastLabel: figures.periods.at(-1)?.period.label ?? '',
    issueShardCount,
    worklogCount: input.worklogs.length,
    recent: figures.periods.slice(-RECENT_PERIODS),
  });
  if (summaryRecords !== undefined) {
    const [key, value] = summaryRecords.summaryRecord;
    if (canonicalJson(existing.get(key)) !== canonicalJson(value)) await store.set(key, value);
  }

  const stillRead = previous === null ? null : issueUsageSetPrefix(planId, previous.issueShardCount);
  // Closed periods the replay resumed after keep their figures as stored.
  const kept = new Set(closed.closed.slice(0, closed.from.index).map((period) => periodFiguresKey(planId, period.label)));
  const stale = [...existing.keys()].filter(
    (key) =>
      !wanted.has(key) &&
      !kept.has(key) &&
      (key.startsWith(periodFiguresPrefix(planId)) ||
        key.startsWith(statementSourcePrefix(planId)) ||
        (key.startsWith(issueUsagePrefix(planId)) && (stillRead === null || !key.startsWith(stillRead))) ||
        isUnusedClosedUsage(planId, summaryRecords?.summary, key)),
  );
  await transactInBatches(store, stale.map((key) => ({ delete: { key } })));
  return true;
}

import { loadPlanLedgerInput } from '../aggregates/load-plan-ledger-input';
import { shardOf } from '../aggregates/shard-of';
import { transactInBatches } from '../aggregates/transact-in-batches';
import { loadClosedPeriods } from '../closing/closed-statements';
import { listAll } from '../plans/list-all';
import { canonicalJson } from '../../ledger/canonical-json';
import { identityOf, internalIdOf } from '../plans/plan-repository';
import { planOfJob } from '../scope/plan-scope';
import { toJsonValue } from '../plans/to-json-value';
import type { Clock } from '../ports/clock';
import type { JsonValue, Store, TransactOperation } from '../ports/store';
import { computePlanFigures } from './compute-plan-figures';
import { figuresHeadKey, figuresPrefix, issueUsageKey, issueUsagePrefix, issueUsageSetPrefix, periodFiguresKey, periodFiguresPrefix } from './figures-keys';
import { figuresHeadSchema, type FiguresHead, type IssueUsageShard } from './figures-records';

export interface FiguresDeps {
  readonly store: Store;
  readonly clock: Clock;
}

/** About 150 issues a shard keeps a shard near 16 KB: two read units for the issue panel. */
export const ISSUES_PER_SHARD = 150;

/**
 * Recomputes the plan's figures with the ledger over its aggregate and closed periods, and stores
 * the records that changed, the head last: readers that find the head find every record it names.
 * Records of an issue-shard count the head no longer names are deleted one refresh later, once
 * no reader can still be using them. A plan that is gone (or being deleted) has its figures dropped.
 *
 * @returns false when the plan is gone
 */
export async function refreshPlanFigures(deps: FiguresDeps, internalId: string): Promise<boolean> {
  const { store } = deps;
  const stored = await planOfJob(store, internalId);
  const existing = new Map((await listAll(store, figuresPrefix(internalId))).map((entry) => [entry.key, entry.value]));
  if (stored === undefined) {
    await transactInBatches(store, [...existing.keys()].map((key) => ({ delete: { key } })));
    return false;
  }
  const planId = internalIdOf(stored);
  const input = await loadPlanLedgerInput(store, identityOf(stored));
  const now = deps.clock.now();
  const figures = computePlanFigures(stored, input, await loadClosedPeriods(store, planId), now);

  const issueShardCount = Math.max(1, Math.ceil(figures.issues.size / ISSUES_PER_SHARD));
  const shards: IssueUsageShard[] = Array.from({ length: issueShardCount }, () => ({}));
  for (const [issueId, usage] of figures.issues) {
    const shard = shards[shardOf(issueId, issueShardCount)];
    if (shard !== undefined) shard[issueId] = usage;
  }
  const wanted = new Map<string, JsonValue>([
    ...figures.periods.map((period): [string, JsonValue] => [periodFiguresKey(planId, period.period.label), toJsonValue(period)]),
    ...shards.map((shard, index): [string, JsonValue] => [issueUsageKey(planId, issueShardCount, index), toJsonValue(shard)]),
  ]);
  const writes: TransactOperation[] = [...wanted]
    .filter(([key, value]) => canonicalJson(existing.get(key)) !== canonicalJson(value))
    .map(([key, value]) => ({ set: { key, value } }));
  await transactInBatches(store, writes);

  const previous = figuresHeadSchema.safeParse(existing.get(figuresHeadKey(planId)));
  const head: FiguresHead = {
    refreshedAt: now,
    planVersion: stored.version,
    lastLabel: figures.periods.at(-1)?.period.label ?? '',
    issueShardCount,
    worklogCount: input.worklogs.length,
  };
  await store.set(figuresHeadKey(planId), toJsonValue(head));

  const stillRead = previous.success ? issueUsageSetPrefix(planId, previous.data.issueShardCount) : null;
  const stale = [...existing.keys()].filter(
    (key) =>
      !wanted.has(key) &&
      (key.startsWith(periodFiguresPrefix(planId)) || (key.startsWith(issueUsagePrefix(planId)) && (stillRead === null || !key.startsWith(stillRead)))),
  );
  await transactInBatches(store, stale.map((key) => ({ delete: { key } })));
  return true;
}

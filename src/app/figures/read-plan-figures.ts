import type { IssueUsage, StoredPlan } from '../../contract';
import { figuresAsOf, type StatementFigures } from '../../ledger';
import type { Instant, Period } from '../../ledger/types';
import { NO_USAGE } from '../issues/issue-usage';
import { internalIdOf } from '../plans/plan-repository';
import type { Store } from '../ports/store';
import { shardOf } from '../aggregates/shard-of';
import { fromUsageTuple } from './compute-plan-figures';
import { figuresHeadKey, issueUsageKey, periodFiguresKey, refreshRequestKey } from './figures-keys';
import { figuresHeadSchema, issueUsageShardSchema, storedPeriodFiguresSchema, type FiguresHead, type StoredPeriodFigures } from './figures-records';

/** The stored figures of the plan at hand: where a read starts. */
export interface FiguresView {
  readonly head: FiguresHead;
  /** A refresh is asked for (work, terms or closed periods changed since) or the terms changed since the refresh. */
  readonly refreshing: boolean;
}

export interface PeriodFiguresRead {
  readonly figures: StatementFigures;
  /** The stored record, for the crossings of its alert thresholds. */
  readonly stored: StoredPeriodFigures;
}

/**
 * The plan's figures head and whether they are being refreshed: two reads. Undefined when no
 * refresh has stored figures for the plan yet.
 */
export async function openFigures(store: Store, stored: StoredPlan): Promise<FiguresView | undefined> {
  const planId = internalIdOf(stored);
  const [head, request] = await Promise.all([store.get(figuresHeadKey(planId)), store.get(refreshRequestKey(planId))]);
  const parsed = figuresHeadSchema.safeParse(head);
  if (!parsed.success) return undefined;
  return { head: parsed.data, refreshing: request !== undefined || parsed.data.planVersion !== stored.version };
}

/**
 * One period's figures as of `now`: one read. Undefined when the period is not stored (after the
 * last period the last refresh stored, or a plan whose periods changed since).
 *
 * `now` earlier than the refresh (clocks of two invocations differ by milliseconds) reads as of the refresh.
 */
export async function readPeriodFigures(store: Store, stored: StoredPlan, view: FiguresView, period: Period, now: Instant): Promise<PeriodFiguresRead | undefined> {
  const parsed = storedPeriodFiguresSchema.safeParse(await store.get(periodFiguresKey(internalIdOf(stored), period.label)));
  if (!parsed.success || parsed.data.period.start !== period.start || parsed.data.period.end !== period.end) return undefined;
  const { crossings: _crossings, ...figures } = parsed.data;
  return { figures: figuresAsOf(figures, Math.max(now, view.head.refreshedAt)), stored: parsed.data };
}

/** The issue's usage in the period and through it: one read. */
export async function readIssueUsage(
  store: Store,
  stored: StoredPlan,
  view: FiguresView,
  issueId: string,
  periodLabel: string,
): Promise<{ readonly period: IssueUsage; readonly allTime: IssueUsage }> {
  const { issueShardCount } = view.head;
  const shard = issueUsageShardSchema.safeParse(await store.get(issueUsageKey(internalIdOf(stored), issueShardCount, shardOf(issueId, issueShardCount))));
  const usage = shard.success ? shard.data[issueId] : undefined;
  const inPeriod = usage?.p[periodLabel];
  const through = usage?.a[periodLabel];
  return { period: inPeriod === undefined ? NO_USAGE : fromUsageTuple(inPeriod), allTime: through === undefined ? NO_USAGE : fromUsageTuple(through) };
}

import type { IssueUsage, StoredPlan } from '../../contract';
import { answerUntil, figuresAsOf, type StatementFigures } from '../../ledger';
import type { Instant, Period } from '../../ledger/types';
import { NO_USAGE } from '../issues/issue-usage';
import { internalIdOf } from '../plans/plan-repository';
import { isJsonObject, type Store } from '../ports/store';
import { shardOf } from '../aggregates/shard-of';
import { fromUsageTuple } from './usage-tuples';
import { figuresHeadKey, issueUsageKey, periodFiguresKey } from './figures-keys';
import { figuresHeadOf, issueUsageByLabelSchema, storedPeriodFiguresSchema, type FiguresHead, type HeadAlerts, type IssueUsageByLabel, type RefreshedFigures, type StoredPeriodFigures } from './figures-records';

/** The stored figures of the plan at hand: where a read starts. */
export interface FiguresView {
  readonly refreshed: RefreshedFigures;
  /** A refresh is asked for (work, terms or closed periods changed since), a full recompute is under way, or the terms changed since the refresh. */
  readonly refreshing: boolean;
  /** The head's active alerts; undefined in a head no alert check has written yet. */
  readonly alerts: HeadAlerts | undefined;
}

export interface PeriodFiguresRead {
  readonly figures: StatementFigures;
  /** The stored record, for the crossings of its alert thresholds. */
  readonly stored: StoredPeriodFigures;
  /**
   * The figures answer only through an instant before now (work logged ahead of the refresh, see
   * `answerUntil`): they are as of that instant, and a refresh is due.
   */
  readonly outdated: boolean;
}

/** The plan's figures head (by the plan's internal id): one read. */
export async function readFiguresHead(store: Store, planId: string): Promise<FiguresHead> {
  return figuresHeadOf(await store.get(figuresHeadKey(planId)));
}

/** The view of the plan's figures a head gives; undefined when no refresh has stored figures for the plan yet. */
export function figuresView(head: FiguresHead, stored: StoredPlan): FiguresView | undefined {
  if (head.refreshed === null) return undefined;
  const refreshing = head.request !== null || head.rebuilding === true || head.refreshed.planVersion !== stored.version;
  return { refreshed: head.refreshed, refreshing, alerts: head.alerts };
}

/** The first instant past which a period the head holds no longer answers (work logged ahead of the refresh, see `answerUntil`); null when they answer at any later instant. */
export function figuresExpireAfter(refreshed: RefreshedFigures): Instant | null {
  const untils = refreshed.recent.flatMap((figures) => {
    const until = answerUntil(figures);
    return until === null ? [] : [until];
  });
  return untils.length === 0 ? null : Math.min(...untils);
}

/** The plan's figures and whether they are being refreshed: one read. */
export async function openFigures(store: Store, stored: StoredPlan): Promise<FiguresView | undefined> {
  return figuresView(await readFiguresHead(store, internalIdOf(stored)), stored);
}

/**
 * One period's figures as of `now`: from the head for the reporting period at the refresh and the
 * next, one read for any other. Undefined when the period is not stored (after the last period the
 * last refresh stored, or a plan whose periods changed since).
 *
 * `now` earlier than the refresh (clocks of two invocations differ by milliseconds) reads as of the
 * refresh; `now` after the last instant the figures answer for, as of that instant (`outdated`).
 */
export async function readPeriodFigures(store: Store, stored: StoredPlan, view: FiguresView, period: Period, now: Instant): Promise<PeriodFiguresRead | undefined> {
  const recent = view.refreshed.recent.find((figures) => figures.period.label === period.label);
  const found = recent ?? storedPeriodFiguresSchema.safeParse(await store.get(periodFiguresKey(internalIdOf(stored), period.label))).data;
  if (found?.period.start !== period.start || found.period.end !== period.end) return undefined;
  const { crossings: _crossings, ...figures } = found;
  const asOf = Math.max(now, view.refreshed.refreshedAt);
  const until = answerUntil(figures);
  const outdated = until !== null && asOf > until;
  return { figures: figuresAsOf(figures, outdated ? until : asOf), stored: found, outdated };
}

/**
 * The issue's entry in the plan's usage shards (by the plan's internal id), if the head names stored
 * figures: one read, which needs the head alone, so it can go out beside the plan's.
 */
export async function readIssueUsageEntry(store: Store, head: FiguresHead, planId: string, issueId: string): Promise<IssueUsageByLabel | undefined> {
  if (head.refreshed === null) return undefined;
  const { issueShardCount } = head.refreshed;
  const shard = await store.get(issueUsageKey(planId, issueShardCount, shardOf(issueId, issueShardCount)));
  // Only the issue's own entry is validated: the shard's other 40 or so issues are none of this read's business.
  return issueUsageByLabelSchema.safeParse(isJsonObject(shard) ? shard[issueId] : undefined).data;
}

/** The issue's usage in the period `periodLabel` and through it, from its entry. */
export function issueUsageIn(entry: IssueUsageByLabel | undefined, periodLabel: string): { readonly period: IssueUsage; readonly allTime: IssueUsage } {
  const inPeriod = entry?.p[periodLabel];
  const through = entry?.a[periodLabel];
  return { period: inPeriod === undefined ? NO_USAGE : fromUsageTuple(inPeriod), allTime: through === undefined ? NO_USAGE : fromUsageTuple(through) };
}

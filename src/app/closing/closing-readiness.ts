/**
 * Whether a plan's figures for a period are complete enough to freeze. A close freezes the
 * statement as the aggregates give it now, so it waits while they are known to be behind Jira:
 * while issues are being linked to the plan in bulk, while the plan's first build or a recompute
 * is running (issues were linked, and their work is still being read), and until reconciliation has read Jira's worklog changes past the period's
 * end plus a grace (events missed around the end are repaired by reconciliation, and work of the
 * period's last day is often logged the next morning). See docs/decisions/0028.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { PeriodBlocker } from '../../contract';
import type { Instant, Period } from '../../ledger/types';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { bulkPlanJobsPrefix, loadBulkJob } from '../bulk/bulk-job';
import { listAll } from '../plans/list-all';
import type { Store } from '../ports/store';
import { RECONCILE_INTERVAL_MS } from '../sync/reconcile';
import { readCaughtUpTo } from '../sync/watermark';

/** How long after a period's end reconciliation must have read Jira's changes before the period can be closed. */
export const CLOSING_GRACE_MS = 24 * 60 * 60 * 1000;

/** A bulk link whose job has not moved in this long is taken for dead (as a build is) and no longer waited for. */
export const STALE_BULK_LINK_MS = 15 * 60 * 1000;

export type ClosingBlocker =
  | { readonly reason: 'period-not-ended'; readonly closableFrom: Instant }
  | { readonly reason: 'previous-period-open'; readonly previousLabel: string }
  /** Issues are being linked to the plan in bulk: `done` of `total` so far. */
  | { readonly reason: 'bulk-link-running'; readonly startedAt: Instant; readonly done: number; readonly total: number }
  /** The plan's aggregates are being (re)built from Jira; `first` when nothing was built before. */
  | { readonly reason: 'build-running'; readonly first: boolean; readonly startedAt: Instant }
  /** Reconciliation has read Jira's changes up to `caughtUpTo` (none yet: null) and must reach `needed`. */
  | { readonly reason: 'reconciliation-behind'; readonly needed: Instant; readonly caughtUpTo: Instant | null; readonly closableFrom: Instant | null };

/** What the plan's aggregates and reconciliation say, read once for all of a plan's periods. */
export interface FiguresProgress {
  readonly bulkLink: { readonly startedAt: Instant; readonly done: number; readonly total: number } | null;
  readonly building: { readonly first: boolean; readonly startedAt: Instant } | null;
  readonly caughtUpTo: Instant | null;
}

export async function readFiguresProgress(store: Store, planInternalId: string, now: Instant): Promise<FiguresProgress> {
  const [head, caughtUpTo, bulkLink] = await Promise.all([new AggregateReader(store).head(planInternalId), readCaughtUpTo(store), runningBulkLink(store, planInternalId, now)]);
  const building = head?.building === undefined ? null : { first: head.generation === 0, startedAt: head.building.startedAt };
  return { bulkLink, building, caughtUpTo: caughtUpTo ?? null };
}

/** The oldest bulk link still linking issues to the plan, with the progress of all of them. */
async function runningBulkLink(store: Store, planInternalId: string, now: Instant): Promise<FiguresProgress['bulkLink']> {
  const markers = await listAll(store, bulkPlanJobsPrefix(planInternalId));
  const jobs = await Promise.all(markers.map((marker) => loadBulkJob(store, marker.key.slice(bulkPlanJobsPrefix(planInternalId).length))));
  const running = jobs.flatMap((job) => (job !== undefined && job.state !== 'done' && now - job.updatedAt < STALE_BULK_LINK_MS ? [job] : []));
  if (running.length === 0) return null;
  return {
    startedAt: Math.min(...running.map((job) => job.startedAt)),
    done: running.reduce((sum, job) => sum + job.linked + job.failed, 0),
    total: running.reduce((sum, job) => sum + job.total, 0),
  };
}

/** The instant reconciliation must have read Jira's changes up to before the period can be closed. */
export const reconciledBy = (period: Period): Instant => period.end + CLOSING_GRACE_MS;

/** The first hourly reconciliation after the grace: when a period that has ended can be closed, all going well. */
const expectedClosable = (period: Period): Instant => reconciledBy(period) + RECONCILE_INTERVAL_MS;

/** Why the plan's figures for an ended period can't be frozen yet, or null when they can. */
export function figuresBlocker(period: Period, progress: FiguresProgress, now: Instant): ClosingBlocker | null {
  if (progress.bulkLink !== null) return { reason: 'bulk-link-running', ...progress.bulkLink };
  if (progress.building !== null) return { reason: 'build-running', ...progress.building };
  const needed = reconciledBy(period);
  if (progress.caughtUpTo !== null && progress.caughtUpTo >= needed) return null;
  return { reason: 'reconciliation-behind', needed, caughtUpTo: progress.caughtUpTo, closableFrom: now < expectedClosable(period) ? expectedClosable(period) : null };
}

/** Why an open period can't be closed now, or null when it can; the order is the order an admin must deal with them in. */
export function closingBlocker(period: Period, previousClosed: boolean, previousLabel: string | undefined, progress: FiguresProgress, now: Instant): ClosingBlocker | null {
  if (period.end > now) return { reason: 'period-not-ended', closableFrom: expectedClosable(period) };
  if (!previousClosed && previousLabel !== undefined) return { reason: 'previous-period-open', previousLabel };
  return figuresBlocker(period, progress, now);
}

function at(instant: Instant, timeZone: string): string {
  return `${format(new TZDate(instant, timeZone), 'yyyy-MM-dd HH:mm')} (${timeZone})`;
}

/** The blocker in a sentence for people; instants in the plan's time zone. */
export function blockerSentence(periodLabel: string, blocker: ClosingBlocker, timeZone: string): string {
  switch (blocker.reason) {
    case 'period-not-ended':
      return `The period ${periodLabel} has not ended yet; it can be closed from about ${at(blocker.closableFrom, timeZone)}.`;
    case 'previous-period-open':
      return `Close ${blocker.previousLabel} first: periods are closed in order.`;
    case 'bulk-link-running':
      return `Issues are being linked to the plan in bulk (started ${at(blocker.startedAt, timeZone)}, ${blocker.done} of ${blocker.total} done); ${periodLabel} can be closed once the linking and the recompute it starts have finished.`;
    case 'build-running':
      return blocker.first
        ? `The plan's figures are still being built from Jira (started ${at(blocker.startedAt, timeZone)}); ${periodLabel} can be closed once the build has finished.`
        : `The plan's figures are being recomputed from Jira (started ${at(blocker.startedAt, timeZone)}), for example after issues with work were linked; ${periodLabel} can be closed once the recompute has finished.`;
    case 'reconciliation-behind': {
      const through = blocker.caughtUpTo === null ? 'has not run yet' : `has read Jira's worklog changes up to ${at(blocker.caughtUpTo, timeZone)}`;
      const when = blocker.closableFrom === null ? 'after the next hourly reconciliation' : `from about ${at(blocker.closableFrom, timeZone)}`;
      return `Closing ${periodLabel} waits until reconciliation with Jira has read every worklog change up to ${at(blocker.needed, timeZone)} (a day after the period's end); it ${through}. It can be closed ${when}.`;
    }
  }
}

/** The blocker as `closing/list` shows it: a reason code, a sentence and, when known, the instant it should clear. */
export function blockerView(periodLabel: string, blocker: ClosingBlocker, timeZone: string): PeriodBlocker {
  const closableFrom = blocker.reason === 'period-not-ended' || blocker.reason === 'reconciliation-behind' ? blocker.closableFrom : null;
  return { reason: blocker.reason, message: blockerSentence(periodLabel, blocker, timeZone), closableFrom };
}

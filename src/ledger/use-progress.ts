import type { Instant, Period, Seconds, WorklogLine } from './types';

/**
 * At most this many start instants of work started from a progress's cutoff on are kept: a
 * period's stored figures stay the same size however much work is logged ahead of the refresh
 * (about 1.4 KB of them; 25,000 worklogs logged ahead once made one period's figures 497 KB).
 */
export const LATER_STARTS_MAX = 64;

/**
 * How a period's covered use stands at `cutoff`, and the covered work started from then on: all
 * a forecast at any instant from `cutoff` through `until` needs, without the period's lines. Stored with a
 * period's figures, so a read forecasts at its own instant from a value of bounded size.
 */
export interface UseProgress {
  /** Clamped into the period. */
  readonly cutoff: Instant;
  /** Covered seconds of the lines started before `cutoff`. */
  readonly coveredBefore: Seconds;
  /** When those lines' covered use reached the available seconds; null if it did not. */
  readonly reachedAvailableAt: Instant | null;
  /** `[started, covered seconds]` of the lines with covered seconds started at or after `cutoff`, one entry an instant, in draw order, before `until`. */
  readonly later: readonly (readonly [Instant, Seconds])[];
  /**
   * The start of the first covered work `later` leaves out (null: it leaves out none): the
   * progress answers for instants through this one, and a later instant needs a new progress.
   */
  readonly until: Instant | null;
}

export const clampIntoPeriod = (period: Period, instant: Instant): Instant => Math.min(Math.max(instant, period.start), period.end);

/**
 * The period's covered use as of `cutoff` (clamped into the period), good through the start of the
 * `LATER_STARTS_MAX + 1`-th distinct start instant of covered work from the cutoff on.
 *
 * @param linesInDrawOrder the period's worklog lines, ordered by started then worklog id
 * @example
 * useProgress(october, lines, 36000, Date.parse('2026-10-11T00:00:00Z')).coveredBefore // 21600
 */
export function useProgress(period: Period, linesInDrawOrder: readonly WorklogLine[], availableSeconds: Seconds, cutoff: Instant): UseProgress {
  const clamped = clampIntoPeriod(period, cutoff);
  let coveredBefore = 0;
  let reachedAvailableAt: Instant | null = null;
  const later: [Instant, Seconds][] = [];
  for (const line of linesInDrawOrder) {
    if (line.coveredSeconds === 0) continue;
    if (line.started >= clamped) {
      const last = later.at(-1);
      if (last?.[0] === line.started) last[1] += line.coveredSeconds;
      else if (later.length === LATER_STARTS_MAX) return { cutoff: clamped, coveredBefore, reachedAvailableAt, later, until: line.started };
      else later.push([line.started, line.coveredSeconds]);
      continue;
    }
    coveredBefore += line.coveredSeconds;
    if (reachedAvailableAt === null && availableSeconds > 0 && coveredBefore >= availableSeconds) reachedAvailableAt = line.started;
  }
  return { cutoff: clamped, coveredBefore, reachedAvailableAt, later, until: null };
}

/**
 * The progress at a later instant: the lines of `later` started before it move into the sum.
 *
 * @throws RangeError when `asOf` (clamped into the period) is before the progress's cutoff or after its `until`
 */
export function progressAt(period: Period, progress: UseProgress, availableSeconds: Seconds, asOf: Instant): Pick<UseProgress, 'coveredBefore' | 'reachedAvailableAt'> {
  const t = clampIntoPeriod(period, asOf);
  if (t < progress.cutoff || (progress.until !== null && t > progress.until)) throw new RangeError(`progressAt: ${new Date(asOf).toISOString()} is outside the progress's cutoff and until`);
  let { coveredBefore, reachedAvailableAt } = progress;
  for (const [started, seconds] of progress.later) {
    if (started >= t) break;
    coveredBefore += seconds;
    if (reachedAvailableAt === null && availableSeconds > 0 && coveredBefore >= availableSeconds) reachedAvailableAt = started;
  }
  return { coveredBefore, reachedAvailableAt };
}

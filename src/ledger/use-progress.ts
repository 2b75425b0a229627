import type { Instant, Period, Seconds, WorklogLine } from './types';

/**
 * How a period's covered use stands at `cutoff`, and the covered work started from then on: all
 * a forecast at any instant from `cutoff` needs, without the period's lines. Stored with a
 * period's figures, so a read forecasts at its own instant from a value of bounded size.
 */
export interface UseProgress {
  /** Clamped into the period. */
  readonly cutoff: Instant;
  /** Covered seconds of the lines started before `cutoff`. */
  readonly coveredBefore: Seconds;
  /** When those lines' covered use reached the available seconds; null if it did not. */
  readonly reachedAvailableAt: Instant | null;
  /** `[started, covered seconds]` of each line with covered seconds started at or after `cutoff`, in draw order. */
  readonly later: readonly (readonly [Instant, Seconds])[];
}

export const clampIntoPeriod = (period: Period, instant: Instant): Instant => Math.min(Math.max(instant, period.start), period.end);

/**
 * The period's covered use as of `cutoff` (clamped into the period).
 *
 * @param linesInDrawOrder the period's worklog lines, ordered by started then worklog id
 * @example
 * useProgress(october, lines, 36000, Date.parse('2026-10-11T00:00:00Z')).coveredBefore // 21600
 */
export function useProgress(period: Period, linesInDrawOrder: readonly WorklogLine[], availableSeconds: Seconds, cutoff: Instant): UseProgress {
  const clamped = clampIntoPeriod(period, cutoff);
  let coveredBefore = 0;
  let reachedAvailableAt: Instant | null = null;
  const later: (readonly [Instant, Seconds])[] = [];
  for (const line of linesInDrawOrder) {
    if (line.coveredSeconds === 0) continue;
    if (line.started >= clamped) {
      later.push([line.started, line.coveredSeconds]);
      continue;
    }
    coveredBefore += line.coveredSeconds;
    if (reachedAvailableAt === null && availableSeconds > 0 && coveredBefore >= availableSeconds) reachedAvailableAt = line.started;
  }
  return { cutoff: clamped, coveredBefore, reachedAvailableAt, later };
}

/**
 * The progress at a later instant: the lines of `later` started before it move into the sum.
 *
 * @throws RangeError when `asOf` (clamped into the period) is before the progress's cutoff
 */
export function progressAt(period: Period, progress: UseProgress, availableSeconds: Seconds, asOf: Instant): Pick<UseProgress, 'coveredBefore' | 'reachedAvailableAt'> {
  const t = clampIntoPeriod(period, asOf);
  if (t < progress.cutoff) throw new RangeError(`progressAt: ${new Date(asOf).toISOString()} is before the progress's cutoff`);
  let { coveredBefore, reachedAvailableAt } = progress;
  for (const [started, seconds] of progress.later) {
    if (started >= t) break;
    coveredBefore += seconds;
    if (reachedAvailableAt === null && availableSeconds > 0 && coveredBefore >= availableSeconds) reachedAvailableAt = started;
  }
  return { coveredBefore, reachedAvailableAt };
}

import { ceilDivide, roundHalfUp, toSafeInteger } from './money';
import type { Forecast, Instant, Period, Seconds, WorklogLine } from './types';
import { clampIntoPeriod, progressAt, type UseProgress, useProgress } from './use-progress';

const MS_PER_DAY = 86_400_000n;

/**
 * Projects the period's covered use from its pace so far. With t = asOf clamped into the
 * period and `used` the covered seconds (overage included) of worklogs started before t:
 * burn = used per elapsed day; projected use = used + the same pace over the rest of the
 * period; run-out = the worklog that made use reach the available hours if that already
 * happened, else when the pace reaches them (none if not before the period's end, when nothing
 * is used yet, or when nothing is available). Integer arithmetic throughout.
 *
 * @param linesInDrawOrder the period's worklog lines, ordered by started then worklog id
 * @example
 * // October 2026 in UTC (31 days), 10 h available, 6 h used by Oct 11 00:00 (10 days elapsed)
 * forecastUse(october, lines, 36000, Date.parse('2026-10-11T00:00:00Z'))
 * // { averageDailyBurnSeconds: 2160, projectedUseSeconds: 66960, projectedRunOutAt: Date.parse('2026-10-17T16:00:00Z') }
 */
export function forecastUse(
  period: Period,
  linesInDrawOrder: readonly WorklogLine[],
  availableSeconds: Seconds,
  asOf: Instant,
): Forecast {
  return forecastFromProgress(period, useProgress(period, linesInDrawOrder, availableSeconds, asOf), availableSeconds, asOf);
}

/**
 * `forecastUse` from the period's progress at an earlier cutoff (see `useProgress`): the same
 * forecast, without the period's lines.
 *
 * @throws RangeError when `asOf` (clamped into the period) is before the progress's cutoff
 */
export function forecastFromProgress(period: Period, progress: UseProgress, availableSeconds: Seconds, asOf: Instant): Forecast {
  const t = clampIntoPeriod(period, asOf);
  const { coveredBefore: usedAsOf, reachedAvailableAt } = progressAt(period, progress, availableSeconds, asOf);
  const elapsed = BigInt(t - period.start);
  if (elapsed === 0n) {
    return { asOf, averageDailyBurnSeconds: 0, projectedUseSeconds: usedAsOf, projectedRunOutAt: null };
  }
  const used = BigInt(usedAsOf);
  const projectedUse = used + roundHalfUp(used * BigInt(period.end - t), elapsed);
  return {
    asOf,
    averageDailyBurnSeconds: toSafeInteger(roundHalfUp(used * MS_PER_DAY, elapsed), 'average daily burn'),
    projectedUseSeconds: toSafeInteger(projectedUse, 'projected use'),
    projectedRunOutAt: reachedAvailableAt ?? projectRunOut(period, t, elapsed, used, BigInt(availableSeconds)),
  };
}

function projectRunOut(period: Period, t: Instant, elapsed: bigint, used: bigint, available: bigint): Instant | null {
  if (available === 0n || used === 0n) return null;
  const runOut = BigInt(t) + ceilDivide((available - used) * elapsed, used);
  return runOut >= BigInt(period.end) ? null : toSafeInteger(runOut, 'run-out instant');
}

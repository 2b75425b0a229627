import type { Seconds, ThresholdCrossing, WorklogLine } from './types';

/**
 * For each alert threshold (once per distinct percent, lowest first), the first covered worklog
 * after which covered use × 100 ≥ percent × available. Nothing is reported when nothing is available.
 *
 * @param linesInDrawOrder the period's worklog lines, ordered by started then worklog id
 * @example
 * // 10 h available, covered worklogs of 5 h and 4 h: 80 % is crossed by the second (9 h × 100 ≥ 80 × 10 h)
 * findThresholdCrossings(lines, [80, 100], 36000) // [{ percent: 80, worklogId: '2', at: …, usedCoveredSeconds: 32400 }]
 */
export function findThresholdCrossings(
  linesInDrawOrder: readonly WorklogLine[],
  thresholdsPercent: readonly number[],
  availableSeconds: Seconds,
): ThresholdCrossing[] {
  if (availableSeconds <= 0) return [];
  const pending = [...new Set(thresholdsPercent)].sort((a, b) => a - b);
  const crossings: ThresholdCrossing[] = [];
  let usedCoveredSeconds = 0;
  for (const line of linesInDrawOrder) {
    if (line.billingClass !== 'covered') continue;
    usedCoveredSeconds += line.coveredSeconds;
    while (pending[0] !== undefined && usedCoveredSeconds * 100 >= pending[0] * availableSeconds) {
      crossings.push({ percent: pending[0], worklogId: line.worklogId, at: line.started, usedCoveredSeconds });
      pending.shift();
    }
    if (pending.length === 0) break;
  }
  return crossings;
}

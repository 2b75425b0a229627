import type { Breakdown, LateAdjustment, WorklogLine } from './types';

export type LineTotals = Omit<Breakdown, 'key'>;

/**
 * Adds up worklog lines field by field.
 *
 * @example
 * sumLines([line({ rawSeconds: 600, roundedSeconds: 900 }), line({ rawSeconds: 60, roundedSeconds: 900 })])
 * // { rawSeconds: 660, roundedSeconds: 1800, …, worklogCount: 2 }
 */
export function sumLines(lines: readonly WorklogLine[]): LineTotals {
  let rawSeconds = 0;
  let roundedSeconds = 0;
  let coveredSeconds = 0;
  let overageSeconds = 0;
  let extraSeconds = 0;
  let nonBillableSeconds = 0;
  for (const line of lines) {
    rawSeconds += line.rawSeconds;
    roundedSeconds += line.roundedSeconds;
    coveredSeconds += line.coveredSeconds;
    overageSeconds += line.overageSeconds;
    extraSeconds += line.extraSeconds;
    nonBillableSeconds += line.nonBillableSeconds;
  }
  return {
    rawSeconds,
    roundedSeconds,
    coveredSeconds,
    overageSeconds,
    extraSeconds,
    nonBillableSeconds,
    worklogCount: lines.length,
  };
}

const WORKLOG_COUNT_DELTA: Readonly<Record<LateAdjustment['kind'], number>> = { added: 1, changed: 0, removed: -1 };

/**
 * Totals with late adjustments added: their seconds are deltas, an added worklog counts once
 * more and a removed one once less. Frozen lines plus every adjustment booked since give the
 * figures of the worklogs as they are now.
 *
 * @example
 * withLateAdjustments(sumLines(frozenSeptember.lines), october.lateAdjustments).rawSeconds // September's seconds as logged now
 */
export function withLateAdjustments(totals: LineTotals, adjustments: readonly LateAdjustment[]): LineTotals {
  let { rawSeconds, roundedSeconds, coveredSeconds, overageSeconds, extraSeconds, nonBillableSeconds, worklogCount } = totals;
  for (const adjustment of adjustments) {
    rawSeconds += adjustment.rawSeconds;
    roundedSeconds += adjustment.roundedSeconds;
    coveredSeconds += adjustment.coveredSeconds;
    overageSeconds += adjustment.overageSeconds;
    extraSeconds += adjustment.extraSeconds;
    nonBillableSeconds += adjustment.nonBillableSeconds;
    worklogCount += WORKLOG_COUNT_DELTA[adjustment.kind];
  }
  return { rawSeconds, roundedSeconds, coveredSeconds, overageSeconds, extraSeconds, nonBillableSeconds, worklogCount };
}

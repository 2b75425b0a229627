import type { Breakdown, WorklogLine } from './types';

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

import type { Breakdown, LateAdjustment, WorklogLine } from './types';

export type LineTotals = Omit<Breakdown, 'key'>;

const SECONDS_FIELDS = ['rawSeconds', 'roundedSeconds', 'coveredSeconds', 'overageSeconds', 'extraSeconds', 'nonBillableSeconds'] as const;
type SecondsFields = Pick<LineTotals, (typeof SECONDS_FIELDS)[number]>;

const NOTHING: LineTotals = { rawSeconds: 0, roundedSeconds: 0, coveredSeconds: 0, overageSeconds: 0, extraSeconds: 0, nonBillableSeconds: 0, worklogCount: 0 };

/** `start` plus every item's seconds, field by field, and `worklogsOf(item)` worklogs for each. */
function accumulate<Item extends SecondsFields>(start: LineTotals, items: readonly Item[], worklogsOf: (item: Item) => number): LineTotals {
  const totals = { ...start };
  for (const item of items) {
    for (const field of SECONDS_FIELDS) totals[field] += item[field];
    totals.worklogCount += worklogsOf(item);
  }
  return totals;
}

/**
 * Adds up worklog lines field by field.
 *
 * @example
 * sumLines([line({ rawSeconds: 600, roundedSeconds: 900 }), line({ rawSeconds: 60, roundedSeconds: 900 })])
 * // { rawSeconds: 660, roundedSeconds: 1800, …, worklogCount: 2 }
 */
export function sumLines(lines: readonly WorklogLine[]): LineTotals {
  return accumulate(NOTHING, lines, () => 1);
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
  return accumulate(totals, adjustments, (adjustment) => WORKLOG_COUNT_DELTA[adjustment.kind]);
}

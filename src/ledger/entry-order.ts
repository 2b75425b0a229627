import { compareWorklogIds } from './compare-worklog-ids';
import type { Instant } from './types';

/** The order a period's entries are drawn in: by start, then worklog id. */
export function inDrawOrder(a: { readonly started: Instant; readonly worklogId: string }, b: { readonly started: Instant; readonly worklogId: string }): number {
  return a.started - b.started || compareWorklogIds(a.worklogId, b.worklogId);
}

/**
 * A period's entries with some replaced: `kept` (in draw order, as a prepare filed them) and `added` (filed by a
 * prepare of other issues of the same plan, the same version of its terms), in the order `prepareLedger` files
 * them all: a prepare files each worklog by itself, so the entries of all the issues are the two lists merged.
 *
 * @example
 * entriesMerged(storedOctober.filter((entry) => entry.issueId !== '10001'), prepareLedger(plan, [link10001], worklogs10001, '2026-10', 'period').entriesByPeriod.at(-1) ?? [])
 */
export function entriesMerged<Entry extends { readonly started: Instant; readonly worklogId: string }>(kept: readonly Entry[], added: readonly Entry[]): Entry[] {
  return [...kept, ...added].sort(inDrawOrder);
}

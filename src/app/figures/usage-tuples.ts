/** Issue usage as the figures store it, seven integers, and the sums a refresh makes of it. */
import type { IssueUsage } from '../../contract';
import type { Statement } from '../../ledger/types';
import { allTimeUsageByIssue } from '../issues/issue-usage';
import type { UsageTuple } from './figures-records';

export const toUsageTuple = (usage: IssueUsage): UsageTuple => [
  usage.rawSeconds,
  usage.roundedSeconds,
  usage.coveredSeconds,
  usage.overageSeconds,
  usage.extraSeconds,
  usage.nonBillableSeconds,
  usage.worklogCount,
];

export const fromUsageTuple = ([rawSeconds, roundedSeconds, coveredSeconds, overageSeconds, extraSeconds, nonBillableSeconds, worklogCount]: UsageTuple): IssueUsage => ({
  rawSeconds,
  roundedSeconds,
  coveredSeconds,
  overageSeconds,
  extraSeconds,
  nonBillableSeconds,
  worklogCount,
});

const combine = (a: UsageTuple, b: UsageTuple, sign: 1 | -1): UsageTuple => [
  a[0] + sign * b[0],
  a[1] + sign * b[1],
  a[2] + sign * b[2],
  a[3] + sign * b[3],
  a[4] + sign * b[4],
  a[5] + sign * b[5],
  a[6] + sign * b[6],
];

/**
 * Each issue's share of one statement: its lines and the late adjustments booked on it, as
 * `allTimeUsageByIssue` adds them up. Usage through several periods is the sum of theirs.
 */
export function usageByIssue(statement: Statement): Map<string, UsageTuple> {
  return new Map([...allTimeUsageByIssue([statement])].map(([issueId, usage]) => [issueId, toUsageTuple(usage)]));
}

/** `before` plus the usage of each of `periods`, issue by issue. */
export function addUsage(before: ReadonlyMap<string, UsageTuple>, periods: readonly ReadonlyMap<string, UsageTuple>[]): Map<string, UsageTuple> {
  const total = new Map(before);
  for (const period of periods) {
    for (const [issueId, usage] of period) {
      const found = total.get(issueId);
      total.set(issueId, found === undefined ? usage : combine(found, usage, 1));
    }
  }
  return total;
}

/**
 * `total` less the usage of each of `periods`, issue by issue. An issue whose work is all in
 * those periods is left with zeros: adding the periods back restores it exactly.
 */
export function subtractUsage(total: ReadonlyMap<string, UsageTuple>, periods: readonly ReadonlyMap<string, UsageTuple>[]): Map<string, UsageTuple> {
  const left = new Map(total);
  for (const period of periods) {
    for (const [issueId, usage] of period) {
      const found = left.get(issueId);
      if (found !== undefined) left.set(issueId, combine(found, usage, -1));
    }
  }
  return left;
}

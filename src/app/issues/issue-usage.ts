import type { IssueUsage } from '../../contract';
import { type LineTotals, sumLines, withLateAdjustments } from '../../ledger/sum-lines';
import type { LateAdjustment, Statement, WorklogLine } from '../../ledger/types';

/** No work: the usage of an issue without lines. */
export const NO_USAGE: IssueUsage = sumLines([]);

function groupByIssue<T extends { readonly issueId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.issueId);
    if (group === undefined) groups.set(item.issueId, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * Each issue's share of one period: the ledger's lines of that issue in the period, added up by
 * the ledger. Late changes to closed periods booked on the statement are not the period's work,
 * so they are left out. Issues without lines are absent (their usage is `NO_USAGE`).
 *
 * @example
 * periodUsageByIssue(october).get('10001')?.coveredSeconds // the issue's covered seconds in October
 */
export function periodUsageByIssue(statement: Statement): Map<string, IssueUsage> {
  return new Map([...groupByIssue(statement.lines)].map(([issueId, lines]) => [issueId, sumLines(lines)]));
}

/**
 * Each issue's share of every period through the last of `statements`: its lines, with its late
 * adjustments (work changed in a closed period after it was closed) booked on any of them — the
 * issue's work as logged now.
 *
 * @example
 * allTimeUsageByIssue(historyThroughNow).get('10001')?.rawSeconds // includes September's late hour after September was closed
 */
export function allTimeUsageByIssue(statements: readonly Statement[]): Map<string, IssueUsage> {
  const lines = groupByIssue<WorklogLine>(statements.flatMap((statement) => statement.lines));
  const adjustments = groupByIssue<LateAdjustment>(statements.flatMap((statement) => statement.lateAdjustments));
  const usage = new Map<string, LineTotals>();
  for (const issueId of new Set([...lines.keys(), ...adjustments.keys()])) {
    usage.set(issueId, withLateAdjustments(sumLines(lines.get(issueId) ?? []), adjustments.get(issueId) ?? []));
  }
  return usage;
}

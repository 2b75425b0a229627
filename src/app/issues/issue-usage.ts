import type { IssueUsage } from '../../contract';
import { sumLines, withLateAdjustments } from '../../ledger/sum-lines';
import type { Statement } from '../../ledger/types';

const ofIssue = <T extends { readonly issueId: string }>(items: readonly T[], issueId: string): T[] => items.filter((item) => item.issueId === issueId);

/**
 * One issue's share of one period: the ledger's lines of that issue in the period, added up by the ledger.
 * Late changes to closed periods booked on the statement are not the period's work, so they are left out.
 *
 * @example
 * periodUsage(october, '10001').coveredSeconds // the issue's covered seconds in October
 */
export function periodUsage(statement: Statement, issueId: string): IssueUsage {
  return sumLines(ofIssue(statement.lines, issueId));
}

/**
 * One issue's share of every period through the current one: its lines, with its late
 * adjustments (work changed in a closed period after it was closed) booked on any of them —
 * the issue's work as logged now.
 *
 * @example
 * allTimeUsage(historyThroughNow, '10001').rawSeconds // includes September's late hour after September was closed
 */
export function allTimeUsage(statements: readonly Statement[], issueId: string): IssueUsage {
  return withLateAdjustments(
    sumLines(statements.flatMap((statement) => ofIssue(statement.lines, issueId))),
    statements.flatMap((statement) => ofIssue(statement.lateAdjustments, issueId)),
  );
}

import type { IssueUsage } from '../../contract';
import { sumLines } from '../../ledger/sum-lines';
import type { Statement } from '../../ledger/types';

/**
 * One issue's share of a run of statements: the ledger's lines of that issue, added up by the ledger.
 *
 * @example
 * issueUsage([october, november], '10001').coveredSeconds // the issue's covered seconds in both months
 */
export function issueUsage(statements: readonly Statement[], issueId: string): IssueUsage {
  return sumLines(statements.flatMap((statement) => statement.lines.filter((line) => line.issueId === issueId)));
}

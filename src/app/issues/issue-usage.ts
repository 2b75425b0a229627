import type { IssueUsage } from '../../contract';
import type { Breakdown, Statement } from '../../ledger/types';

const NO_WORK: IssueUsage = {
  rawSeconds: 0,
  roundedSeconds: 0,
  coveredSeconds: 0,
  overageSeconds: 0,
  extraSeconds: 0,
  nonBillableSeconds: 0,
  worklogCount: 0,
};

function add(total: IssueUsage, { key: _key, ...part }: Breakdown): IssueUsage {
  return {
    rawSeconds: total.rawSeconds + part.rawSeconds,
    roundedSeconds: total.roundedSeconds + part.roundedSeconds,
    coveredSeconds: total.coveredSeconds + part.coveredSeconds,
    overageSeconds: total.overageSeconds + part.overageSeconds,
    extraSeconds: total.extraSeconds + part.extraSeconds,
    nonBillableSeconds: total.nonBillableSeconds + part.nonBillableSeconds,
    worklogCount: total.worklogCount + part.worklogCount,
  };
}

/**
 * One issue's share of a run of statements: the ledger's per-issue breakdowns added up.
 *
 * @example
 * issueUsage([october, november], '10001').coveredSeconds // the issue's covered seconds in both months
 */
export function issueUsage(statements: readonly Statement[], issueId: string): IssueUsage {
  return statements.flatMap((statement) => statement.byIssue.filter((breakdown) => breakdown.key === issueId)).reduce(add, NO_WORK);
}

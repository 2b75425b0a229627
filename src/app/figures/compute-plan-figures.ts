import type { IssueUsage, StoredPlan } from '../../contract';
import { buildHistory, periodContaining, periodFigures } from '../../ledger';
import type { ClosedPeriod, Instant, Statement } from '../../ledger/types';
import { allTimeUsageByIssue, periodUsageByIssue } from '../issues/issue-usage';
import type { PlanLedgerInput } from '../aggregates/load-plan-ledger-input';
import { reportingPeriod } from '../usage/reporting-period';
import type { StoredPeriodFigures, UsageTuple } from './figures-records';

/** An issue's usage per period label: `p` in the period, `a` through it. */
export interface IssueUsageByLabel {
  readonly p: Record<string, UsageTuple>;
  readonly a: Record<string, UsageTuple>;
}

/** Everything a refresh stores for a plan, computed by the ledger at one instant. */
export interface PlanFigures {
  /** Every period from the plan's first through the one after the reporting period (if the plan has it), oldest first. */
  readonly periods: readonly StoredPeriodFigures[];
  /** Issues with work in the reporting period or the next, or before: their usage for those two labels. */
  readonly issues: ReadonlyMap<string, IssueUsageByLabel>;
}

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

function storedFigures(statement: Statement, now: Instant): StoredPeriodFigures {
  const crossedBy = new Set(statement.thresholdsCrossed.map((crossing) => crossing.worklogId));
  const crossings = statement.lines
    .filter((line) => crossedBy.has(line.worklogId))
    .map((line) => ({ worklogId: line.worklogId, issueId: line.issueId, issueKey: line.issueKey ?? null }));
  return { ...periodFigures(statement, now), crossings };
}

/**
 * The plan's figures as of `now`: each period's figures (good for any later instant, see
 * `figuresAsOf`) through the period after the reporting one, so the figures stay right when that
 * period begins before the next refresh, and each issue's usage in and through those two periods.
 *
 * @example
 * computePlanFigures(stored, input, closedPeriods, now).periods.at(-1)?.period.label // next month's label
 */
export function computePlanFigures(stored: StoredPlan, input: PlanLedgerInput, closedPeriods: readonly ClosedPeriod[], now: Instant): PlanFigures {
  const { plan } = stored;
  const current = reportingPeriod(plan, now);
  const through = periodContaining(plan, current.end) ?? current;
  const history = buildHistory({ plan, ...input, closedPeriods, throughPeriod: through, asOf: now });
  const issues = new Map<string, { p: Record<string, UsageTuple>; a: Record<string, UsageTuple> }>();
  const entryOf = (issueId: string) => {
    const found = issues.get(issueId);
    if (found !== undefined) return found;
    const created: { p: Record<string, UsageTuple>; a: Record<string, UsageTuple> } = { p: {}, a: {} };
    issues.set(issueId, created);
    return created;
  };
  for (let position = Math.max(0, history.length - 2); position < history.length; position += 1) {
    const statement = history[position];
    if (statement === undefined) continue;
    const label = statement.period.label;
    for (const [issueId, usage] of periodUsageByIssue(statement)) entryOf(issueId).p[label] = toUsageTuple(usage);
    for (const [issueId, usage] of allTimeUsageByIssue(history.slice(0, position + 1))) entryOf(issueId).a[label] = toUsageTuple(usage);
  }
  return { periods: history.map((statement) => storedFigures(statement, now)), issues };
}

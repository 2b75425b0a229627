import { periodContaining, periodFigures, resumeHistory, type PreparedLedger, type ResumedHistory, type ResumePoint } from '../../ledger';
import type { ClosedPeriod, Instant, Period, Plan, Statement } from '../../ledger/types';
import { periodUsageByIssue } from '../issues/issue-usage';
import { reportingPeriod } from '../usage/reporting-period';
import type { StoredPeriodFigures, UsageTuple } from './figures-records';
import { addUsage, toUsageTuple, usageByIssue } from './usage-tuples';

/** An issue's usage per period label: `p` in the period, `a` through it. */
export interface IssueUsageByLabel {
  readonly p: Record<string, UsageTuple>;
  readonly a: Record<string, UsageTuple>;
}

/**
 * The periods whose figures the head carries and whose usage the issue shards keep: the reporting
 * period at the refresh and the next. A refresh replays them at least.
 */
export const RECENT_PERIODS = 2;

/** Where the ledger's replay starts, and what it needs of the periods before. */
export interface ReplayStart {
  readonly from: ResumePoint;
  /** The frozen statements of the closed periods from `from` on: the replay's first periods (the usage through the last of them is the closed summary's). */
  readonly frozen: readonly ClosedPeriod[];
  /** Each issue's usage (lines and late adjustments) through the period before `from`. */
  readonly usageBefore: ReadonlyMap<string, UsageTuple>;
}

/** Everything a refresh stores for a plan, computed by the ledger at one instant. */
export interface PlanFigures {
  /** Every period from the replay's first through the one after the reporting period (if the plan has it), oldest first. */
  readonly periods: readonly StoredPeriodFigures[];
  /** Issues with work in the reporting period or the next, or before: their usage for those two labels. */
  readonly issues: ReadonlyMap<string, IssueUsageByLabel>;
  /** The replay the figures come from. */
  readonly resumed: ResumedHistory;
  /** Each issue's usage through the last closed period (`usageBefore` and the closed periods replayed): the closed summary's. */
  readonly closedUsage: ReadonlyMap<string, UsageTuple>;
  /** Each issue's usage through the period before the last two (`usageBefore` and the periods replayed before them). */
  readonly usageBeforeRecent: ReadonlyMap<string, UsageTuple>;
}

/** The last period a refresh computes at `now`: the one after the reporting period, so the figures stay right when it begins before the next refresh. */
export function figuresThrough(plan: Plan, now: Instant): Period {
  const current = reportingPeriod(plan, now);
  return periodContaining(plan, current.end) ?? current;
}

function storedFigures(statement: Statement, now: Instant): StoredPeriodFigures {
  const crossedBy = new Set(statement.thresholdsCrossed.map((crossing) => crossing.worklogId));
  const crossings = statement.lines
    .filter((line) => crossedBy.has(line.worklogId))
    .map((line) => ({ worklogId: line.worklogId, issueId: line.issueId, issueKey: line.issueKey ?? null }));
  return { ...periodFigures(statement, now), crossings };
}

/**
 * The plan's figures as of `now`, from the ledger's replay of the prepared periods (through
 * `figuresThrough`) from `start`: each replayed period's figures (good for any later instant, see
 * `figuresAsOf`), and each issue's usage in and through the last two periods and through the last
 * closed one, added up in one pass onto its usage before the replay.
 *
 * @example
 * computePlanFigures(prepared, { from: PLAN_START, frozen: closedPeriods, usageBefore: new Map() }, now).periods.at(-1)?.period.label // next month's label
 */
export function computePlanFigures(prepared: PreparedLedger, start: ReplayStart, now: Instant): PlanFigures {
  const resumed = resumeHistory(prepared, start.frozen, start.from, now);
  const { statements } = resumed;
  const issues = new Map<string, IssueUsageByLabel>();
  const entryOf = (issueId: string) => {
    const found = issues.get(issueId);
    if (found !== undefined) return found;
    const created: IssueUsageByLabel = { p: {}, a: {} };
    issues.set(issueId, created);
    return created;
  };
  // The usage through a period is taken only where a caller needs it (after the closed periods, and for each of
  // the last two): a sum a period would copy every issue each time.
  const recentFrom = Math.max(0, statements.length - RECENT_PERIODS);
  const closedCount = start.frozen.length;
  let through = start.usageBefore;
  let summed = 0;
  const sumThrough = (count: number) => {
    if (count > summed) through = addUsage(through, statements.slice(summed, count).map((statement) => usageByIssue(statement)));
    summed = Math.max(summed, count);
    return through;
  };
  let closedUsage = closedCount <= recentFrom ? sumThrough(closedCount) : undefined;
  const usageBeforeRecent = sumThrough(recentFrom);
  for (const [offset, statement] of statements.slice(recentFrom).entries()) {
    const count = recentFrom + offset + 1;
    sumThrough(count);
    if (count === closedCount) closedUsage = through;
    const label = statement.period.label;
    for (const [issueId, usage] of periodUsageByIssue(statement)) entryOf(issueId).p[label] = toUsageTuple(usage);
    for (const [issueId, usage] of through) entryOf(issueId).a[label] = usage;
  }
  if (closedUsage === undefined) throw new RangeError(`computePlanFigures: ${String(closedCount)} closed periods of ${String(statements.length)} replayed`);
  return { periods: statements.map((statement) => storedFigures(statement, now)), issues, resumed, closedUsage, usageBeforeRecent };
}

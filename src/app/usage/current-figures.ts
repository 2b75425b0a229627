/**
 * The figures surfaces show, from the plan's materialised figures: a bounded number of reads
 * whatever the plan's size or history. Until a refresh has stored figures for the period asked
 * for (a plan just upgraded, or a period the last refresh did not reach), they are computed by a
 * replay as a refresh would; reads write nothing, so the refresh comes from the change that made
 * it due or from the hourly reconciliation.
 */
import type { IssueUsage, StoredPlan } from '../../contract';
import { statementFigures, type StatementFigures } from '../../ledger';
import type { Period } from '../../ledger/types';
import type { FiguresHead, HeadAlerts, IssueUsageByLabel } from '../figures/figures-records';
import { figuresView, issueUsageIn, openFigures, readPeriodFigures } from '../figures/read-plan-figures';
import { allTimeUsageByIssue, NO_USAGE, periodUsageByIssue } from '../issues/issue-usage';
import { historyThroughNow } from './plan-statements';
import { reportingPeriod } from './reporting-period';
import type { UsagePorts } from './usage-ports';

export interface FiguresAtHand {
  readonly figures: StatementFigures;
  /** Newer work, terms or closed periods are being taken into account: the figures are the last complete ones. */
  readonly refreshing: boolean;
  /** The active alerts the plan's figures head holds (see `withActiveAlerts`); undefined when it holds none or the figures were replayed. */
  readonly alerts: HeadAlerts | undefined;
}

export interface IssueFiguresAtHand extends FiguresAtHand {
  readonly issueUsage: { readonly period: IssueUsage; readonly allTime: IssueUsage };
}

/** The plan's figures in its reporting period as of now. */
export async function currentFigures(ports: UsagePorts, stored: StoredPlan): Promise<FiguresAtHand> {
  const now = ports.clock.now();
  const view = await openFigures(ports.store, stored);
  const read = view && (await readPeriodFigures(ports.store, stored, view, reportingPeriod(stored.plan, now), now));
  if (view && read) return { figures: read.figures, refreshing: view.refreshing || read.outdated, alerts: view.alerts };
  return (await replayedFigures(ports, stored, null)).current;
}

/**
 * The plan's figures in its reporting period (from its figures head), with one issue's usage in it and
 * through it (from the issue's usage entry): both read by the caller, side by side with the plan.
 */
export async function issueFigures(
  ports: UsagePorts,
  stored: StoredPlan,
  head: FiguresHead,
  issue: { readonly id: string; readonly usage: IssueUsageByLabel | undefined },
): Promise<IssueFiguresAtHand> {
  const now = ports.clock.now();
  const period = reportingPeriod(stored.plan, now);
  const view = figuresView(head, stored);
  const read = view && (await readPeriodFigures(ports.store, stored, view, period, now));
  if (view && read) return { figures: read.figures, refreshing: view.refreshing || read.outdated, alerts: view.alerts, issueUsage: issueUsageIn(issue.usage, period.label) };
  const replayed = await replayedFigures(ports, stored, issue.id);
  return { ...replayed.current, issueUsage: replayed.issueUsage };
}

/** The figures of `periods` (the plan's, oldest first). */
export async function recentFigures(ports: UsagePorts, stored: StoredPlan, periods: readonly Period[]): Promise<StatementFigures[]> {
  const now = ports.clock.now();
  const view = await openFigures(ports.store, stored);
  if (view) {
    const reads = await Promise.all(periods.map((period) => readPeriodFigures(ports.store, stored, view, period, now)));
    const figures = reads.flatMap((read) => (read === undefined ? [] : [read.figures]));
    if (figures.length === periods.length) return figures;
  }
  const labels = new Set(periods.map((period) => period.label));
  const history = await historyThroughNow(ports, stored);
  return history.filter((statement) => labels.has(statement.period.label)).map(statementFigures);
}

async function replayedFigures(
  ports: UsagePorts,
  stored: StoredPlan,
  issueId: string | null,
): Promise<{ readonly current: FiguresAtHand; readonly issueUsage: IssueFiguresAtHand['issueUsage'] }> {
  const history = await historyThroughNow(ports, stored);
  const current = history.at(-1);
  if (current === undefined) throw new Error(`Plan ${stored.plan.id} has no current period`);
  const issueUsage =
    issueId === null
      ? { period: NO_USAGE, allTime: NO_USAGE }
      : { period: periodUsageByIssue(current).get(issueId) ?? NO_USAGE, allTime: allTimeUsageByIssue(history).get(issueId) ?? NO_USAGE };
  return { current: { figures: statementFigures(current), refreshing: true, alerts: undefined }, issueUsage };
}

import { inDrawOrder } from './entry-order';
import { latestWorklogs } from './latest-worklogs';
import type { LedgerEntry } from './ledger-entry';
import { indexLinks } from './link-index';
import { parseJiraInstant, readJiraInstant } from './parse-jira-instant';
import type { PeriodCalendar } from './period-calendar';
import { roundWorklog } from './round-worklog';
import type { TermsInForce } from './terms-in-force';
import { attributesAt, chargeWorklog } from './charge-worklog';
import type { Instant, IssueLink, JiraWorklog, OutOfPlanWorklog, Period, Plan } from './types';

export interface PreparedWorklogs {
  /** Entries of `periods[i]` at index i, each list in draw order (started, then worklog id). */
  readonly byPeriod: readonly (readonly LedgerEntry[])[];
  /** Linked worklogs outside the plan, ordered by started then worklog id. */
  readonly outOfPlan: readonly OutOfPlanWorklog[];
}

/**
 * Keeps the latest version of each worklog of an issue linked to the plan, rounds it and applies its multipliers by
 * the terms in force in its period, and files it under that period; worklogs after the last of `periods` are left out (they cannot
 * affect those periods), worklogs outside the plan are reported.
 *
 * @param periods consecutive periods starting with period 0
 * @param terms the terms in force in `periods[i]` at index i
 * @example
 * prepareWorklogs(plan, calendar, [october], [termsInForce(plan, calendar, 0)], links, worklogs).byPeriod[0] // October's entries in draw order
 */
export function prepareWorklogs(
  plan: Plan,
  calendar: PeriodCalendar,
  periods: readonly Period[],
  terms: readonly TermsInForce[],
  links: readonly IssueLink[],
  worklogs: readonly JiraWorklog[],
): PreparedWorklogs {
  const linkByIssue = indexLinks(links, plan.id);
  const periodStarts = periods.map((period) => period.start);
  const lastEnd = periods.at(-1)?.end ?? calendar.planStart;
  const byPeriod: LedgerEntry[][] = periods.map(() => []);
  const outOfPlan: OutOfPlanWorklog[] = [];

  // Jira never moves a worklog to another issue, so unlinked versions can be dropped before deduplicating.
  const linked = worklogs.filter((worklog) => linkByIssue.has(worklog.issueId));
  for (const worklog of latestWorklogs(linked)) {
    const link = linkByIssue.get(worklog.issueId);
    if (link === undefined) continue;
    // The field name is built only for a malformed value, which parseJiraInstant then reports.
    const started =
      readJiraInstant(worklog.started) ?? parseJiraInstant(worklog.started, `worklogs[id=${worklog.id}].started`);
    const reason = outsideReason(calendar, started);
    if (reason !== null) {
      outOfPlan.push({ worklogId: worklog.id, issueId: worklog.issueId, started, reason });
    } else if (started < lastEnd) {
      const position = lastIndexAtOrBefore(periodStarts, started);
      byPeriod[position]?.push(toEntry(terms[position]?.plan ?? plan, link, worklog, started));
    }
  }

  for (const entries of byPeriod) entries.sort(inDrawOrder);
  outOfPlan.sort(inDrawOrder);
  return { byPeriod, outOfPlan };
}

function outsideReason(calendar: PeriodCalendar, started: Instant): OutOfPlanWorklog['reason'] | null {
  if (started < calendar.planStart) return 'before-plan-start';
  if (calendar.planEnd !== null && started >= calendar.planEnd) return 'after-plan-end';
  return null;
}

/** The worklog with its seconds rounded and, where a multiplier rule changes its pricing, charged by the terms in force. */
function toEntry(terms: Plan, link: IssueLink, worklog: JiraWorklog, started: Instant): LedgerEntry {
  const rawSeconds = worklog.timeSpentSeconds;
  const roundedSeconds = roundWorklog(rawSeconds, terms.rounding, link.billingClass);
  const rules = terms.multipliers ?? [];
  // Most plans have no rules: their worklogs skip the look-up of the issue's attributes at `started`.
  const charged =
    link.billingClass === 'non-billable' || rules.length === 0
      ? null
      : chargeWorklog({ started, rawSeconds, roundedSeconds }, rules, attributesAt(link.attributes, started), terms.timeZone);
  return {
    worklogId: worklog.id,
    issueId: worklog.issueId,
    issueKey: link.issueKey,
    ...(link.issueSummary === undefined ? {} : { issueSummary: link.issueSummary }),
    authorAccountId: worklog.author?.accountId ?? null,
    started,
    billingClass: link.billingClass,
    rawSeconds,
    roundedSeconds,
    ...charged,
  };
}

/** Index of the last of the ascending `values` that is ≤ `target` (the first value is ≤ target). */
function lastIndexAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((values[middle] ?? Number.POSITIVE_INFINITY) <= target) low = middle;
    else high = middle - 1;
  }
  return low;
}

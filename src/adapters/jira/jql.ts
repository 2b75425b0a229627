import { addDays, formatLocalDate, parseLocalDate } from '../../ledger/local-date';
import type { LocalDate } from '../../ledger/types';
import type { PlanIssuesQuery } from '../../app/ports/jira';
import { allOf, projectIs, supportPlanIs, worklogBefore, worklogOnOrAfter, type Jql, type JqlClause } from '../../app/ports/jql';

/**
 * The JQL that finds a plan's issues through the indexed `support-plan` property.
 *
 * `worklogDate` is read in the searching user's (or, for the app, the site's) time zone,
 * not the plan's, so the span's dates are widened by a day on each side: no time zone is
 * more than 14 hours from UTC, so no worklog of the span is missed. Worklogs outside the
 * span are then dropped by instant.
 *
 * @example
 * planIssuesJql({ planId: 'acme-gold', span: { startDate: '2026-10-01', endDateExclusive: '2026-11-01', … } })
 * // 'supportPlan = "acme-gold" AND worklogDate >= "2026-09-30" AND worklogDate < "2026-11-02"'
 */
export function planIssuesJql({ planId, projectId, span }: PlanIssuesQuery): Jql {
  const clauses: JqlClause[] = [];
  if (projectId !== undefined) clauses.push(projectIs(projectId));
  if (span) clauses.push(worklogOnOrAfter(shiftDate(span.startDate, -1)), worklogBefore(shiftDate(span.endDateExclusive, 1)));
  return allOf(supportPlanIs(planId), ...clauses);
}

function shiftDate(date: LocalDate, days: number): LocalDate {
  return formatLocalDate(addDays(parseLocalDate(date, 'span'), days));
}

import { type AdjustmentCharge, type ChargeLine, type Instant, type InvoicedStatement, type LateAdjustment, lineFactor, type WorklogLine } from '../ledger';
import { csvDocument } from './csv';
import { amountDecimal, factorDecimal, hoursDecimal } from '../quantities';
import { instantInZone, localDate, localDateTime } from './quantities';
import type { StatementView } from './statement-view';

const header = [
  'record',
  'worklog_id',
  'issue',
  'issue_summary',
  'author',
  'author_name',
  'started',
  'date',
  'billing_class',
  'raw_seconds',
  'rounded_seconds',
  'covered_seconds',
  'overage_seconds',
  'extra_seconds',
  'non_billable_seconds',
  'raw_hours',
  'rounded_hours',
  'covered_hours',
  'overage_hours',
  'extra_hours',
  'non_billable_hours',
  'charge',
  'description',
  'charge_seconds',
  'charge_hours',
  'rate_minor',
  'amount_minor',
  'amount',
  'currency',
  'charged_seconds',
  'charged_hours',
  'factor',
  'multiplier_rule',
] as const;

type Column = (typeof header)[number];
type Row = Partial<Record<Column, string | number | null>>;

/** The factor and rule of a worklog row where one applied to all of it (segment rows give them otherwise). */
function factorCells(line: WorklogLine): Row {
  const factor = lineFactor(line);
  return factor === null ? {} : { factor: factorDecimal(factor.factorPermille), multiplier_rule: factor.rule };
}

function worklogRow(line: WorklogLine | LateAdjustment, timeZone: string, authorNames: ReadonlyMap<string, string>): Row {
  const { rawSeconds, roundedSeconds, coveredSeconds, overageSeconds, extraSeconds, nonBillableSeconds } = line;
  const chargedSeconds = coveredSeconds + extraSeconds;
  return {
    record: 'worklog',
    worklog_id: line.worklogId,
    issue: line.issueKey ?? line.issueId,
    issue_summary: line.issueSummary,
    author: line.authorAccountId,
    author_name: line.authorAccountId === null ? null : authorNames.get(line.authorAccountId),
    started: instantInZone(line.started, timeZone),
    date: localDate(line.started, timeZone),
    billing_class: line.billingClass,
    raw_seconds: rawSeconds,
    rounded_seconds: roundedSeconds,
    covered_seconds: coveredSeconds,
    overage_seconds: overageSeconds,
    extra_seconds: extraSeconds,
    non_billable_seconds: nonBillableSeconds,
    raw_hours: hoursDecimal(rawSeconds),
    rounded_hours: hoursDecimal(roundedSeconds),
    covered_hours: hoursDecimal(coveredSeconds),
    overage_hours: hoursDecimal(overageSeconds),
    extra_hours: hoursDecimal(extraSeconds),
    non_billable_hours: hoursDecimal(nonBillableSeconds),
    charged_seconds: chargedSeconds,
    charged_hours: hoursDecimal(chargedSeconds),
  };
}

/** A worklog line with what multipliers made of it: one row, then a `segment` row per segment when it has several. */
function lineRows(line: WorklogLine, timeZone: string, authorNames: ReadonlyMap<string, string>): Row[] {
  const row = { ...worklogRow(line, timeZone, authorNames), ...factorCells(line) };
  const segments = line.segments ?? [];
  if (segments.length < 2) return [row];
  return [
    row,
    ...segments.map((segment): Row => ({
      record: 'segment',
      worklog_id: line.worklogId,
      issue: row.issue,
      started: instantInZone(segment.started, timeZone),
      date: localDate(segment.started, timeZone),
      billing_class: line.billingClass,
      raw_seconds: segment.rawSeconds,
      rounded_seconds: segment.roundedSeconds,
      raw_hours: hoursDecimal(segment.rawSeconds),
      rounded_hours: hoursDecimal(segment.roundedSeconds),
      charged_seconds: segment.chargedSeconds,
      charged_hours: hoursDecimal(segment.chargedSeconds),
      factor: factorDecimal(segment.factorPermille),
      multiplier_rule: segment.rule,
    })),
  ];
}

function chargeRow(charge: ChargeLine, currency: string): Row {
  return {
    record: 'charge',
    charge: charge.kind,
    description: charge.description,
    charge_seconds: charge.seconds,
    charge_hours: charge.seconds === undefined ? null : hoursDecimal(charge.seconds),
    rate_minor: charge.rateMinor,
    amount_minor: charge.amountMinor,
    amount: amountDecimal(charge.amountMinor, currency),
    currency,
  };
}

/** A late change to a closed period's worklog: its figures are deltas, the description names the period and the kind. */
function adjustmentRow(adjustment: LateAdjustment, timeZone: string, authorNames: ReadonlyMap<string, string>): Row {
  return {
    ...worklogRow(adjustment, timeZone, authorNames),
    record: 'adjustment',
    description: `${adjustment.kind} late, adjusts ${adjustment.periodLabel} (closed version ${adjustment.closedVersion})`,
  };
}

function adjustmentChargeRow(charge: AdjustmentCharge, currency: string): Row {
  return { ...chargeRow(charge, currency), record: 'adjustment' };
}

function totalRow({ totalMinor, currency, period }: InvoicedStatement): Row {
  return {
    record: 'total',
    description: `Total due for ${period.label}`,
    amount_minor: totalMinor,
    amount: amountDecimal(totalMinor, currency),
    currency,
  };
}

/** Says the statement is the last refreshed one, figures as of `asOf`, while the plan's figures were updating (docs/decisions/0064). */
function provisionalRow(asOf: Instant, timeZone: string): Row {
  return { record: 'provisional', started: instantInZone(asOf, timeZone), description: `Provisional: figures as of ${localDateTime(asOf, timeZone)} while they were being updated; work recorded since is not included` };
}

/**
 * A `record=provisional` row first when `provisionalAsOf` is given; then one row per worklog line (issue key and
 * summary, author, date in the plan's time zone; charged seconds, and the factor and rule where one applied
 * throughout), each followed by a `segment` row per segment where multipliers cut it in several, then one per late
 * adjustment (`record=adjustment`, figures as deltas), then one per charge line, then one per adjustment charge
 * (`record=adjustment`), then the total (adjustments included); seconds exact, hours rounded to 0.01.
 */
export function formatStatementCsv({
  statement,
  authorNames,
  provisionalAsOf,
}: Omit<StatementView, 'statement'> & { readonly statement: InvoicedStatement; readonly provisionalAsOf?: Instant }): string {
  const rows = [
    ...(provisionalAsOf === undefined ? [] : [provisionalRow(provisionalAsOf, statement.timeZone)]),
    ...statement.lines.flatMap((line) => lineRows(line, statement.timeZone, authorNames)),
    ...statement.lateAdjustments.map((adjustment) => adjustmentRow(adjustment, statement.timeZone, authorNames)),
    ...statement.charges.map((charge) => chargeRow(charge, statement.currency)),
    ...statement.adjustmentCharges.map((charge) => adjustmentChargeRow(charge, statement.currency)),
    totalRow(statement),
  ];
  return csvDocument([header, ...rows.map((row) => header.map((column) => row[column]))]);
}

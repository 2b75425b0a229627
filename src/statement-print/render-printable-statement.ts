import { blocksBroughtIn } from '../ledger/blocks-brought-in';
import { lineFactor } from '../ledger/line-factor';
import type { ChargedSegment, ChargeKind, InvoicedStatement, LateAdjustmentKind, WorklogLine } from '../ledger/types';
import { escapeHtml } from './escape-html';
import { formatFactor, formatHours, formatMoney } from '../quantities';
import { formatDate, formatTime } from './format';
import { PRINT_STYLES } from './print-styles';
import type { PrintableStatementInput } from './types';

/** Who an account is when the names given do not say: a customer's statement never shows a raw account id. */
const FORMER_USER = 'Former user';

/** A statement prints hours to exactly two decimals, so columns line up and totals read like an invoice. */
const PRINTED = { decimals: 'exactly-two' } as const;

interface Cell {
  readonly text: string;
  readonly numeric?: boolean;
}

const text = (value: string): Cell => ({ text: value });
const num = (value: string): Cell => ({ text: value, numeric: true });

function row(cells: readonly Cell[], tag: 'td' | 'th' = 'td', className?: string): string {
  const open = className === undefined ? '<tr>' : `<tr class="${className}">`;
  return `${open}${cells.map((cell) => `<${tag}${cell.numeric === true ? ' class="num"' : ''}>${escapeHtml(cell.text)}</${tag}>`).join('')}</tr>`;
}

function table(caption: string, head: readonly Cell[], body: readonly string[], className?: string): string {
  const classAttribute = className === undefined ? '' : ` class="${className}"`;
  return `<table${classAttribute} aria-label="${escapeHtml(caption)}"><thead>${row(head, 'th')}</thead><tbody>${body.join('')}</tbody></table>`;
}

function chargeAmount(statement: InvoicedStatement, kind: ChargeKind): number {
  return statement.charges.filter((charge) => charge.kind === kind).reduce((sum, charge) => sum + charge.amountMinor, 0);
}

function broughtInSeconds(statement: InvoicedStatement): number {
  return blocksBroughtIn(statement).reduce((sum, block) => sum + block.openingSeconds, 0);
}

function summaryRows(input: PrintableStatementInput): string[] {
  const { statement, plan, locale } = input;
  const hours = (seconds: number) => formatHours(seconds, locale, PRINTED);
  const money = (minor: number) => formatMoney(minor, statement.currency, locale);
  const rows: Cell[][] = [];
  if (plan.kind === 'buckets') {
    rows.push(
      [text('Opening balance'), num(hours(statement.availableSeconds - statement.purchasedSeconds)), num('')],
      [text('of which included this period'), num(hours(statement.includedSeconds)), num('')],
      [text('of which rolled over'), num(hours(statement.carriedInSeconds)), num('')],
      [text('of which prepaid blocks from earlier periods'), num(hours(broughtInSeconds(statement))), num('')],
      [text('Purchased in the period'), num(hours(statement.purchasedSeconds)), num(money(chargeAmount(statement, 'block-purchase')))],
      [text('Used (covered)'), num(hours(statement.usedCoveredSeconds)), num('')],
      [text('Remaining'), num(hours(statement.remainingSeconds)), num('')],
      [text('Overage'), num(hours(statement.overageSeconds)), num(money(chargeAmount(statement, 'overage')))],
    );
  } else {
    rows.push([text('Hours billed'), num(hours(statement.usedCoveredSeconds)), num(money(chargeAmount(statement, 'pay-as-you-go')))]);
  }
  rows.push(
    [text('Extras'), num(hours(statement.extraSeconds)), num(money(chargeAmount(statement, 'extra')))],
    [text('Non-billable'), num(hours(statement.nonBillableSeconds)), num('')],
    [text('Fixed fee'), num(''), num(money(chargeAmount(statement, 'fixed-fee')))],
  );
  if (statement.adjustmentCharges.length > 0) rows.push([text('Late adjustments'), num(''), num(money(adjustmentTotal(statement)))]);
  return [...rows.map((cells) => row(cells)), row([text('Total due'), num(''), num(money(statement.totalMinor))], 'td', 'total')];
}

function chargeRows(input: PrintableStatementInput): string[] {
  const { statement, locale } = input;
  const money = (minor: number) => formatMoney(minor, statement.currency, locale);
  return [
    ...statement.charges.map((charge) =>
      row([
        text(charge.description),
        num(charge.seconds === undefined ? '' : formatHours(charge.seconds, locale, PRINTED)),
        num(charge.rateMinor === undefined ? '' : `${money(charge.rateMinor)} / h`),
        num(money(charge.amountMinor)),
      ]),
    ),
    ...(statement.adjustmentCharges.length === 0 ? [] : [row([text('Late adjustments (see below)'), num(''), num(''), num(money(adjustmentTotal(statement)))])]),
    row([text('Total due'), num(''), num(''), num(money(statement.totalMinor))], 'td', 'total'),
  ];
}

const changeWords: Readonly<Record<LateAdjustmentKind, string>> = { added: 'Added', changed: 'Changed', removed: 'Removed' };

/** Late changes to closed periods booked on this statement, then their money at those periods' rates. */
function adjustmentSection(input: PrintableStatementInput): string {
  const { statement, locale } = input;
  const hours = (seconds: number) => formatHours(seconds, locale, PRINTED);
  const money = (minor: number) => formatMoney(minor, statement.currency, locale);
  const adjustmentRows = statement.lateAdjustments.map((adjustment) =>
    row([
      text(adjustment.periodLabel),
      text(changeWords[adjustment.kind]),
      text(formatDate(adjustment.started, statement.timeZone, locale)),
      text(adjustment.issueKey ?? adjustment.issueId),
      text(adjustment.issueSummary ?? ''),
      text(personOf(input, adjustment.authorAccountId)),
      num(hours(adjustment.roundedSeconds)),
      num(hours(adjustment.coveredSeconds)),
      num(hours(adjustment.overageSeconds)),
      num(hours(adjustment.extraSeconds)),
    ]),
  );
  const adjustmentHead = ['Period', 'Change', 'Date', 'Issue', 'Summary', 'Person'].map(text).concat(['Billable', 'Covered', 'Overage', 'Extra'].map(num));
  const chargeRowsOf = statement.adjustmentCharges.map((charge) =>
    row([
      text(charge.periodLabel),
      text(charge.description),
      num(charge.seconds === undefined ? '' : hours(charge.seconds)),
      num(charge.rateMinor === undefined ? '' : `${money(charge.rateMinor)} / h`),
      num(money(charge.amountMinor)),
    ]),
  );
  chargeRowsOf.push(row([text('Late adjustments'), text(''), num(''), num(''), num(money(adjustmentTotal(statement)))], 'td', 'total'));
  return [
    '<section><h2>Late adjustments to closed periods</h2>',
    '<p class="muted">Work logged, changed or removed after its period was closed; hours are changes, money at the rates of the period it belongs to.</p>',
    table('Late adjustments', adjustmentHead, adjustmentRows),
    table('Late adjustment charges', [text('Period'), text('Charge'), num('Hours'), num('Rate'), num('Amount')], chargeRowsOf),
    '</section>',
  ].join('');
}

function adjustmentTotal(statement: InvoicedStatement): number {
  return statement.adjustmentCharges.reduce((sum, charge) => sum + charge.amountMinor, 0);
}

function personOf(input: PrintableStatementInput, accountId: string | null): string {
  if (accountId === null) return 'No author';
  return input.authorNames.get(accountId) ?? FORMER_USER;
}

/** A line's factor as printed, with its rule; none for non-billable work and for several segments (rows follow). */
function factorText(line: WorklogLine): string {
  const factor = lineFactor(line);
  return factor === null ? '' : `${formatFactor(factor.factorPermille)}${factor.rule === undefined ? '' : ` ${factor.rule}`}`;
}

/** A worklog line; with `multiplied`, its factor and charged hours too, then a row per segment when it has several. */
function lineRows(input: PrintableStatementInput, line: WorklogLine, multiplied: boolean): string[] {
  const { statement, locale } = input;
  const hours = (seconds: number) => formatHours(seconds, locale, PRINTED);
  const charged = multiplied ? [text(factorText(line)), num(hours(line.coveredSeconds + line.extraSeconds))] : [];
  const lineRow = row([
    text(formatDate(line.started, statement.timeZone, locale)),
    text(line.issueKey ?? line.issueId),
    text(line.issueSummary ?? ''),
    text(personOf(input, line.authorAccountId)),
    num(hours(line.rawSeconds)),
    num(hours(line.roundedSeconds)),
    ...charged,
    num(hours(line.coveredSeconds)),
    num(hours(line.overageSeconds)),
    num(hours(line.extraSeconds)),
    num(hours(line.nonBillableSeconds)),
  ]);
  const segments = line.segments ?? [];
  if (segments.length < 2) return [lineRow];
  const segmentRow = (segment: ChargedSegment) =>
    row(
      [
        text(`from ${formatTime(segment.started, statement.timeZone, locale)}`),
        text(''),
        text(segment.rule ?? 'No multiplier'),
        text(''),
        num(hours(segment.rawSeconds)),
        num(hours(segment.roundedSeconds)),
        text(formatFactor(segment.factorPermille)),
        num(hours(segment.chargedSeconds)),
        ...[0, 1, 2, 3].map(() => num('')),
      ],
      'td',
      'segment',
    );
  return [lineRow, ...segments.map(segmentRow)];
}

function linesSection(input: PrintableStatementInput): string {
  const { lines } = input.statement;
  // Statements without multipliers print exactly as before they existed.
  const multiplied = lines.some((line) => line.segments !== undefined);
  const amounts = ['Logged', 'Billable', ...(multiplied ? ['Factor', 'Charged'] : []), 'Covered', 'Overage', 'Extra', 'Non-billable'];
  const head = ['Date', 'Issue', 'Summary', 'Person'].map(text).concat(amounts.map((name) => (name === 'Factor' ? text(name) : num(name))));
  const body = lines.flatMap((line) => lineRows(input, line, multiplied));
  if (body.length === 0) return '<section><h2>Worklog lines</h2><p class="muted">No work was logged in this period.</p></section>';
  const note = multiplied
    ? '<p class="muted">Charged = billable hours × the factor of the rule that priced them, per segment of a worklog cut where the rule changes; covered, overage and extra are parts of the charged hours.</p>'
    : '';
  return `<section><h2>Worklog lines</h2>${note}${table('Worklog lines', head, body, 'lines')}</section>`;
}

/**
 * What the document may load or run: nothing but its own inline styles (and data: images), so that text which
 * escaped escaping still could not run a script, load a resource or send a form.
 */
export const PRINTABLE_STATEMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Closed (a version), open, or provisional: figures as of the last refresh while the plan's figures were updating. */
function statusLine({ statement, provisionalAsOf, locale }: PrintableStatementInput): string {
  if (statement.closedVersion !== null) return `<p>Status: closed, version ${statement.closedVersion}</p>`;
  if (provisionalAsOf === undefined) return '<p>Status: open (figures may still change)</p>';
  const asOf = `${formatDate(provisionalAsOf, statement.timeZone, locale)} ${formatTime(provisionalAsOf, statement.timeZone, locale)}`;
  return `<p class="provisional"><strong>Provisional</strong>: figures as of ${escapeHtml(asOf)} while they were being updated; work recorded since is not included</p>`;
}

/**
 * A customer statement as one self-contained HTML document (inline styles, no scripts, no external assets),
 * laid out for A4 so that the browser's "Save as PDF" gives a clean invoice attachment. Every text is escaped.
 */
export function renderPrintableStatement(input: PrintableStatementInput): string {
  const { statement, plan, customer, locale } = input;
  const { period, timeZone } = statement;
  const periodText = `${formatDate(period.start, timeZone, locale)} – ${formatDate(period.end - 1, timeZone, locale)}`;
  const title = `Statement ${period.label}: ${customer.name}`;
  const customerLines = [customer.name, ...(customer.addressLines ?? [])].map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const facts = [
    `<p><strong>${escapeHtml(plan.name)}</strong> <span class="muted">(${escapeHtml(plan.id)})</span></p>`,
    customer.reference === undefined ? '' : `<p>Reference: ${escapeHtml(customer.reference)}</p>`,
    `<p>Period: ${escapeHtml(periodText)} (${escapeHtml(timeZone)})</p>`,
    statusLine(input),
    input.issuedAt === undefined ? '' : `<p>Issued: ${escapeHtml(formatDate(input.issuedAt, timeZone, locale))}</p>`,
  ].join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${PRINTABLE_STATEMENT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${PRINT_STYLES}</style></head><body>`,
    `<header><div><h1>Statement ${escapeHtml(period.label)}</h1>${customerLines}</div><div>${facts}</div></header>`,
    `<section><h2>Summary</h2>${table('Summary', [text(''), num('Hours'), num('Amount')], summaryRows(input), 'summary')}</section>`,
    `<section><h2>Charges</h2>${table('Charges', [text('Charge'), num('Hours'), num('Rate'), num('Amount')], chargeRows(input))}</section>`,
    statement.lateAdjustments.length === 0 && statement.adjustmentCharges.length === 0 ? '' : adjustmentSection(input),
    linesSection(input),
    `<footer class="muted"><p>Amounts in ${escapeHtml(statement.currency)}. Hours rounded to 0.01 h for display; billing uses exact seconds. Dates in ${escapeHtml(timeZone)}.</p></footer>`,
    '</body></html>',
  ].join('\n');
}

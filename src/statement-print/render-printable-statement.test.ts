import { buildStatement, type JiraWorklog } from '../ledger';
import { HOUR, buildLink, buildPayAsYouGoPlan, buildPlan, buildWorklog } from '../ledger/test-builders';
import { renderPrintableStatement } from './render-printable-statement';
import type { PrintableStatementInput } from './types';

const plan = buildPlan({
  name: 'Acme <Gold>',
  timeZone: 'Europe/Berlin',
  allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 50000 },
  blocks: [{ id: 'bank', purchasedOn: '2026-10-02', seconds: 2 * HOUR, priceMinor: 18000 }],
});
const links = [
  buildLink({ issueId: '1', issueKey: 'SUP-1', issueSummary: '<script>alert(1)</script> & more' }),
  buildLink({ issueId: '2', issueKey: 'SUP-2', billingClass: 'extra' }),
];
const worklogs: JiraWorklog[] = [
  buildWorklog({ id: '1', issueId: '1', started: '2026-10-05T09:00:00.000+0200', timeSpentSeconds: 13 * HOUR, author: { accountId: 'ada' } }),
  buildWorklog({ id: '2', issueId: '2', started: '2026-10-06T09:00:00.000+0200', timeSpentSeconds: 1800, author: { accountId: 'ravi' } }),
];
const statement = buildStatement({ plan, links, worklogs, period: '2026-10' });
const input: PrintableStatementInput = {
  statement,
  plan,
  customer: { name: 'Acme Corp', reference: 'SUP', addressLines: ['1 Main Street', 'Berlin'] },
  locale: 'en-GB',
  issuedAt: Date.UTC(2026, 10, 2, 12),
  authorNames: new Map([['ada', 'Ada Admin']]),
};

/** The document's visible text, one cell or paragraph per entry, for exact comparisons. */
function cells(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'gs'))].map((match) => match[1] ?? '');
}

function tableRows(html: string, label: string): string[][] {
  const start = html.indexOf(`aria-label="${label}"`);
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((match) => cells(match[1] ?? '', 't[dh]'));
}

describe('renderPrintableStatement', () => {
  const html = renderPrintableStatement(input);

  it('is one self-contained document laid out for A4 print', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:/);
  });

  it('forbids itself every script, load and form with a Content-Security-Policy set before anything it governs', () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`;
    expect(html.indexOf(csp)).toBeGreaterThan(html.indexOf('<meta charset="utf-8">'));
    expect(html.indexOf(csp)).toBeLessThan(html.indexOf('<title>'));
    expect(html.split('http-equiv').length).toBe(2);
  });

  it('names the customer, the plan, the period in the plan time zone and the issue date', () => {
    expect(cells(html, 'p').slice(0, 8)).toEqual([
      'Acme Corp',
      '1 Main Street',
      'Berlin',
      '<strong>Acme &lt;Gold&gt;</strong> <span class="muted">(gold)</span>',
      'Reference: SUP',
      'Period: 1 Oct 2026 – 31 Oct 2026 (Europe/Berlin)',
      'Status: open (figures may still change)',
      'Issued: 2 Nov 2026',
    ]);
    expect(cells(html, 'title')).toEqual(['Statement 2026-10: Acme Corp']);
  });

  it('says a statement exported while its figures were updating is provisional, as of when', () => {
    const provisional = renderPrintableStatement({ ...input, provisionalAsOf: Date.UTC(2026, 9, 20, 7, 5) });
    expect(cells(provisional, 'p')[6]).toBe('<strong>Provisional</strong>: figures as of 20 Oct 2026 09:05 while they were being updated; work recorded since is not included');
    expect(provisional.replace(cells(provisional, 'p')[6] ?? '', '').replace('<p class="provisional">', '<p>')).toBe(html.replace('Status: open (figures may still change)', ''));
  });

  it('summarises balances and money from integer minor units', () => {
    expect(tableRows(html, 'Summary')).toEqual([
      ['', 'Hours', 'Amount'],
      ['Opening balance', '10.00 h', ''],
      ['of which included this period', '10.00 h', ''],
      ['of which rolled over', '0.00 h', ''],
      ['of which prepaid blocks from earlier periods', '0.00 h', ''],
      ['Purchased in the period', '2.00 h', '€180.00'],
      ['Used (covered)', '13.00 h', ''],
      ['Remaining', '0.00 h', ''],
      ['Overage', '1.00 h', '€100.00'],
      ['Extras', '0.50 h', '€75.00'],
      ['Non-billable', '0.00 h', ''],
      ['Fixed fee', '', '€500.00'],
      ['Total due', '', '€855.00'],
    ]);
    expect(statement.totalMinor).toBe(85500);
  });

  it('breaks the opening balance down completely, prepaid blocks bought in earlier periods included', () => {
    const bigBlock = buildPlan({ ...plan, blocks: [{ id: 'bank', purchasedOn: '2026-10-02', seconds: 20 * HOUR, priceMinor: 18000 }] });
    const november = buildStatement({ plan: bigBlock, links, worklogs, period: '2026-11' });
    const rows = tableRows(renderPrintableStatement({ ...input, plan: bigBlock, statement: november }), 'Summary');
    expect(rows.slice(1, 5)).toEqual([
      ['Opening balance', '27.00 h', ''],
      ['of which included this period', '10.00 h', ''],
      ['of which rolled over', '0.00 h', ''],
      ['of which prepaid blocks from earlier periods', '17.00 h', ''],
    ]);
  });

  it('lists the charge lines and the total', () => {
    expect(tableRows(html, 'Charges').at(-1)).toEqual(['Total due', '', '', '€855.00']);
    expect(tableRows(html, 'Charges')).toHaveLength(statement.charges.length + 2);
  });

  it('lists the worklog lines with escaped summaries and people by name, an account without one as "Former user", never its id', () => {
    expect(tableRows(html, 'Worklog lines')).toEqual([
      ['Date', 'Issue', 'Summary', 'Person', 'Logged', 'Billable', 'Covered', 'Overage', 'Extra', 'Non-billable'],
      ['5 Oct 2026', 'SUP-1', '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more', 'Ada Admin', '13.00 h', '13.00 h', '13.00 h', '1.00 h', '0.00 h', '0.00 h'],
      ['6 Oct 2026', 'SUP-2', '', 'Former user', '0.50 h', '0.50 h', '0.00 h', '0.00 h', '0.50 h', '0.00 h'],
    ]);
  });

  it('adds factor and charged hours to the lines only when a multiplier applied, with a row per segment of a cut worklog', () => {
    expect(html).not.toContain('Factor');
    const afterHours = { name: 'After hours', when: { kind: 'time-window', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00' }, factorPermille: 1500 } as const;
    const multipliedPlan = buildPlan({ ...plan, multipliers: [afterHours] });
    const work = [
      buildWorklog({ id: '1', issueId: '1', started: '2026-10-05T17:30:00.000+0200', author: { accountId: 'ada' } }),
      buildWorklog({ id: '2', issueId: '1', started: '2026-10-06T20:00:00.000+0200', author: { accountId: 'ada' } }),
      buildWorklog({ id: '3', issueId: '2', started: '2026-10-07T10:00:00.000+0200', author: { accountId: 'ada' } }),
    ];
    const multiplied = renderPrintableStatement({ ...input, plan: multipliedPlan, statement: buildStatement({ plan: multipliedPlan, links, worklogs: work, period: '2026-10' }) });
    const summary = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more';
    expect(tableRows(multiplied, 'Worklog lines')).toEqual([
      ['Date', 'Issue', 'Summary', 'Person', 'Logged', 'Billable', 'Factor', 'Charged', 'Covered', 'Overage', 'Extra', 'Non-billable'],
      ['5 Oct 2026', 'SUP-1', summary, 'Ada Admin', '1.00 h', '1.00 h', '', '1.25 h', '1.25 h', '0.00 h', '0.00 h', '0.00 h'],
      ['from 17:30', '', 'No multiplier', '', '0.50 h', '0.50 h', '×1', '0.50 h', '', '', '', ''],
      ['from 18:00', '', 'After hours', '', '0.50 h', '0.50 h', '×1.5', '0.75 h', '', '', '', ''],
      ['6 Oct 2026', 'SUP-1', summary, 'Ada Admin', '1.00 h', '1.00 h', '×1.5 After hours', '1.50 h', '1.50 h', '0.00 h', '0.00 h', '0.00 h'],
      ['7 Oct 2026', 'SUP-2', '', 'Ada Admin', '1.00 h', '1.00 h', '×1', '1.00 h', '0.00 h', '0.00 h', '1.00 h', '0.00 h'],
    ]);
  });

  it('shows late adjustments and their charges only when the statement has them', () => {
    expect(html).not.toContain('Late adjustments');
    const adjusted = renderPrintableStatement({
      ...input,
      statement: {
        ...statement,
        totalMinor: statement.totalMinor + 5000,
        lateAdjustments: [
          {
            periodLabel: '2026-09', closedVersion: 1, kind: 'added', worklogId: '9', issueId: '1', issueKey: 'SUP-1', issueSummary: 'Printer offline', authorAccountId: 'ada',
            started: Date.UTC(2026, 8, 30, 8), billingClass: 'covered', rawSeconds: 5400, roundedSeconds: 5400, coveredSeconds: 5400,
            overageSeconds: 1800, extraSeconds: 0, nonBillableSeconds: 0,
          },
          {
            periodLabel: '2026-09', closedVersion: 1, kind: 'removed', worklogId: '7', issueId: '2', authorAccountId: null,
            started: Date.UTC(2026, 8, 29, 8), billingClass: 'extra', rawSeconds: -1800, roundedSeconds: -1800, coveredSeconds: 0,
            overageSeconds: 0, extraSeconds: -1800, nonBillableSeconds: 0,
          },
        ],
        adjustmentCharges: [
          { periodLabel: '2026-09', closedVersion: 1, kind: 'overage', description: 'Overage', seconds: 1800, rateMinor: 10000, amountMinor: 5000 },
          { periodLabel: '2026-09', closedVersion: 1, kind: 'extra', description: 'Extra work', seconds: -1800, rateMinor: 15000, amountMinor: -7500 },
          { periodLabel: '2026-09', closedVersion: 1, kind: 'fixed-fee', description: 'Fixed fee correction', amountMinor: 7500 },
        ],
      },
    });
    expect(tableRows(adjusted, 'Late adjustments')).toEqual([
      ['Period', 'Change', 'Date', 'Issue', 'Summary', 'Person', 'Billable', 'Covered', 'Overage', 'Extra'],
      ['2026-09', 'Added', '30 Sept 2026', 'SUP-1', 'Printer offline', 'Ada Admin', '1.50 h', '1.50 h', '0.50 h', '0.00 h'],
      ['2026-09', 'Removed', '29 Sept 2026', '2', '', 'No author', '-0.50 h', '0.00 h', '0.00 h', '-0.50 h'],
    ]);
    expect(tableRows(adjusted, 'Late adjustment charges')).toEqual([
      ['Period', 'Charge', 'Hours', 'Rate', 'Amount'],
      ['2026-09', 'Overage', '0.50 h', '€100.00 / h', '€50.00'],
      ['2026-09', 'Extra work', '-0.50 h', '€150.00 / h', '-€75.00'],
      ['2026-09', 'Fixed fee correction', '', '', '€75.00'],
      ['Late adjustments', '', '', '', '€50.00'],
    ]);
    expect(tableRows(adjusted, 'Summary').slice(-2)).toEqual([
      ['Late adjustments', '', '€50.00'],
      ['Total due', '', '€905.00'],
    ]);
    expect(tableRows(adjusted, 'Charges').slice(-2)).toEqual([
      ['Late adjustments (see below)', '', '', '€50.00'],
      ['Total due', '', '', '€905.00'],
    ]);
  });

  it('shows a pay-as-you-go plan as hours billed, in the currency and locale given', () => {
    const payg = buildPayAsYouGoPlan({ currency: 'JPY', hourlyRateMinor: 9000 });
    const paygStatement = buildStatement({ plan: payg, links: [buildLink({ planId: 'payg' })], worklogs: [buildWorklog()], period: '2026-10' });
    const rows = tableRows(renderPrintableStatement({ ...input, plan: payg, statement: paygStatement, locale: 'de-DE' }), 'Summary');
    expect(rows.map((cellsOfRow) => cellsOfRow[0])).toEqual(['', 'Hours billed', 'Extras', 'Non-billable', 'Fixed fee', 'Total due']);
    expect(rows[1]).toEqual(['Hours billed', '1,00 h', '9.000\u00a0¥']);
    expect(rows.at(-1)).toEqual(['Total due', '', '9.000\u00a0¥']);
  });
});

import { formatStatementCsv } from '../../src/cli/format-csv';
import { authorNamesOf } from '../../src/cli/statement-view';
import { buildStatement, type JiraWorklog } from '../../src/ledger';
import { HOUR, buildLink, buildPlan, buildWorklog } from '../../src/ledger/test-builders';
import { csvRecords } from '../support/csv';

/** 10 h included in Berlin, 15-minute rounding, overage 100.00/h, extra 150.00/h, a 50.00 fixed fee. */
const plan = buildPlan({
  timeZone: 'Europe/Berlin',
  rounding: { incrementSeconds: 900, minimumSeconds: 0 },
  allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 5000 },
});
const links = [
  buildLink({ issueId: '1', issueKey: 'SUP-1', issueSummary: '=HYPERLINK("http://evil.example","x")' }),
  buildLink({ issueId: '2', issueKey: 'SUP-2', issueSummary: 'Printer, "offline"', billingClass: 'extra' }),
  buildLink({ issueId: '3', issueKey: 'SUP-3', billingClass: 'non-billable' }),
];
const worklogs: JiraWorklog[] = [
  // 23:30 UTC on 2026-10-04 is 01:30 on 2026-10-05 in Berlin.
  buildWorklog({ id: '1', issueId: '1', started: '2026-10-04T23:30:00.000+0000', timeSpentSeconds: 8 * HOUR, author: { accountId: 'a', displayName: '+49 Ada' } }),
  buildWorklog({ id: '2', issueId: '1', started: '2026-10-06T09:00:00.000+0200', timeSpentSeconds: 3 * HOUR + 100 }),
  buildWorklog({ id: '3', issueId: '2', started: '2026-10-07T09:00:00.000+0200', timeSpentSeconds: 1000 }),
  buildWorklog({ id: '4', issueId: '3', started: '2026-10-08T09:00:00.000+0200', timeSpentSeconds: 600 }),
];
const statement = buildStatement({ plan, links, worklogs, period: '2026-10' });
const csv = formatStatementCsv({ statement, plan, authorNames: authorNamesOf(worklogs) });
const records = csvRecords(csv);
const sum = (rows: readonly Record<string, string>[], column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);

describe('formatStatementCsv', () => {
  it('writes one row per worklog line with issue key and summary, author, local date, hours by bucket', () => {
    const rows = records.filter((row) => row.record === 'worklog');
    expect(
      rows.map((row) => [
        row.issue, row.issue_summary, row.author, row.author_name, row.date, row.billing_class,
        row.raw_hours, row.rounded_hours, row.covered_hours, row.overage_hours, row.extra_hours, row.non_billable_hours,
      ]),
    ).toEqual([
      ['SUP-1', `'=HYPERLINK("http://evil.example","x")`, 'a', "'+49 Ada", '2026-10-05', 'covered', '8.00', '8.00', '8.00', '0.00', '0.00', '0.00'],
      ['SUP-1', `'=HYPERLINK("http://evil.example","x")`, 'alice', '', '2026-10-06', 'covered', '3.03', '3.25', '3.25', '1.25', '0.00', '0.00'],
      ['SUP-2', 'Printer, "offline"', 'alice', '', '2026-10-07', 'extra', '0.28', '0.50', '0.00', '0.00', '0.50', '0.00'],
      ['SUP-3', '', 'alice', '', '2026-10-08', 'non-billable', '0.17', '0.17', '0.00', '0.00', '0.00', '0.17'],
    ]);
  });

  it('quotes per RFC 4180 and defuses formulas in text cells', () => {
    expect(csv).toContain(`,SUP-1,"'=HYPERLINK(""http://evil.example"",""x"")",a,'+49 Ada,2026-10-05T01:30:00.000+02:00,2026-10-05,covered,`);
    expect(csv).toContain(',SUP-2,"Printer, ""offline""",alice,,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has seconds and money that add up to the statement exactly', () => {
    const lines = records.filter((row) => row.record === 'worklog');
    const charges = records.filter((row) => row.record === 'charge');
    const [total] = records.filter((row) => row.record === 'total');
    expect([
      sum(lines, 'covered_seconds'),
      sum(lines, 'overage_seconds'),
      sum(lines, 'extra_seconds'),
      sum(lines, 'non_billable_seconds'),
      sum(charges, 'amount_minor'),
      Number(total?.amount_minor),
    ]).toEqual([
      statement.usedCoveredSeconds,
      statement.overageSeconds,
      statement.extraSeconds,
      statement.nonBillableSeconds,
      statement.totalMinor,
      statement.totalMinor,
    ]);
    expect([statement.usedCoveredSeconds, statement.overageSeconds, statement.totalMinor]).toEqual([40500, 4500, 5000 + 12500 + 7500]);
    expect(charges.map((row) => [row.charge, row.amount_minor, row.amount])).toEqual([
      ['fixed-fee', '5000', '50.00'],
      ['overage', '12500', '125.00'],
      ['extra', '7500', '75.00'],
    ]);
    expect(total?.amount).toBe('250.00');
  });
});

describe('formatStatementCsv with multipliers', () => {
  const afterHours = { name: 'After hours', when: { kind: 'time-window', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00' }, factorPermille: 1500 } as const;
  const multiplied = buildPlan({ ...plan, multipliers: [afterHours] });
  // Monday 17:30 for 1 h (half of it after hours), Tuesday 20:00 for 1 h (all of it), Wednesday 10:00 (none).
  const work = [
    buildWorklog({ id: '1', issueId: '1', started: '2026-10-05T17:30:00.000+0200' }),
    buildWorklog({ id: '2', issueId: '1', started: '2026-10-06T20:00:00.000+0200' }),
    buildWorklog({ id: '3', issueId: '1', started: '2026-10-07T10:00:00.000+0200' }),
  ];
  const multipliedStatement = buildStatement({ plan: multiplied, links, worklogs: work, period: '2026-10' });
  const rows = csvRecords(formatStatementCsv({ statement: multipliedStatement, plan: multiplied, authorNames: authorNamesOf(work) }));

  it('gives each worklog its logged, rounded, factor and charged seconds, and a segment row per piece of a cut one', () => {
    expect(
      rows
        .filter((row) => row.record === 'worklog' || row.record === 'segment')
        .map((row) => [row.record, row.worklog_id, row.started, row.raw_seconds, row.rounded_seconds, row.factor, row.charged_seconds, row.multiplier_rule]),
    ).toEqual([
      ['worklog', '1', '2026-10-05T17:30:00.000+02:00', '3600', '3600', '', '4500', ''],
      ['segment', '1', '2026-10-05T17:30:00.000+02:00', '1800', '1800', '1', '1800', ''],
      ['segment', '1', '2026-10-05T18:00:00.000+02:00', '1800', '1800', '1.5', '2700', 'After hours'],
      ['worklog', '2', '2026-10-06T20:00:00.000+02:00', '3600', '3600', '1.5', '5400', 'After hours'],
      ['worklog', '3', '2026-10-07T10:00:00.000+02:00', '3600', '3600', '1', '3600', ''],
    ]);
  });

  it('keeps the billing columns of worklog rows adding up to the statement, segment rows apart', () => {
    const lines = rows.filter((row) => row.record === 'worklog');
    expect([sum(lines, 'covered_seconds'), sum(lines, 'charged_seconds')]).toEqual([multipliedStatement.usedCoveredSeconds, 4500 + 5400 + 3600]);
    expect(rows.filter((row) => row.record === 'segment').every((row) => row.covered_seconds === '')).toBe(true);
  });
});

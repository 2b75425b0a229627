import { runCli } from '../../src/cli/run-cli';
import { linksDocument, pageOf, planDocument, statementJson, worklog, worklogsArray, writeDocuments } from './fixtures';
import { parseCsv } from '../support/csv';

function run(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = runCli(args, { writeOut: (text) => (stdout += text), writeError: (text) => (stderr += text) });
  return { exitCode, stdout, stderr };
}

/** October as first billed: the fixture's five worklogs. */
const billed = pageOf(worklogsArray());
/** Since October closed: the non-billable worklog 4 was deleted and an hour of covered work (6) was logged late. */
const final = pageOf([...worklogsArray().filter((entry) => entry.id !== '4'), worklog('6', '1001', '2026-10-28T09:00:00.000+0100', 3600)]);

function statement(paths: Record<string, string>, worklogs: string, period: string, ...extra: string[]) {
  return run(['statement', '--plan', paths.plan ?? '', '--links', paths.links ?? '', '--worklogs', worklogs, '--period', period, ...extra]);
}

/** Closes October as the CLI prints it, then writes the final worklogs and the closed file. */
function closedOctober() {
  const first = writeDocuments({ plan: planDocument(), links: linksDocument(), billed });
  const october = statement(first, first.billed, '2026-10');
  expect([october.exitCode, october.stderr]).toEqual([0, '']);
  const frozen = statementJson(october.stdout);
  const later = writeDocuments({ final, closed: [frozen] });
  return { paths: { ...first, ...later }, frozen };
}

describe('support-hours statement --closed', () => {
  it('shows the late adjustments of the closed October on November, at October rates', () => {
    const { paths } = closedOctober();
    const november = statement(paths, paths.final, '2026-11', '--closed', paths.closed);
    expect([november.exitCode, november.stderr]).toEqual([0, '']);
    const json = statementJson(november.stdout);
    expect(json.closedVersion).toBeNull();
    expect(json.lateAdjustments).toEqual([
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'removed',
        worklogId: '4',
        issueId: '1003',
        authorAccountId: 'agent-0',
        started: Date.parse('2026-10-14T07:00:00Z'),
        startedIso: '2026-10-14T09:00:00.000+02:00',
        billingClass: 'non-billable',
        rawSeconds: -1200,
        roundedSeconds: -1200,
        coveredSeconds: 0,
        overageSeconds: 0,
        extraSeconds: 0,
        nonBillableSeconds: -1200,
      },
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'added',
        worklogId: '6',
        issueId: '1001',
        issueKey: 'TINY-1',
        authorAccountId: 'agent-0',
        started: Date.parse('2026-10-28T08:00:00Z'),
        startedIso: '2026-10-28T09:00:00.000+01:00',
        billingClass: 'covered',
        rawSeconds: 3600,
        roundedSeconds: 3600,
        coveredSeconds: 3600,
        overageSeconds: 3600,
        extraSeconds: 0,
        nonBillableSeconds: 0,
      },
    ]);
    expect(json.adjustmentCharges).toEqual([
      {
        periodLabel: '2026-10',
        closedVersion: 1,
        kind: 'overage',
        description: 'Overage, late adjustments to 2026-10',
        seconds: 3600,
        rateMinor: 10000,
        amountMinor: 10000,
      },
    ]);
    expect(json.charges).toEqual([{ kind: 'fixed-fee', description: 'Fixed fee for 2026-11', amountMinor: 50000 }]);
    expect(json.totalMinor).toBe(60000);
  });

  it('gives the frozen October for October, whatever the worklogs now say', () => {
    const { paths, frozen } = closedOctober();
    const october = statement(paths, paths.final, '2026-10', '--closed', paths.closed);
    expect(october.exitCode).toBe(0);
    expect(JSON.parse(october.stdout)).toEqual({ ...frozen, closedVersion: 1 });
    const text = statement(paths, paths.final, '2026-10', '--closed', paths.closed, '--format', 'text').stdout;
    expect(text.split('\n')[0]).toBe('Tiny plan (tiny): statement for 2026-10 (closed, version 1)');
  });

  it('lists the adjustments in the text and as record=adjustment rows in the CSV', () => {
    const { paths } = closedOctober();
    const text = statement(paths, paths.final, '2026-11', '--closed', paths.closed, '--format', 'text').stdout;
    const section = text.slice(text.indexOf('Late adjustments'), text.indexOf('\n\nCharges'));
    expect(section.split('\n')).toEqual([
      'Late adjustments to closed periods',
      '  2026-10 v1 removed worklog 4  -0.33 h  1003, Agent 0, 2026-10-14 09:00, non-billable; covered 0.00 h, overage 0.00 h, extra 0.00 h',
      '  2026-10 v1 added worklog 6    +1.00 h  TINY-1, Agent 0, 2026-10-28 09:00, covered; covered +1.00 h, overage +1.00 h, extra 0.00 h',
    ]);
    expect(text).toContain('  Overage, late adjustments to 2026-10  EUR 100.00  1.00 h at EUR 100.00/h\n  Total due                             EUR 600.00\n');

    const rows = parseCsv(statement(paths, paths.final, '2026-11', '--closed', paths.closed, '--format', 'csv').stdout);
    const [header = [], ...body] = rows;
    const pick = (row: string[], ...columns: string[]) => columns.map((column) => row[header.indexOf(column)]);
    expect(body.map((row) => pick(row, 'record', 'worklog_id', 'rounded_seconds', 'overage_seconds', 'charge', 'amount_minor', 'description'))).toEqual([
      ['adjustment', '4', '-1200', '0', '', '', 'removed late, adjusts 2026-10 (closed version 1)'],
      ['adjustment', '6', '3600', '3600', '', '', 'added late, adjusts 2026-10 (closed version 1)'],
      ['charge', '', '', '', 'fixed-fee', '50000', 'Fixed fee for 2026-11'],
      ['adjustment', '', '', '', 'overage', '10000', 'Overage, late adjustments to 2026-10'],
      ['total', '', '', '', '', '60000', 'Total due for 2026-11'],
    ]);
  });

  it('refuses a closed file that is not statements of this plan, naming the file and the field', () => {
    const { paths, frozen } = closedOctober();
    const other = writeDocuments({ closed: [{ ...frozen, planId: 'gold' }], broken: [{ planId: 'tiny' }] });
    const wrongPlan = statement(paths, paths.final, '2026-11', '--closed', other.closed);
    expect([wrongPlan.exitCode, wrongPlan.stdout, wrongPlan.stderr]).toEqual([
      1,
      '',
      `${other.closed}: [0].planId: is a statement of plan "gold", but the plan is "tiny"\n`,
    ]);
    const twice = writeDocuments({ closed: [frozen, frozen] });
    expect(statement(paths, paths.final, '2026-11', '--closed', twice.closed).stderr).toBe(
      `${twice.closed}: [1].period.label: closes the same period as [0]\n`,
    );
    const broken = statement(paths, paths.final, '2026-11', '--closed', other.broken);
    expect([broken.exitCode, broken.stderr.split('\n')[0]]).toEqual([1, `${other.broken}: [0].currency: is required`]);
  });
});

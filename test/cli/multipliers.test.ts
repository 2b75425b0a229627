import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { parseClosedStatements } from '../../src/input';
import type { ChargedSegment, Statement, WorklogLine } from '../../src/ledger';

/** A line as `--format json` prints it: every instant with its ISO twin. */
type PrintedLine = Omit<WorklogLine, 'segments'> & { readonly startedIso: string; readonly segments?: readonly (ChargedSegment & { readonly startedIso: string })[] };
import { csvRecords } from '../support/csv';

const example = join(__dirname, '..', '..', 'examples', 'multipliers');

function statement(format: 'json' | 'csv' | 'text', period = '2026-10'): string {
  let stdout = '';
  const args = ['statement', '--plan', join(example, 'plan.json'), '--links', join(example, 'links.json'), '--worklogs', join(example, 'worklogs.json'), '--period', period, '--format', format];
  const exitCode = runCli(args, { writeOut: (text) => (stdout += text), writeError: (text) => { throw new Error(text); } });
  expect(exitCode).toBe(0);
  return stdout;
}

describe('support-hours statement with multipliers (examples/multipliers)', () => {
  const json = JSON.parse(statement('json')) as Omit<Statement, 'lines'> & { readonly lines: readonly PrintedLine[] };

  it('prices after hours, the holiday, the weekend and P1 incidents, each by its rule', () => {
    const rules = new Set(json.lines.flatMap((line) => (line.segments ?? []).map((segment) => segment.rule)));
    expect([...rules].sort()).toEqual(['After hours', 'P1 incident', 'Public holiday', 'Weekend', undefined].sort());
    expect(json.lines.some((line) => (line.segments?.length ?? 0) > 1)).toBe(true);
    expect(json.charges.find((charge) => charge.multiplierRules !== undefined)).toMatchObject({ kind: 'overage', description: 'Overage (P1 incident)', rateMinor: 15000 });
  });

  it('prints each segment\'s start as ISO too, and reads its own JSON back as a closed statement unchanged', () => {
    const cut = json.lines.find((line) => (line.segments?.length ?? 0) > 1);
    expect(cut?.segments?.[1]?.startedIso).toMatch(/^2026-10-\d\dT18:00:00\.000\+02:00$/);
    const parsed = parseClosedStatements([json]);
    expect(parsed.ok && parsed.value[0]?.statement.lines).toEqual(json.lines.map(({ startedIso: _iso, segments, ...line }) => ({
      ...line,
      ...(segments === undefined ? {} : { segments: segments.map(({ startedIso: _segmentIso, ...segment }) => segment) }),
    })));
  });

  it('lists the multiplied work in the text summary: logged, rounded, factor and charged', () => {
    const text = statement('text');
    expect(text).toContain('Multiplied work (logged → rounded → charged)');
    expect(text).toMatch(/worklog \d+ ACME-\d+ 2026-10-03 \d\d:\d\d +[\d.]+ h +[\d.]+ h → [\d.]+ h: [\d.]+ h Public holiday ×2/);
    expect(text).toMatch(/[\d.]+ h ×1 \+ [\d.]+ h After hours ×1\.5/);
  });

  it('gives the CSV\'s worklog rows charged seconds that add up to the billed seconds', () => {
    const rows = csvRecords(statement('csv'));
    const worklogs = rows.filter((row) => row.record === 'worklog');
    expect(worklogs.reduce((sum, row) => sum + Number(row.charged_seconds), 0)).toBe(json.usedCoveredSeconds + json.extraSeconds);
    expect(rows.filter((row) => row.record === 'segment').length).toBeGreaterThan(0);
  });
});

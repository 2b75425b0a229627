import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import type { AdviceFigures } from '../../src/ledger';
import { linksDocument, pageOf, planDocument, worklog, worklogsArray, writeDocuments } from './fixtures';

const examples = join(__dirname, '..', '..', 'examples', 'amended');
const exampleArgs = ['--plan', join(examples, 'plan.json'), '--links', join(examples, 'links.json'), '--worklogs', join(examples, 'worklogs.json')];
const NOW = Date.parse('2026-10-20T12:00:00Z');

function run(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = runCli(args, { writeOut: (text) => (stdout += text), writeError: (text) => (stderr += text), now: () => NOW });
  return { exitCode, stdout, stderr };
}

type AdviceJson = Omit<AdviceFigures, 'cheapest'> & { readonly cheapest: string | null; readonly headline: string | null; readonly asOf: string };

describe('support-hours advise', () => {
  it('compares the example\'s last complete months side by side, cheapest marked, with the headline', () => {
    const { exitCode, stdout, stderr } = run(['advise', ...exampleArgs, '--candidates', join(examples, 'candidates.json'), '--format', 'text']);
    expect(exitCode).toBe(0);
    expect(stderr).toBe('warning: plan "acme-amended" has 6 complete months, not 12: the advice covers those\n');
    const lines = stdout.split('\n');
    expect(lines[1]).toBe('The last 6 complete months, 2026-04 to 2026-09, as of 2026-10-20 14:00 (Europe/Berlin)');
    expect(lines[3]).toMatch(/^ {2}month +paid +25 h a month +30 h a month with rollover +Blocks of 20 h \* +Pay as you go$/);
    expect(lines.find((line) => line.includes('total'))?.split(/ {2,}/).slice(1)).toEqual([
      'total', 'EUR 18,358.25', 'EUR 17,943.25', 'EUR 18,685.00', 'EUR 16,085.00', 'EUR 19,197.50',
    ]);
    expect(lines.find((line) => line.includes('months with overage'))?.split(/ {2,}/).slice(1)).toEqual(['months with overage', '4', '1', '0', '0', '0']);
    expect(stdout.endsWith('With Blocks of 20 h you would have paid EUR 2,273.25 less over 6 months; no month would have had overage.\n')).toBe(true);
  });

  it('answers JSON whose figures add up, a candidate of the plan\'s own terms costing what was paid', () => {
    const candidates = writeDocuments({ candidates: { candidates: [{ name: 'as now', terms: {} }, { name: '30 h', terms: { allowance: { includedSeconds: 108_000, fixedFeeMinor: 255_000 } } }] } });
    const { exitCode, stdout } = run(['advise', ...exampleArgs, '--candidates', candidates.candidates, '--periods', '3', '--as-of', '2026-09-15T00:00:00Z']);
    expect(exitCode).toBe(0);
    const advice = JSON.parse(stdout) as AdviceJson;
    expect(advice.periods).toEqual(['2026-06', '2026-07', '2026-08']);
    expect(advice.asOf).toBe('2026-09-15T02:00:00.000+02:00');
    const [same, thirty] = advice.candidates;
    expect(same?.differenceMinor).toBe(0);
    expect(same?.periods).toEqual(advice.paid.periods);
    expect(thirty?.differenceMinor).toBe((thirty?.totalMinor ?? 0) - advice.paid.totalMinor);
    for (const column of [advice.paid, ...advice.candidates]) {
      for (const period of column.periods) expect(period.totalMinor).toBe(period.charges.reduce((sum, charge) => sum + charge.amountMinor, 0));
    }
    expect(advice.cheapest).toBe(advice.candidates.reduce((best, each) => (each.totalMinor < best.totalMinor ? each : best)).name);
    expect(advice.headline).toMatch(/^With (as now|30 h) you would have paid /);
  });

  it('says which candidate field prices nothing under the plan\'s kind, and writes nothing', () => {
    const files = writeDocuments({
      plan: planDocument(),
      links: linksDocument(),
      worklogs: pageOf(worklogsArray()),
      candidates: { candidates: [{ name: 'hourly', terms: { hourlyRateMinor: 9000 } }] },
    });
    const result = run(['advise', '--plan', files.plan, '--links', files.links, '--worklogs', files.worklogs, '--candidates', files.candidates, '--as-of', '2026-11-02T00:00:00Z']);
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `${files.candidates}: candidates[0].terms.hourlyRateMinor: prices only pay-as-you-go terms, and these are buckets: give "kind": "pay-as-you-go" to use it\n`,
    });
  });

  it('names the candidates file when a candidate\'s total is beyond what amounts are exact up to', () => {
    const heavy = (month: string) => Array.from({ length: 10 }, (_unused, day) => worklog(`${month}${day}`, '1001', `2026-${month}-${String(day + 10)}T09:00:00.000+0000`, 50 * 3600));
    const files = writeDocuments({
      plan: planDocument(),
      links: linksDocument(),
      worklogs: pageOf([...heavy('10'), ...heavy('11')]),
      candidates: { candidates: [{ name: 'dear blocks', terms: { allowance: null, blocks: { topUpSeconds: 3600, priceMinor: 10_000_000_000_000 } } }] },
    });
    const result = run(['advise', '--plan', files.plan, '--links', files.links, '--worklogs', files.worklogs, '--candidates', files.candidates, '--as-of', '2026-12-02T00:00:00Z']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(`${files.candidates}: candidates: the total over the periods would be 10000000000000000 minor units, more than amounts are exact up to (9007199254740991)\n`);
  });

  it('refuses a plan with no complete period, and a number of periods out of bounds', () => {
    const files = writeDocuments({ plan: planDocument(), links: linksDocument(), worklogs: pageOf(worklogsArray()), candidates: { candidates: [{ name: 'same', terms: {} }] } });
    const args = ['advise', '--plan', files.plan, '--links', files.links, '--worklogs', files.worklogs, '--candidates', files.candidates];
    expect(run([...args, '--as-of', '2026-10-31T00:00:00Z']).stderr).toBe(
      'plan "tiny" (from 2026-10-01, by month) has no period that ended by 2026-10-31 01:00 (Europe/Berlin): nothing to advise on\n',
    );
    expect(run([...args, '--periods', '25'])).toEqual({ exitCode: 2, stdout: '', stderr: 'support-hours: --periods must be a whole number from 1 to 24, not "25"\nRun it with --help for usage.\n' });
    expect(run([...args, '--period', '2026-10']).stderr).toMatch(/^support-hours: unknown option --period \(did you mean --periods\?\)/);
  });
});

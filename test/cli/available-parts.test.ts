import { readFileSync } from 'node:fs';
import { parsePlan } from '../../src/input';
import { listPeriods } from '../../src/ledger';
import { runCli } from '../../src/cli/run-cli';
import { statementJson } from './fixtures';

const examples = ['contract-300h', 'mixed', 'payg'] as const;
const file = (scenario: string, name: string) => `examples/${scenario}/${name}.json`;

function statementOutput(scenario: string, period: string, format: 'json' | 'text'): string {
  let stdout = '';
  const args = ['plan', 'links', 'worklogs'].flatMap((name) => [`--${name}`, file(scenario, name)]);
  const exitCode = runCli(['statement', ...args, '--period', period, '--format', format], {
    writeOut: (text) => (stdout += text),
    writeError: (text) => {
      throw new Error(text);
    },
  });
  expect(exitCode).toBe(0);
  return stdout;
}

/** Every period of the example's plan up to its last worklogs (2026-11). */
function periodsOf(scenario: string): [string, string][] {
  const plan = parsePlan(JSON.parse(readFileSync(file(scenario, 'plan'), 'utf8')));
  if (!plan.ok) throw new Error(`examples/${scenario}/plan.json does not parse`);
  return listPeriods(plan.value, Date.parse('2026-11-30T00:00:00Z')).map((period) => [scenario, period.label]);
}

/** The "Hours" rows of the text output above "available", and "available" itself, in hundredths of an hour. */
function hoursRows(text: string): { parts: [string, number][]; available: number } {
  const section = text.split('\n\n').find((block) => block.startsWith('Hours\n')) ?? '';
  const rows = section
    .split('\n')
    .slice(1)
    .map((line): [string, number] => {
      const match = /^ {2}(\S.*?) +(\d+)\.(\d{2}) h\b/.exec(line);
      if (match === null) throw new Error(`not an hours row: ${line}`);
      return [match[1] ?? '', Number(match[2]) * 100 + Number(match[3])];
    });
  const availableAt = rows.findIndex(([label]) => label === 'available');
  return { parts: rows.slice(0, availableAt), available: rows[availableAt]?.[1] ?? Number.NaN };
}

describe('the parts of the available hours', () => {
  const cases = examples.flatMap(periodsOf);
  // Generous ceiling: the larger examples take about a second each, more on a busy machine.
  const ceiling = 30_000;

  it('cover every period of every example, blocks brought in included', () => {
    expect(cases.length).toBeGreaterThan(examples.length);
    const mixedOctober = hoursRows(statementOutput('mixed', '2026-10', 'text')).parts.map(([label]) => label);
    expect(mixedOctober).toEqual(['included', 'brought in', 'purchased']);
  }, ceiling);

  it.each(cases)(
    'examples/%s %s: the text lists rows that sum to "available", and the JSON carries the same parts',
    (scenario, period) => {
      const { parts, available } = hoursRows(statementOutput(scenario, period, 'text'));
      expect(parts.length).toBeGreaterThan(0);
      expect(parts.reduce((sum, [, hundredths]) => sum + hundredths, 0)).toBe(available);

      const statement = statementJson(statementOutput(scenario, period, 'json'));
      const broughtIn = statement.buckets
        .filter((bucket) => bucket.kind === 'block' && bucket.usableFrom < statement.period.start)
        .reduce((sum, bucket) => sum + bucket.openingSeconds, 0);
      expect(statement.includedSeconds + statement.carriedInSeconds + broughtIn + statement.purchasedSeconds).toBe(statement.availableSeconds);
      expect(Math.round(statement.availableSeconds / 36)).toBe(available);
    },
    ceiling,
  );
});

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseBenchArguments } from '../../bench/report/bench-arguments';
import { parseResults, renderBenchmarks, resultOf, type SuiteRun } from '../../bench/report/benchmarks-doc';
import { machineFingerprint, type Machine } from '../../bench/report/machine';
import { markdownTable } from '../../bench/report/markdown-table';
import { SUITE_FILE_SUFFIX, SUITES } from '../../bench/suites';

const SUITE_NAMES = ['alpha', 'beta', 'gamma'];
const SUITE_LIST = SUITE_NAMES.map((name) => ({ name, summary: `what ${name} measures` }));
const MACHINE: Machine = { cpu: 'Test CPU "X" 3.0GHz', cores: 2, memory: '7.8 GiB', node: 'v20.20.2', os: 'Debian GNU/Linux 12, Linux 6.1 (x64)' };
const OTHER_MACHINE: Machine = { ...MACHINE, cores: 16 };

function run(overrides: Partial<SuiteRun>): SuiteRun {
  return {
    finishedAt: new Date(Date.UTC(2026, 11, 3, 1, 30)),
    durationMs: 95_000,
    loadAverage: [2.04, 1.5, 1.25],
    exitCode: 0,
    report: '| a | b |\n| --- | ---: |\n| x | 1 |\n',
    errorTail: [],
    ...overrides,
  };
}

describe('npm run bench arguments', () => {
  it('runs every suite when none is named, and the named ones in the registry order', () => {
    expect(parseBenchArguments([], SUITE_NAMES)).toEqual({ kind: 'run', suites: SUITE_NAMES });
    expect(parseBenchArguments(['gamma', 'alpha', 'gamma'], SUITE_NAMES)).toEqual({ kind: 'run', suites: ['alpha', 'gamma'] });
  });

  it('answers --help, and refuses an unknown suite or option naming the suites', () => {
    expect(parseBenchArguments(['alpha', '--help'], SUITE_NAMES)).toEqual({ kind: 'help' });
    expect(parseBenchArguments(['-h'], SUITE_NAMES)).toEqual({ kind: 'help' });
    expect(parseBenchArguments(['alpha', 'nosuch'], SUITE_NAMES)).toEqual({ kind: 'error', message: 'unknown suite "nosuch"; suites: alpha, beta, gamma' });
    expect(parseBenchArguments(['--fast'], SUITE_NAMES)).toEqual({ kind: 'error', message: 'unknown option "--fast"; try --help' });
  });
});

describe('docs/benchmarks.md', () => {
  it('puts the machine and date at the top and every suite in order, unmeasured ones saying how to measure them', () => {
    const results = new Map([['beta', resultOf(run({}), MACHINE)]]);
    const text = renderBenchmarks({ machine: MACHINE, updatedAt: new Date(Date.UTC(2026, 11, 3, 1, 31)), suites: SUITE_LIST, results });
    expect(text).toContain('Last written 2026-12-03 01:31 UTC');
    expect(text).toContain('| CPU | Test CPU "X" 3.0GHz |');
    expect(text).toContain('| cores | 2 |');
    expect(text).toContain('| Node | v20.20.2 |');
    expect(text.indexOf('## alpha')).toBeLessThan(text.indexOf('## beta'));
    expect(text.indexOf('## beta')).toBeLessThan(text.indexOf('## gamma'));
    expect(text).toContain('Not measured yet: run `npm run bench -- alpha`.');
    expect(text).toContain('Measured 2026-12-03 01:30 UTC in 1 min 35 s, load average 2.0 / 1.5 / 1.3 (1 / 5 / 15 min) at the end; every target met.');
    expect(text).toContain('| x | 1 |');
  });

  it('keeps the suites that did not run and replaces those that did, each with its own date', () => {
    const first = renderBenchmarks({
      machine: MACHINE,
      updatedAt: new Date(Date.UTC(2026, 11, 1)),
      suites: SUITE_LIST,
      results: new Map([
        ['alpha', resultOf(run({ finishedAt: new Date(Date.UTC(2026, 11, 1, 9)), report: 'old alpha figures' }), MACHINE)],
        ['beta', resultOf(run({ finishedAt: new Date(Date.UTC(2026, 11, 1, 10)), report: 'old beta figures' }), MACHINE)],
      ]),
    });
    const results = parseResults(first).set('beta', resultOf(run({ finishedAt: new Date(Date.UTC(2026, 11, 3, 8)), report: 'new beta figures' }), MACHINE));
    const second = renderBenchmarks({ machine: MACHINE, updatedAt: new Date(Date.UTC(2026, 11, 3, 8)), suites: SUITE_LIST, results });

    expect(second).toContain('old alpha figures');
    expect(second).toContain('Measured 2026-12-01 09:00 UTC');
    expect(second).toContain('new beta figures');
    expect(second).toContain('Measured 2026-12-03 08:00 UTC');
    expect(second).not.toContain('old beta figures');
    expect(parseResults(second).size).toBe(2);
    // Writing what was read changes nothing.
    expect(renderBenchmarks({ machine: MACHINE, updatedAt: new Date(Date.UTC(2026, 11, 3, 8)), suites: SUITE_LIST, results: parseResults(second) })).toBe(second);
  });

  it('says when a kept section was measured on another machine than the latest run', () => {
    const results = new Map([['alpha', resultOf(run({}), OTHER_MACHINE)], ['beta', resultOf(run({}), MACHINE)]]);
    const text = renderBenchmarks({ machine: MACHINE, updatedAt: new Date(Date.UTC(2026, 11, 3)), suites: SUITE_LIST, results });
    const alpha = text.slice(text.indexOf('## alpha'), text.indexOf('## beta'));
    const beta = text.slice(text.indexOf('## beta'), text.indexOf('## gamma'));
    expect(alpha).toContain(`Measured on a different machine: ${machineFingerprint(OTHER_MACHINE)}.`);
    expect(beta).not.toContain('different machine');
    expect(parseResults(text).get('alpha')?.machine).toBe(machineFingerprint(OTHER_MACHINE));
  });

  it('records a failed suite with the end of its error output', () => {
    const result = resultOf(run({ exitCode: 1, errorTail: ['TARGET MISSED: large: 200 calls > 1.1 × the minimum 150'] }), MACHINE);
    expect(result.measured).toContain('**failed or missed a target** (exit code 1)');
    expect(result.measured).toContain('TARGET MISSED: large: 200 calls > 1.1 × the minimum 150');
  });

  it('reads no results from a document it did not write', () => {
    expect(parseResults('# Benchmarks\n\nSome hand-written table.\n').size).toBe(0);
  });
});

describe('bench helpers', () => {
  it('writes Markdown tables with right-aligned number columns and escaped pipes', () => {
    expect(markdownTable([{ title: 'name' }, { title: 'ms', align: 'right' }], [['a|b', 12]])).toBe('| name | ms |\n| --- | ---: |\n| a\\|b | 12 |');
  });

  it('registers every bench/*.bench.ts once, with a summary each', () => {
    const files = readdirSync(path.join(__dirname, '..', '..', 'bench')).filter((file) => file.endsWith(SUITE_FILE_SUFFIX));
    expect(SUITES.map((suite) => `${suite.name}${SUITE_FILE_SUFFIX}`).sort()).toEqual(files.sort());
    for (const suite of SUITES) expect(suite.summary).toMatch(/^[a-z].{20,}[^.]$/);
  });
});

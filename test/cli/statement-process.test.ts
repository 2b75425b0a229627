import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linksDocument, pageOf, planDocument, statementJson, worklog, writeDocuments } from './fixtures';
import { csvRecords } from '../support/csv';

const root = join(__dirname, '..', '..');

interface ProcessRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runProcess(command: string, args: readonly string[]): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ exitCode, stdout, stderr });
    });
  });
}

/**
 * The bin and a fresh build of the source beside it, in a folder of their own: the repository's dist/ (built by
 * npm install's prepare script) may be older than the source, and another test run may be rebuilding it.
 */
const build = mkdtempSync(join(tmpdir(), 'support-hours-cli-'));
mkdirSync(join(build, 'bin'));
copyFileSync(join(root, 'bin', 'support-hours.js'), join(build, 'bin', 'support-hours.js'));
const cli = (...args: string[]) => runProcess('node', [join(build, 'bin', 'support-hours.js'), ...args]);
const codeCache = join(build, 'dist', 'support-hours.js.v8-cache');
let codeCacheAfterFirstRun = Buffer.alloc(0);

function exampleArgs(scenario: string, ...extra: string[]): string[] {
  const file = (name: string) => `examples/${scenario}/${name}.json`;
  return ['statement', '--plan', file('plan'), '--links', file('links'), '--worklogs', file('worklogs'), '--period', '2026-10', ...extra];
}

describe('support-hours as a child process', () => {
  const injection = writeDocuments({
    plan: planDocument(),
    links: [
      { issueId: '1001', issueKey: '=HYPERLINK("http://evil.example","x")', planId: 'tiny', billingClass: 'covered' },
      { issueId: '1002', issueKey: 'Key, with "quotes"', planId: 'tiny', billingClass: 'extra' },
    ],
    worklogs: pageOf([
      { ...worklog('1', '1001', '2026-10-05T09:00:00.000+0200', 3600), author: { accountId: '@admin', displayName: '-2+3' } },
      worklog('2', '1002', '2026-10-06T09:00:00.000+0200', 1800),
    ]),
  });
  const badPlan = writeDocuments({ plan: planDocument({ timeZone: 'Mars/Olympus' }), links: linksDocument(), worklogs: [] });
  const runs: Record<string, ProcessRun> = {};

  beforeAll(async () => {
    runs.build = await runProcess('npm', ['run', '--silent', 'build:cli', '--', `--outfile=${join(build, 'dist', 'support-hours.js')}`]);
    // The first run finds no code cache and leaves one; the runs after it start from it.
    runs.help = await cli('--help');
    codeCacheAfterFirstRun = readFileSync(codeCache);
    const planned: Record<string, Promise<ProcessRun>> = {
      npx: runProcess('npx', ['--no-install', 'support-hours', '--help']),
      contractJson: cli(...exampleArgs('contract-300h', '--as-of', '2026-10-20T12:00:00Z')),
      contractCsv: cli(...exampleArgs('contract-300h', '--format', 'csv')),
      contractText: cli(...exampleArgs('contract-300h', '--as-of', '2026-10-20T12:00:00Z', '--format', 'text')),
      injectionCsv: cli(
        'statement', '--plan', injection.plan, '--links', injection.links, '--worklogs', injection.worklogs, '--period', '2026-10', '--format', 'csv',
      ),
      badPlan: cli('statement', '--plan', badPlan.plan, '--links', badPlan.links, '--worklogs', badPlan.worklogs, '--period', '2026-10'),
      usage: cli('statement', '--plan', 'examples/payg/plan.json'),
    };
    const finished = await Promise.all(Object.values(planned));
    Object.keys(planned).forEach((name, index) => {
      const run = finished[index];
      if (run !== undefined) runs[name] = run;
    });
    // A cache V8 rejects (from another bundle or another Node, or damaged) is compiled past and replaced.
    writeFileSync(codeCache, 'not a code cache');
    runs.rejectedCache = await cli(...exampleArgs('payg', '--format', 'text'));
  }, 240_000);

  const ran = (name: string): ProcessRun => {
    const run = runs[name];
    if (run === undefined) throw new Error(`no run named ${name}`);
    return run;
  };
  const statementOf = (name: string) => statementJson(ran(name).stdout);

  it('builds', () => {
    expect(ran('build')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('says how to build the CLI when dist/ is missing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'support-hours-unbuilt-'));
    mkdirSync(join(folder, 'bin'));
    copyFileSync(join(root, 'bin', 'support-hours.js'), join(folder, 'bin', 'support-hours.js'));
    expect(await runProcess('node', [join(folder, 'bin', 'support-hours.js'), '--help'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'support-hours: the CLI is not built yet: run "npm install" (or "npm run build:cli") in the repository first.\n',
    });
  });

  it('prints its usage with --help, also through npx from the repository root, and says how to call it from anywhere', () => {
    for (const name of ['help', 'npx']) {
      expect(ran(name).exitCode).toBe(0);
      expect(ran(name).stdout).toMatch(/^Usage: node bin\/support-hours.js statement --plan <plan.json>/);
      expect(ran(name).stdout).toContain('"npm link"');
    }
  });

  it('the contract example goes past its allowance in 2026-10, and its total is the sum of the charge lines', () => {
    const statement = statementOf('contractJson');
    expect(ran('contractJson')).toMatchObject({ exitCode: 0, stderr: '' });
    expect(statement.totalMinor).toBe(statement.charges.reduce((sum, charge) => sum + charge.amountMinor, 0));
    expect(statement.overageSeconds).toBeGreaterThan(0);
    expect(statement.charges.map((charge) => charge.kind)).toEqual(['fixed-fee', 'overage', 'extra']);
  });

  it('CSV figures equal the JSON statement exactly', () => {
    const statement = statementOf('contractJson');
    const records = csvRecords(ran('contractCsv').stdout);
    const worklogRows = records.filter((record) => record.record === 'worklog');
    const sum = (column: string) => worklogRows.reduce((total, record) => total + Number(record[column]), 0);
    expect(worklogRows).toHaveLength(statement.lines.length);
    expect([sum('covered_seconds'), sum('overage_seconds'), sum('extra_seconds'), sum('non_billable_seconds')]).toEqual([
      statement.usedCoveredSeconds,
      statement.overageSeconds,
      statement.extraSeconds,
      statement.nonBillableSeconds,
    ]);
    const charges = records.filter((record) => record.record === 'charge').map((record) => [record.charge, Number(record.amount_minor)]);
    expect(charges).toEqual(statement.charges.map((charge) => [charge.kind, charge.amountMinor]));
    const total = records.filter((record) => record.record === 'total');
    expect(total.map((record) => [Number(record.amount_minor), record.amount, record.currency])).toEqual([
      [statement.totalMinor, (statement.totalMinor / 100).toFixed(2), 'EUR'],
    ]);
  });

  it('CSV quotes per RFC 4180 and defuses formulas', () => {
    const { exitCode, stdout } = ran('injectionCsv');
    expect(exitCode).toBe(0);
    expect(stdout.split('\r\n').slice(1, 3)).toEqual([
      `worklog,1,"'=HYPERLINK(""http://evil.example"",""x"")",,'@admin,'-2+3,2026-10-05T09:00:00.000+02:00,2026-10-05,covered,3600,3600,3600,0,0,0,1.00,1.00,1.00,0.00,0.00,0.00,,,,,,,,,3600,1.00,1,`,
      `worklog,2,"Key, with ""quotes""",,agent-0,Agent 0,2026-10-06T09:00:00.000+02:00,2026-10-06,extra,1800,1800,0,0,1800,0,0.50,0.50,0.00,0.00,0.50,0.00,,,,,,,,,1800,0.50,1,`,
    ]);
  });

  it('prints the text summary of the demo contract', () => {
    const { exitCode, stdout } = ran('contractText');
    expect(exitCode).toBe(0);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'Acme Corp: 300 h a month (acme-300h): statement for 2026-10',
      '  2026-10-01 00:00 to 2026-11-01 00:00 (Europe/Berlin), 239 worklogs',
    ]);
  });

  it('keeps the compiled code beside the bundle, and replaces a code cache V8 rejects', () => {
    expect(codeCacheAfterFirstRun.byteLength).toBeGreaterThan(10_000);
    expect(ran('rejectedCache')).toMatchObject({ exitCode: 0, stderr: '' });
    expect(ran('rejectedCache').stdout.split('\n')[0]).toBe('Globex: pay as you go (globex-payg): statement for 2026-10');
    expect(readFileSync(codeCache).byteLength).toBeGreaterThan(10_000);
  });

  it('bad input: exit 1, the reason on stderr, nothing on stdout', () => {
    expect(ran('badPlan')).toEqual({ exitCode: 1, stdout: '', stderr: `${badPlan.plan}: timeZone: "Mars/Olympus" is not a known IANA time zone\n` });
  });

  it('a bad command line: exit 2, nothing on stdout', () => {
    expect(ran('usage')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'support-hours: --links is required\nRun it with --help for usage.\n',
    });
  });
});

import { runCli } from '../../src/cli/run-cli';
import { linksDocument, pageOf, planDocument, statementJson, worklog, worklogsArray, writeDocuments } from './fixtures';

interface Run {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[]): Run {
  let stdout = '';
  let stderr = '';
  const exitCode = runCli(args, { writeOut: (text) => (stdout += text), writeError: (text) => (stderr += text) });
  return { exitCode, stdout, stderr };
}

function statementArgs(paths: Record<'plan' | 'links' | 'worklogs', string>, ...extra: string[]): string[] {
  return ['statement', '--plan', paths.plan, '--links', paths.links, '--worklogs', paths.worklogs, '--period', '2026-10', ...extra];
}

function runWith(documents: { plan?: unknown; links?: unknown; worklogs?: unknown }, ...extra: string[]) {
  const paths = writeDocuments({
    plan: documents.plan ?? planDocument(),
    links: documents.links ?? linksDocument(),
    worklogs: documents.worklogs ?? pageOf(worklogsArray()),
  });
  return { paths, result: run(statementArgs(paths, ...extra)) };
}

/** Bad input: exit code 1, nothing on stdout, exactly these lines on stderr. */
function expectRejected(result: Run, lines: readonly string[]) {
  expect(result).toEqual({ exitCode: 1, stdout: '', stderr: lines.map((line) => `${line}\n`).join('') });
}

describe('support-hours statement (in process)', () => {
  it('computes the statement of the fixture exactly', () => {
    const { result } = runWith({});
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const statement = statementJson(result.stdout);
    expect(statement.charges.map((charge) => [charge.kind, charge.amountMinor])).toEqual([
      ['fixed-fee', 50000],
      ['overage', 12500],
      ['extra', 18750],
      ['block-purchase', 9000],
    ]);
    expect([statement.usedCoveredSeconds, statement.overageSeconds, statement.extraSeconds, statement.nonBillableSeconds]).toEqual([
      44100, 4500, 4500, 1200,
    ]);
    expect(statement.totalMinor).toBe(90250);
  });

  it('renders every instant also in the plan time zone, next to it', () => {
    const statement = statementJson(runWith({}, '--as-of', '2026-10-20T12:00:00Z').result.stdout);
    expect(statement.period).toEqual({
      index: 0,
      label: '2026-10',
      startDate: '2026-10-01',
      endDateExclusive: '2026-11-01',
      start: Date.parse('2026-09-30T22:00:00Z'),
      startIso: '2026-10-01T00:00:00.000+02:00',
      end: Date.parse('2026-10-31T23:00:00Z'),
      endIso: '2026-11-01T00:00:00.000+01:00',
    });
    expect(statement.lines.at(-1)).toMatchObject({ startedIso: '2026-10-26T09:00:00.000+01:00' });
    expect(statement.forecast).toMatchObject({ asOfIso: '2026-10-20T14:00:00.000+02:00' });
  });

  it.each(['contract-300h', 'payg', 'mixed'])('examples/%s: the total is the sum of at least two charge lines', (scenario) => {
    const file = (name: string) => `examples/${scenario}/${name}.json`;
    const result = run(statementArgs({ plan: file('plan'), links: file('links'), worklogs: file('worklogs') }));
    const statement = statementJson(result.stdout);
    const { charges } = statement;
    expect([result.exitCode, result.stderr, charges.length > 1]).toEqual([0, '', true]);
    expect(statement.totalMinor).toBe(charges.reduce((sum, charge) => sum + charge.amountMinor, 0));
  });

  it('refuses a period outside the example plan', () => {
    const file = (name: string) => `examples/contract-300h/${name}.json`;
    const args = statementArgs({ plan: file('plan'), links: file('links'), worklogs: file('worklogs') });
    expectRejected(run([...args.slice(0, -1), '2026-07']), [
      '--period 2026-07: plan "acme-300h" (from 2026-08-01, by month) has no period starting in that month',
    ]);
  });

  it('prints a text summary for people', () => {
    const { result } = runWith({}, '--as-of', '2026-10-20T12:00:00Z', '--format', 'text');
    expect(result.stdout).toBe(
      [
        'Tiny plan (tiny): statement for 2026-10',
        '  2026-10-01 00:00 to 2026-11-01 00:00 (Europe/Berlin), 5 worklogs',
        '',
        'Hours',
        '  included        10.00 h',
        '  purchased        1.00 h',
        '  available       11.00 h',
        '  used (covered)  12.25 h',
        '  remaining        0.00 h',
        '  overage          1.25 h',
        '  extra            1.25 h',
        '  non-billable     0.33 h',
        '',
        'Charges',
        '  Fixed fee for 2026-10                    EUR 500.00',
        '  Overage                                  EUR 125.00  1.25 h at EUR 100.00/h',
        '  Extra work                               EUR 187.50  1.25 h at EUR 150.00/h',
        '  Prepaid block bank purchased 2026-10-01   EUR 90.00  1.00 h',
        '  Total due                                EUR 902.50',
        '',
        'Thresholds crossed',
        '  80% at 2026-10-12 09:00 by worklog 2 (12.00 h used)',
        '',
        'Forecast as of 2026-10-20 14:00',
        '  average daily burn            0.61 h',
        '  projected use                19.02 h',
        '  projected run-out   2026-10-12 09:00',
        '',
        'By issue',
        '  TINY-1  12.25 h  3 worklogs; covered 12.25, overage 1.25, extra 0.00, non-billable 0.00',
        '  TINY-2   1.25 h  1 worklog; covered 0.00, overage 0.00, extra 1.25, non-billable 0.00',
        '  1003     0.33 h  1 worklog; covered 0.00, overage 0.00, extra 0.00, non-billable 0.33',
        '',
        'By author',
        '  Agent 0  6.33 h  2 worklogs; covered 6.00, overage 1.00, extra 0.00, non-billable 0.33',
        '  Agent 1  7.50 h  3 worklogs; covered 6.25, overage 0.25, extra 1.25, non-billable 0.00',
        '',
      ].join('\n'),
    );
  });

  it('reports linked worklogs before the plan started', () => {
    const worklogs = [...worklogsArray(), worklog('9', '1001', '2026-09-30T23:59:00.000+0200', 600)];
    const { result } = runWith({ worklogs }, '--format', 'text');
    expect(result.stdout.split('\n').slice(-2)).toEqual(["Outside the plan's dates: 1 worklog of linked issues", '']);
    const statement = statementJson(runWith({ worklogs }).result.stdout);
    expect(statement.outOfPlan).toEqual([
      {
        worklogId: '9',
        issueId: '1001',
        started: Date.parse('2026-09-30T21:59:00Z'),
        startedIso: '2026-09-30T23:59:00.000+02:00',
        reason: 'before-plan-start',
      },
    ]);
  });

  it('warns on stderr, and still prints the statement, when no worklog of the period is on a linked issue', () => {
    const { paths, result } = runWith({ links: [{ issueId: '2001', planId: 'tiny', billingClass: 'covered' }] });
    expect(result.exitCode).toBe(0);
    expect(statementJson(result.stdout).lines).toEqual([]);
    expect(result.stderr).toBe(
      `warning: 0 of 5 worklogs are on issues linked to this plan (the worklogs of 2026-10 in ${paths.worklogs}, the links in ${paths.links})\n`,
    );
  });

  it('does not warn when some worklog of the period is on a linked issue, nor about other periods', () => {
    const links = [{ issueId: '1003', planId: 'tiny', billingClass: 'non-billable' }];
    expect(runWith({ links }).result.stderr).toBe('');
    const paths = writeDocuments({ plan: planDocument(), links: linksDocument(), worklogs: worklogsArray() });
    expect(run([...statementArgs(paths).slice(0, -1), '2026-11']).stderr).toBe('');
  });

  it('gives the same statement for a PageOfWorklogs, an array of pages and a plain array', () => {
    const [first, second, ...rest] = worklogsArray();
    const outputs = [pageOf(worklogsArray()), [pageOf([first, second]), pageOf(rest, 2)], worklogsArray()].map(
      (worklogs) => runWith({ worklogs }).result,
    );
    expect(outputs.map((output) => output.exitCode)).toEqual([0, 0, 0]);
    expect(outputs[1]?.stdout).toBe(outputs[0]?.stdout);
    expect(outputs[2]?.stdout).toBe(outputs[0]?.stdout);
  });

  describe('rejects bad input naming the file, the record and the field', () => {
    it('an unknown field in the plan', () => {
      const { paths, result } = runWith({ plan: planDocument({ colour: 'gold' }) });
      expectRejected(result, [`${paths.plan}: colour: is not a known field`]);
    });

    it('a wrong type', () => {
      const { paths, result } = runWith({ plan: planDocument({ overageRateMinor: '100' }) });
      expectRejected(result, [`${paths.plan}: overageRateMinor: must be a number, not string "100"`]);
    });

    it('a missing rate for the kind', () => {
      const { paths, result } = runWith({ plan: planDocument({ kind: 'pay-as-you-go', allowance: undefined, blocks: undefined, overageRateMinor: undefined }) });
      expectRejected(result, [`${paths.plan}: hourlyRateMinor: is required`]);
    });

    it('an unknown time zone', () => {
      const { paths, result } = runWith({ plan: planDocument({ timeZone: 'Europe/Berln' }) });
      expectRejected(result, [`${paths.plan}: timeZone: "Europe/Berln" is not a known IANA time zone`]);
    });

    it('an unknown currency', () => {
      const { paths, result } = runWith({ plan: planDocument({ currency: 'EUD' }) });
      expectRejected(result, [`${paths.plan}: currency: "EUD" is not a known ISO 4217 currency`]);
    });

    it('negative hours', () => {
      const { paths, result } = runWith({ plan: planDocument({ allowance: { includedSeconds: -3600 } }) });
      expectRejected(result, [`${paths.plan}: allowance.includedSeconds: must not be negative (seconds)`]);
    });

    it('non-integer money', () => {
      const { paths, result } = runWith({ plan: planDocument({ extraRateMinor: 150.5 }) });
      expectRejected(result, [`${paths.plan}: extraRateMinor: must be a whole number of minor units (a safe integer)`]);
    });

    it('an integer beyond the safe range', () => {
      const { paths, result } = runWith({ plan: planDocument({ extraRateMinor: 9007199254740992 }) });
      expectRejected(result, [`${paths.plan}: extraRateMinor: must be a whole number of minor units (a safe integer)`]);
    });

    it('a rate far above any real one (an integer, but with too many digits)', () => {
      const { paths, result } = runWith({ plan: planDocument({ extraRateMinor: 9007199254740991 }) });
      expectRejected(result, [`${paths.plan}: extraRateMinor: must be at most 10000000000 minor units per hour`]);
    });

    it('a price far above any real one', () => {
      const blocks = [{ id: 'bank', purchasedOn: '2026-10-01', seconds: 3600, priceMinor: 90071992547409 }];
      const { paths, result } = runWith({ plan: planDocument({ blocks }) });
      expectRejected(result, [`${paths.plan}: blocks[0].priceMinor (id "bank"): must be at most 10000000000000 minor units`]);
    });

    it('a charge too large to be exact: the highest rate on an absurd worklog names the rate, no stack trace', () => {
      // A whole number of the fixture's 15-minute increments, so rounding leaves it as it is.
      const worklogs = [worklog('1', '1002', '2026-10-05T09:00:00.000+0200', 3_300_000_300)];
      const { paths, result } = runWith({ plan: planDocument({ extraRateMinor: 10_000_000_000 }), worklogs });
      expectRejected(result, [
        `${paths.plan}: plan.extraRateMinor: extra work in 2026-10 (3300000300 s at 10000000000 per hour) would be 9166667500000000 minor units, ` +
          'more than amounts are exact up to (9007199254740991)',
      ]);
    });

    it('a block without a purchase date', () => {
      const { paths, result } = runWith({ plan: planDocument({ blocks: [{ id: 'bank', seconds: 3600 }] }) });
      expectRejected(result, [`${paths.plan}: blocks[0].purchasedOn (id "bank"): is required`]);
    });

    it('a block bought before the plan started', () => {
      const { paths, result } = runWith({ plan: planDocument({ blocks: [{ id: 'old', purchasedOn: '2026-09-30', seconds: 3600 }] }) });
      expectRejected(result, [`${paths.plan}: blocks[0].purchasedOn (id "old"): must not be before the plan's startDate 2026-10-01`]);
    });

    it('a block expiring before its purchase', () => {
      const blocks = [{ id: 'bank', purchasedOn: '2026-10-10', expiresOn: '2026-10-09', seconds: 3600 }];
      const { paths, result } = runWith({ plan: planDocument({ blocks }) });
      expectRejected(result, [`${paths.plan}: blocks[0].expiresOn (id "bank"): must not be before purchasedOn 2026-10-10`]);
    });

    it('an end date before the start date', () => {
      const { paths, result } = runWith({ plan: planDocument({ endDate: '2026-09-30' }) });
      expectRejected(result, [`${paths.plan}: endDate: must not be before startDate 2026-10-01`]);
    });

    it('an impossible date', () => {
      const { paths, result } = runWith({ plan: planDocument({ endDate: '2027-02-29' }) });
      expectRejected(result, [`${paths.plan}: endDate: must be a real calendar date written YYYY-MM-DD`]);
    });

    it('duplicate block ids', () => {
      const blocks = [
        { id: 'bank', purchasedOn: '2026-10-01', seconds: 3600 },
        { id: 'bank', purchasedOn: '2026-10-02', seconds: 3600 },
      ];
      const { paths, result } = runWith({ plan: planDocument({ blocks }) });
      expectRejected(result, [`${paths.plan}: blocks[1].id (id "bank"): is used by an earlier block`]);
    });

    it('a threshold outside 1..1000', () => {
      const { paths, result } = runWith({ plan: planDocument({ thresholdsPercent: [80, 1200] }) });
      expectRejected(result, [`${paths.plan}: thresholdsPercent[1]: must be between 1 and 1000 percent`]);
    });

    it('a rollover expiring after fewer than 1 period', () => {
      const allowance = { includedSeconds: 36000, rollover: { capSeconds: 3600, expiresAfterPeriods: 0 } };
      const { paths, result } = runWith({ plan: planDocument({ allowance }) });
      expectRejected(result, [`${paths.plan}: allowance.rollover.expiresAfterPeriods: must be at least 1 (1 = the next period only)`]);
    });

    it('a bad started timestamp', () => {
      const worklogs = pageOf([...worklogsArray(), worklog('6', '1001', '2026-10-27 09:00', 60)]);
      const { paths, result } = runWith({ worklogs });
      expectRejected(result, [`${paths.worklogs}: worklogs[5].started (id "6"): must be a timestamp like 2026-10-05T09:00:00.000+0200`]);
    });

    it('a link naming another plan', () => {
      const links = [...linksDocument(), { issueId: '1004', planId: 'other', billingClass: 'covered' }];
      const { paths, result } = runWith({ links });
      expectRejected(result, [`${paths.links}: [3].planId (issueId "1004"): names plan "other", but the plan is "tiny"`]);
    });

    it('two links for one issue', () => {
      const links = [...linksDocument(), { issueId: '1001', planId: 'tiny', billingClass: 'extra' }];
      const { paths, result } = runWith({ links });
      expectRejected(result, [`${paths.links}: [3].issueId (issueId "1001"): links the same issue as [0]`]);
    });

    it('problems in several files at once', () => {
      const { paths, result } = runWith({ plan: planDocument({ currency: 'EUD' }), worklogs: [worklog('1', '1001', 'yesterday', 60)] });
      expectRejected(result, [
        `${paths.plan}: currency: "EUD" is not a known ISO 4217 currency`,
        `${paths.worklogs}: [0].started (id "1"): must be a timestamp like 2026-10-05T09:00:00.000+0200`,
      ]);
    });

    it('a period the plan does not have', () => {
      const paths = writeDocuments({ plan: planDocument({ endDate: '2026-12-31' }), links: linksDocument(), worklogs: [] });
      const result = run([...statementArgs(paths).slice(0, -1), '2027-01']);
      expectRejected(result, ['--period 2027-01: plan "tiny" (from 2026-10-01 to 2026-12-31, by month) has no period starting in that month']);
    });

    it('a file that does not exist', () => {
      const paths = { ...writeDocuments({ plan: planDocument(), links: linksDocument() }), worklogs: '/nonexistent/worklogs.json' };
      expectRejected(run(statementArgs(paths)), ['/nonexistent/worklogs.json: cannot read the file (no such file)']);
    });

    it('a file that is not JSON: the line and column where it goes wrong', () => {
      const { paths, result } = runWith({ links: '[{"issueId": ' });
      expectRejected(result, [`${paths.links}:1:14: not valid JSON: value expected`]);
    });

    it('a missing comma and a trailing one, lines down', () => {
      const { paths, result } = runWith({ plan: '{\n  "id": "tiny"\n  "name": "Tiny"\n}', worklogs: '[\n  {"id": "1"},\n]' });
      expectRejected(result, [`${paths.plan}:3:3: not valid JSON: comma expected`, `${paths.worklogs}:3:1: not valid JSON: value expected`]);
    });
  });

  describe('rejects a bad command line with exit code 2', () => {
    it.each([
      [[], 0, ''],
      [['report'], 2, 'support-hours: unknown command "report"\n'],
      [['statement', '--plan', 'p.json'], 2, 'support-hours: --links is required\n'],
      [['statement', '--plan', 'p', '--links', 'l', '--worklogs', 'w', '--period', '2026-13'], 2, 'support-hours: --period must be a month written YYYY-MM, not "2026-13"\n'],
      [['statement', '--plan', 'p', '--links', 'l', '--worklogs', 'w', '--period', '2026-10', '--format', 'xml'], 2, 'support-hours: --format must be one of json, csv, text, not "xml"\n'],
      [['statement', '--plan', 'p', '--links', 'l', '--worklogs', 'w', '--period', '2026-10', '--as-of', 'noon'], 2, 'support-hours: --as-of must be a timestamp with an offset, e.g. 2026-10-20T12:00:00Z, not "noon"\n'],
    ])('%j', (args, exitCode, firstLine) => {
      const result = run(args);
      expect(result.exitCode).toBe(exitCode);
      if (exitCode === 0) expect(result.stdout).toMatch(/^Usage: node bin\/support-hours.js statement/);
      else expect([result.stdout, `${result.stderr.split('\n')[0] ?? ''}\n`]).toEqual(['', firstLine]);
    });

    it.each([
      [['--colour', 'red'], 'unknown option --colour'],
      [['--fromat', 'text'], 'unknown option --fromat (did you mean --format?)'],
      [['--plna', 'p.json'], 'unknown option --plna (did you mean --plan?)'],
      [['--asof', '2026-10-20T12:00:00Z'], 'unknown option --asof (did you mean --as-of?)'],
      [['-x'], 'unknown option -x'],
      [['--period'], '--period needs a value'],
      [['--links', '--worklogs', 'w.json'], '--links needs a value, not the option --worklogs (write --links=--worklogs for a value that starts with --)'],
      [['--help=yes'], '--help takes no value'],
    ])('a misspelt or misused option: %j', (flags, message) => {
      expect(run(['statement', '--plan', 'p', ...flags])).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: `support-hours: ${message}\nRun it with --help for usage.\n`,
      });
    });

    it('a misspelt command', () => {
      expect(run(['statment']).stderr.split('\n')[0]).toBe('support-hours: unknown command "statment" (did you mean statement?)');
    });
  });
});

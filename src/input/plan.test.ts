import fc from 'fast-check';
import { canonicalJson } from '../ledger/canonical-json';
import { buildHistory, listPeriods } from '../ledger';
import { amendedPlanSchema, parsePlan } from './plan';
import type { InputResult } from './result';

function bucketPlanDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'acme-gold',
    name: 'ACME Gold',
    kind: 'buckets',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    startDate: '2026-01-01',
    period: 'month',
    rounding: { incrementSeconds: 900, minimumSeconds: 900 },
    thresholdsPercent: [80, 100],
    extraRateMinor: 15000,
    allowance: { includedSeconds: 1080000, fixedFeeMinor: 2400000, rollover: { capSeconds: 180000, expiresAfterPeriods: 1 } },
    blocks: [{ id: 'b-1', purchasedOn: '2026-03-01', seconds: 360000, expiresOn: '2026-12-31', priceMinor: 900000 }],
    overageRateMinor: 9500,
    ...overrides,
  };
}

function payAsYouGoDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'walk-in',
    name: 'Walk-in',
    kind: 'pay-as-you-go',
    currency: 'GBP',
    timeZone: 'Europe/London',
    startDate: '2026-03-15',
    extraRateMinor: 0,
    hourlyRateMinor: 12000,
    ...overrides,
  };
}

function block(overrides: Record<string, unknown>): Record<string, unknown> {
  return { id: 'b-1', purchasedOn: '2026-03-01', seconds: 360000, ...overrides };
}

function issuesOf<T>(result: InputResult<T>): readonly { path: string; record?: string; message: string }[] {
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.issues;
}

describe('parsePlan', () => {
  it('reads a bucket plan into the ledger type unchanged, without the editor hint', () => {
    const document = bucketPlanDocument({ $schema: '../../schemas/plan.schema.json' });
    const { $schema: _hint, ...expected } = document;
    expect(parsePlan(document)).toEqual({ ok: true, value: expected });
  });

  it('fills in the defaults of a minimal pay-as-you-go plan', () => {
    expect(parsePlan(payAsYouGoDocument())).toEqual({
      ok: true,
      value: {
        ...payAsYouGoDocument(),
        period: 'month',
        rounding: { incrementSeconds: 0, minimumSeconds: 0 },
        thresholdsPercent: [],
      },
    });
  });

  it('defaults a block price, a fixed fee and the block list to nothing', () => {
    const result = parsePlan(bucketPlanDocument({ allowance: { includedSeconds: 3600 }, blocks: undefined }));
    expect(result.ok && result.value.kind === 'buckets' && [result.value.blocks, result.value.allowance]).toEqual([
      [],
      { includedSeconds: 3600, fixedFeeMinor: 0 },
    ]);
  });

  it.each<[string, Record<string, unknown>, { path: string; record?: string; message: string }]>([
    ['an unknown field', { colour: 'gold' }, { path: 'colour', message: 'is not a known field' }],
    ['a field of the other kind', { hourlyRateMinor: 100 }, { path: 'hourlyRateMinor', message: 'is not a known field' }],
    ['a wrong type', { startDate: 20260101 }, { path: 'startDate', message: 'must be a string, not number 20260101' }],
    ['an unknown kind', { kind: 'retainer' }, { path: 'kind', message: 'must be "pay-as-you-go" or "buckets"' }],
    ['a missing overage rate', { overageRateMinor: undefined }, { path: 'overageRateMinor', message: 'is required' }],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, { path: 'timeZone', message: '"Europe/Atlantis" is not a known IANA time zone' }],
    ['an unknown currency', { currency: 'EUX' }, { path: 'currency', message: '"EUX" is not a known ISO 4217 currency' }],
    ['a lower-case currency', { currency: 'eur' }, { path: 'currency', message: 'must be an ISO 4217 code of three capital letters, e.g. "EUR"' }],
    ['a negative rate', { overageRateMinor: -1 }, { path: 'overageRateMinor', message: 'must not be negative (minor units)' }],
    ['a fractional rate', { overageRateMinor: 95.5 }, { path: 'overageRateMinor', message: 'must be a whole number of minor units (a safe integer)' }],
    ['an unsafe integer', { extraRateMinor: 2 ** 53 }, { path: 'extraRateMinor', message: 'must be a whole number of minor units (a safe integer)' }],
    ['negative seconds', { rounding: { incrementSeconds: -900 } }, { path: 'rounding.incrementSeconds', message: 'must not be negative (seconds)' }],
    ['an impossible date', { startDate: '2026-02-30' }, { path: 'startDate', message: 'must be a real calendar date written YYYY-MM-DD' }],
    ['an end before the start', { endDate: '2025-12-31' }, { path: 'endDate', message: 'must not be before startDate 2026-01-01' }],
    ['a threshold of 0', { thresholdsPercent: [0] }, { path: 'thresholdsPercent[0]', message: 'must be between 1 and 1000 percent' }],
    ['a threshold above 1000', { thresholdsPercent: [80, 1001] }, { path: 'thresholdsPercent[1]', message: 'must be between 1 and 1000 percent' }],
    [
      'a rollover expiring after 0 periods',
      { allowance: { includedSeconds: 3600, rollover: { capSeconds: 3600, expiresAfterPeriods: 0 } } },
      { path: 'allowance.rollover.expiresAfterPeriods', message: 'must be at least 1 (1 = the next period only)' },
    ],
    [
      'a block without a purchase date',
      { blocks: [{ id: 'b-1', seconds: 3600 }] },
      { path: 'blocks[0].purchasedOn', record: 'id "b-1"', message: 'is required' },
    ],
    [
      'a block bought before the plan started',
      { blocks: [block({ id: 'early', purchasedOn: '2025-12-31' })] },
      { path: 'blocks[0].purchasedOn', record: 'id "early"', message: "must not be before the plan's startDate 2026-01-01" },
    ],
    [
      'a block expiring before its purchase',
      { blocks: [block({ expiresOn: '2026-02-28' })] },
      { path: 'blocks[0].expiresOn', record: 'id "b-1"', message: 'must not be before purchasedOn 2026-03-01' },
    ],
    [
      'two blocks with one id',
      { blocks: [block({}), block({ purchasedOn: '2026-04-01' })] },
      { path: 'blocks[1].id', record: 'id "b-1"', message: 'is used by an earlier block' },
    ],
  ])('rejects %s', (_case, overrides, expectedIssue) => {
    expect(issuesOf(parsePlan(bucketPlanDocument(overrides)))).toEqual([expectedIssue]);
  });

  it('rejects a pay-as-you-go plan without its hourly rate', () => {
    expect(issuesOf(parsePlan(payAsYouGoDocument({ hourlyRateMinor: undefined })))).toEqual([
      { path: 'hourlyRateMinor', message: 'is required' },
    ]);
  });

  it('reports every problem at once', () => {
    const issues = issuesOf(parsePlan(payAsYouGoDocument({ timeZone: 'Nowhere', currency: 'ZZZ', name: '' })));
    expect(issues).toEqual([
      { path: 'name', message: 'must not be empty, nor start or end with a space' },
      { path: 'currency', message: '"ZZZ" is not a known ISO 4217 currency' },
      { path: 'timeZone', message: '"Nowhere" is not a known IANA time zone' },
    ]);
  });

  it('rejects a document that is not an object', () => {
    expect(issuesOf(parsePlan([]))).toEqual([{ path: '', message: 'must be an object, not an array' }]);
  });
});

/** A plan document's terms: everything but the plan's identity and its blocks. */
function termsOf(document: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, name: _name, kind: _kind, currency: _currency, timeZone: _zone, startDate: _start, blocks: _blocks, ...terms } = document;
  return terms;
}

/** The bucket plan document written with a `terms` list: identity at the top, each version's terms with its `from`. */
function versionsDocument(document: Record<string, unknown>, ...later: Record<string, unknown>[]): Record<string, unknown> {
  const { id, name, kind, currency, timeZone, startDate, endDate, alertRecipients, $schema, ...terms } = document;
  const identity = { id, name, kind, currency, timeZone, startDate, endDate, alertRecipients, $schema };
  return { ...identity, terms: [{ from: String(startDate).slice(0, 7), ...terms }, ...later] };
}

describe('parsePlan with term versions', () => {
  it('reads a terms list into the plan\'s own terms and its amendments', () => {
    const terms = termsOf(bucketPlanDocument({ overageRateMinor: 12000 }));
    const result = parsePlan(versionsDocument(bucketPlanDocument(), { from: '2026-07', ...terms }));
    expect(result.ok && result.value.kind === 'buckets' && result.value.amendments).toEqual([
      { from: '2026-07', kind: 'buckets', ...terms, blocks: [] },
    ]);
    expect(result.ok && result.value.kind === 'buckets' && result.value.overageRateMinor).toBe(9500);
  });

  it.each<[string, Record<string, unknown>, { path: string; record?: string; message: string }]>([
    ['a version from the first period', { from: '2026-01' }, { path: 'terms[1].from', message: '2026-01 must come after the first period of the version before' }],
    ['a version inside a quarter', { from: '2026-05' }, { path: 'terms[1].from', message: '"2026-05" is not the first month of a period of the plan' }],
    ['a malformed from', { from: 'July' }, { path: 'terms[1].from', message: "must be a period label YYYY-MM: the month in which the version's first period starts" }],
    [
      'a block bought before its version applies',
      { from: '2026-07', blocks: [block({ id: 'b-2', purchasedOn: '2026-06-30' })] },
      { path: 'terms[1].blocks[0].purchasedOn', record: 'id "b-2"', message: 'must not be before 2026-07-01, the first day of these terms' },
    ],
    [
      'a block id used by an earlier version',
      { from: '2026-07', blocks: [block({ purchasedOn: '2026-07-01' })] },
      { path: 'terms[1].blocks[0].id', record: 'id "b-1"', message: 'is used by an earlier block' },
    ],
  ])('rejects %s', (_case, version, expectedIssue) => {
    const base = bucketPlanDocument({ period: 'quarter' });
    const terms = termsOf(base);
    expect(issuesOf(parsePlan(versionsDocument(base, { ...terms, ...version })))).toEqual([expectedIssue]);
  });

  it('rejects a first version that does not start with the plan', () => {
    const document = versionsDocument(bucketPlanDocument());
    const [first] = document.terms as Record<string, unknown>[];
    expect(issuesOf(parsePlan({ ...document, terms: [{ ...first, from: '2026-02' }] }))).toEqual([
      { path: 'terms[0].from', message: "must be 2026-01, the month of the plan's startDate: the first terms apply from its first period" },
    ]);
  });

  it('rejects a block that belongs to a later version', () => {
    const base = bucketPlanDocument({ blocks: [block({ purchasedOn: '2026-08-01' })] });
    const terms = termsOf(base);
    expect(issuesOf(parsePlan(versionsDocument(base, { from: '2026-07', ...terms })))).toEqual([
      { path: 'terms[0].blocks[0].purchasedOn', record: 'id "b-1"', message: 'must be before 2026-07-01, when the next terms apply: list the block there' },
    ]);
  });

  it('reads the stored form, with amendments, back into the same plan', () => {
    const base = bucketPlanDocument();
    const terms = termsOf(base);
    const parsed = parsePlan(versionsDocument(base, { from: '2026-07', ...terms, overageRateMinor: 1 }));
    expect(parsed.ok && amendedPlanSchema.parse(parsed.value)).toEqual(parsed.ok && parsed.value);
  });

  it('prices a one-version terms list exactly as the same plan written flat', () => {
    const hour = fc.integer({ min: 0, max: 100 }).map((hours) => hours * 3600);
    const documentArb = fc.record({
      startDate: fc.constantFrom('2026-01-01', '2026-01-15', '2026-01-31'),
      period: fc.constantFrom('month', 'quarter', 'year'),
      overageRateMinor: fc.integer({ min: 0, max: 30_000 }),
      allowance: fc.record({ includedSeconds: hour, fixedFeeMinor: fc.integer({ min: 0, max: 10_000 }), rollover: fc.record({ capSeconds: hour, expiresAfterPeriods: fc.integer({ min: 1, max: 3 }) }) }),
    });
    const worklogs = [1, 2, 3, 4, 5].map((month) => ({ id: String(month), issueId: '1', started: `2026-0${month}-20T10:00:00.000+0000`, timeSpentSeconds: month * 7 * 3600 }));
    const links = [{ issueId: '1', planId: 'acme-gold', billingClass: 'covered' as const }];
    fc.assert(
      fc.property(documentArb, (overrides) => {
        const flat = parsePlan(bucketPlanDocument({ ...overrides, blocks: [] }));
        const listed = parsePlan(versionsDocument(bucketPlanDocument({ ...overrides, blocks: [] })));
        if (!flat.ok || !listed.ok) throw new Error('expected both documents to be valid');
        expect(listed.value).toEqual(flat.value);
        const throughPeriod = listPeriods(flat.value, Date.UTC(2026, 5, 1)).at(-1) ?? '2026-01';
        const history = (plan: typeof flat.value) => buildHistory({ plan, links, worklogs, throughPeriod }).map(canonicalJson);
        expect(history(listed.value)).toEqual(history(flat.value));
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });
});

describe('parsePlan with multiplier rules', () => {
  const afterHours = { name: 'After hours', when: { kind: 'time-window', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00' }, factorPermille: 1500 };
  const p1 = { name: 'P1 incidents', when: { kind: 'priority', values: ['P1'] }, factorPermille: 2000, overageRateMinor: 20000 };
  const holidays = { name: 'Public holidays', when: { kind: 'holidays', dates: ['2026-12-25', '2026-12-26'] }, factorPermille: 2000 };

  it('reads rules of every kind into the ledger type unchanged', () => {
    const multipliers = [afterHours, p1, holidays, { name: 'Incidents', when: { kind: 'issue-type', values: ['10004'] }, factorPermille: 1250 }];
    const parsed = parsePlan(bucketPlanDocument({ multipliers }));
    expect(parsed.ok && parsed.value.multipliers).toEqual(multipliers);
  });

  it('leaves a plan without rules without the field, as before', () => {
    const parsed = parsePlan(bucketPlanDocument());
    expect(parsed.ok && 'multipliers' in parsed.value).toBe(false);
  });

  it('keeps each term version\'s own rules', () => {
    const base = bucketPlanDocument({ multipliers: [afterHours] });
    const parsed = parsePlan(versionsDocument(base, { from: '2026-07', ...termsOf(base), multipliers: [p1] }));
    expect(parsed.ok && parsed.value.kind === 'buckets' && [parsed.value.multipliers, parsed.value.amendments?.[0]?.multipliers]).toEqual([[afterHours], [p1]]);
  });

  it.each([
    [{ ...afterHours, factorPermille: 999 }, '[0].factorPermille', 'must be at least 1000 (×1): a factor never reduces hours'],
    [{ ...afterHours, factorPermille: 1.5 }, '[0].factorPermille', 'must be a whole number of thousandths (1500 is ×1.5)'],
    [{ ...afterHours, factorPermille: 10_001 }, '[0].factorPermille', 'must be at most 10000 (×10)'],
    [{ ...afterHours, when: { ...afterHours.when, from: '24:00' } }, '[0].when.from', 'must be a time of day HH:mm from 00:00 to 23:59'],
    [{ ...afterHours, when: { ...afterHours.when, days: ['mon', 'mon'] } }, '[0].when.days[1]', 'repeats the weekday at [0]'],
    [{ ...afterHours, when: { ...afterHours.when, days: [] } }, '[0].when.days', 'must list at least one weekday'],
    [{ ...holidays, when: { kind: 'holidays', dates: ['2026-02-30'] } }, '[0].when.dates[0]', 'must be a real calendar date written YYYY-MM-DD'],
    [{ ...p1, when: { kind: 'priority', values: [] } }, '[0].when.values', 'must list at least one priority'],
    [{ ...p1, when: { kind: 'severity', values: ['1'] } }, '[0].when.kind', 'must be "time-window", "holidays", "priority", "issue-type" or "request-type"'],
  ])('rejects a bad rule %#', (rule, path, message) => {
    expect(issuesOf(parsePlan(bucketPlanDocument({ multipliers: [rule] })))).toEqual([{ path: `multipliers${path}`, message }]);
  });

  it('rejects two rules of one name', () => {
    expect(issuesOf(parsePlan(bucketPlanDocument({ multipliers: [afterHours, { ...p1, name: 'After hours' }] })))).toEqual([
      { path: 'multipliers[1].name', message: 'repeats the name of rule [0]' },
    ]);
  });

  it('refuses an overage rate on a pay-as-you-go plan, which has no overage', () => {
    expect(issuesOf(parsePlan(payAsYouGoDocument({ multipliers: [p1] })))).toEqual([
      { path: 'multipliers[0].overageRateMinor', message: 'is for bucket plans only: a pay-as-you-go plan bills charged hours at hourlyRateMinor' },
    ]);
  });
});

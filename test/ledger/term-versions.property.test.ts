/**
 * Term versions change nothing they should not: a plan of one version prices as it always did,
 * and a version from period k leaves every statement before k as it was, closed ones to the byte
 * (the canonical JSON and SHA-256 a close freezes).
 */
import fc from 'fast-check';
import { canonicalJson, sha256Hex } from '../../src/app/closing/canonical-json';
import { buildHistory, buildStatement, listPeriods } from '../../src/ledger';
import { buildAmendment, buildLink, buildPlan, HOUR } from '../../src/ledger/test-builders';
import type { BillingClass, BucketPlan, BucketTerms, ClosedPeriod, IssueLink, JiraWorklog, Period, PeriodUnit, PrepaidBlock, Statement } from '../../src/ledger';

/** A fixed seed: the same cases on every run. */
const RUNS = { numRuns: 60, seed: 20261203 };
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2026, 9, 1);
const LAST_DAY = Date.UTC(2027, 9, 1);
const dateAt = (instant: number) => new Date(instant).toISOString().slice(0, 10);

const allowanceArb = fc.option(
  fc.record({
    includedSeconds: fc.integer({ min: 0, max: 20 }).map((halfHours) => halfHours * 1800),
    fixedFeeMinor: fc.integer({ min: 0, max: 100_000 }),
    rollover: fc.option(fc.record({ capSeconds: fc.constantFrom(0, 2 * HOUR, 10 * HOUR), expiresAfterPeriods: fc.integer({ min: 1, max: 3 }) }), {
      nil: undefined,
    }),
  }),
  { nil: undefined },
);

const blockArb = (fromInstant: number, prefix: string) =>
  fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 120 }), hours: fc.integer({ min: 1, max: 10 }), life: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }) }),
    { maxLength: 2 },
  ).map((blocks) =>
    blocks.map(
      ({ day, hours, life }, index): PrepaidBlock => ({
        id: `${prefix}${index}`,
        purchasedOn: dateAt(fromInstant + day * DAY),
        seconds: hours * HOUR,
        expiresOn: life === undefined ? undefined : dateAt(fromInstant + (day + life) * DAY),
        priceMinor: hours * 1000,
      }),
    ),
  );

const termsArb = (fromInstant: number, prefix: string): fc.Arbitrary<Omit<BucketTerms, 'kind'>> =>
  fc.record({
    period: fc.constantFrom<PeriodUnit>('month', 'month', 'quarter'),
    rounding: fc.record({ incrementSeconds: fc.constantFrom(0, 900), minimumSeconds: fc.constantFrom(0, 900) }),
    thresholdsPercent: fc.array(fc.integer({ min: 1, max: 120 }), { maxLength: 2 }),
    extraRateMinor: fc.integer({ min: 0, max: 30_000 }),
    allowance: allowanceArb,
    blocks: blockArb(fromInstant, prefix),
    overageRateMinor: fc.integer({ min: 0, max: 30_000 }),
  });

const planArb: fc.Arbitrary<BucketPlan> = fc
  .record({ startDate: fc.constantFrom('2026-10-01', '2026-10-15', '2026-10-31'), timeZone: fc.constantFrom('UTC', 'Europe/Berlin'), terms: termsArb(FIRST_DAY, 'a') })
  .map(({ startDate, timeZone, terms }) => buildPlan({ startDate, timeZone, ...terms }));

const linksArb: fc.Arbitrary<IssueLink[]> = fc
  .array(fc.constantFrom<BillingClass>('covered', 'covered', 'extra', 'non-billable'), { minLength: 3, maxLength: 3 })
  .map((classes) => classes.map((billingClass, index) => buildLink({ issueId: String(index + 1), billingClass })));

const worklogsArb: fc.Arbitrary<JiraWorklog[]> = fc.array(
  fc
    .record({ id: fc.integer({ min: 1, max: 80 }), issueId: fc.constantFrom('1', '2', '3'), instant: fc.integer({ min: FIRST_DAY, max: LAST_DAY }), seconds: fc.integer({ min: 0, max: 8 * HOUR }) })
    .map(({ id, issueId, instant, seconds }) => ({ id: String(id), issueId, started: new Date(instant).toISOString(), timeSpentSeconds: seconds, author: { accountId: 'alice' } })),
  { maxLength: 50 },
);

interface Scenario {
  readonly plan: BucketPlan;
  readonly links: readonly IssueLink[];
  readonly worklogs: readonly JiraWorklog[];
  readonly asOf: number;
}

/** A plan, its periods through the last worklog day, and a version from one of its periods after the first. */
const scenarioArb = fc
  .record<Scenario>({ plan: planArb, links: linksArb, worklogs: worklogsArb, asOf: fc.integer({ min: FIRST_DAY, max: LAST_DAY }) })
  .chain((scenario) => {
    const periods = listPeriods(scenario.plan, LAST_DAY);
    return fc.integer({ min: 1, max: periods.length - 1 }).chain((k) => {
      const from = periods[k];
      if (from === undefined) throw new RangeError(`no period ${k}`);
      return fc.record({
        scenario: fc.constant(scenario),
        firstAmended: fc.constant(k),
        periods: fc.constant(periods),
        amendment: termsArb(from.start, 'v2-').map((terms) => ({ ...buildAmendment(scenario.plan, from.label), ...terms })),
        closedCount: fc.integer({ min: 0, max: k }),
      });
    });
  });

/** The statement as a close freezes it: its canonical JSON and that JSON's SHA-256. */
async function frozenForm(statement: Statement): Promise<{ json: string; sha256: string }> {
  const json = canonicalJson(statement);
  return { json, sha256: await sha256Hex(json) };
}

/** Closes the first `count` periods in turn, each frozen with the ones closed before it in view. */
function closeInTurn(scenario: Scenario, plan: BucketPlan, periods: readonly Period[], count: number): ClosedPeriod[] {
  const closedPeriods: ClosedPeriod[] = [];
  for (const period of periods.slice(0, count)) {
    const statement = buildStatement({ ...scenario, plan, period: period.label, closedPeriods, asOf: undefined });
    closedPeriods.push({ periodLabel: period.label, version: 1, statement });
  }
  return closedPeriods;
}

describe('term versions: properties', () => {
  it('prices a plan of one version exactly as before, however its terms are split into identical versions', () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario, periods, amendment }) => {
        const throughPeriod = periods.at(-1)?.label ?? '2026-10';
        const history = buildHistory({ ...scenario, throughPeriod });
        expect(history.every((statement) => statement.termsVersion === 1)).toBe(true);
        expect(buildHistory({ ...scenario, plan: { ...scenario.plan, amendments: [] }, throughPeriod }).map(canonicalJson)).toEqual(
          history.map(canonicalJson),
        );

        const { plan } = scenario;
        const fromDate = periods.find((period) => period.label === amendment.from)?.startDate ?? '';
        const identical = { ...buildAmendment(plan, amendment.from), blocks: plan.blocks.filter((block) => block.purchasedOn >= fromDate) };
        const split: BucketPlan = { ...plan, blocks: plan.blocks.filter((block) => block.purchasedOn < fromDate), amendments: [identical] };
        const splitHistory = buildHistory({ ...scenario, plan: split, throughPeriod });
        expect(splitHistory.map((statement) => canonicalJson({ ...statement, termsVersion: 1 }))).toEqual(history.map(canonicalJson));
      }),
      RUNS,
    );
  });

  it('leaves every statement before the version\'s first period unchanged, closed ones byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ scenario, firstAmended: k, periods, amendment, closedCount }) => {
        const amended: BucketPlan = { ...scenario.plan, amendments: [amendment] };
        const closed = closeInTurn(scenario, scenario.plan, periods, closedCount);
        const closedUnderAmended = closeInTurn(scenario, amended, periods, closedCount);
        expect(await Promise.all(closedUnderAmended.map(({ statement }) => frozenForm(statement)))).toEqual(
          await Promise.all(closed.map(({ statement }) => frozenForm(statement))),
        );

        const before = buildHistory({ ...scenario, closedPeriods: closed, throughPeriod: periods[k - 1]?.label ?? '' });
        const after = buildHistory({ ...scenario, plan: amended, closedPeriods: closed, throughPeriod: amendment.from });
        expect(after.slice(0, k).map(canonicalJson)).toEqual(before.map(canonicalJson));
        expect(after[k]?.termsVersion).toBe(2);
      }),
      RUNS,
    );
  });
});

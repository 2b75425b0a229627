import fc from 'fast-check';
import { blocksBroughtIn } from './blocks-brought-in';
import { buildStatement } from './build-statement';
import { sumLines } from './sum-lines';
import { buildLink, buildPayAsYouGoPlan, buildPlan, HOUR } from './test-builders';
import type { BillingClass, IssueLink, JiraWorklog, Plan, PrepaidBlock, Statement } from './types';

/** A fixed seed: the same cases on every run (fast-check would seed from the time of day). */
const RUNS = { numRuns: 100, seed: 20261203 };
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2026, 8, 25);
const dateAfter = (days: number) => new Date(FIRST_DAY + days * DAY).toISOString().slice(0, 10);

const blockArb = fc.record({
  purchaseDay: fc.integer({ min: 0, max: 90 }),
  seconds: fc.integer({ min: 0, max: 40 }).map((halfHours) => halfHours * 1800),
  lifetimeDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  priceMinor: fc.integer({ min: 0, max: 100_000 }),
});

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    payAsYouGo: fc.boolean(),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
    startDate: fc.constantFrom('2026-10-01', '2026-10-15', '2026-10-31'),
    endDate: fc.constantFrom(undefined, '2026-12-31', '2027-01-05'),
    rounding: fc.record({ incrementSeconds: fc.constantFrom(0, 60, 900), minimumSeconds: fc.constantFrom(0, 900) }),
    thresholdsPercent: fc.array(fc.integer({ min: 1, max: 120 }), { maxLength: 3 }),
    includedSeconds: fc.integer({ min: 0, max: 40 }).map((halfHours) => halfHours * 1800),
    fixedFeeMinor: fc.integer({ min: 0, max: 100_000 }),
    rollover: fc.option(
      fc.record({ capSeconds: fc.integer({ min: 0, max: 10 }).map((h) => h * HOUR), expiresAfterPeriods: fc.integer({ min: 1, max: 3 }) }),
      { nil: undefined },
    ),
    blocks: fc.array(blockArb, { maxLength: 3 }),
    rateMinor: fc.integer({ min: 0, max: 30_000 }),
    extraRateMinor: fc.integer({ min: 0, max: 30_000 }),
  })
  .map((p): Plan => {
    const common = {
      timeZone: p.timeZone,
      startDate: p.startDate,
      endDate: p.endDate,
      rounding: p.rounding,
      thresholdsPercent: p.thresholdsPercent,
      extraRateMinor: p.extraRateMinor,
    };
    if (p.payAsYouGo) return buildPayAsYouGoPlan({ ...common, id: 'gold', hourlyRateMinor: p.rateMinor });
    const blocks = p.blocks.map(
      (block, index): PrepaidBlock => ({
        id: `b${index}`,
        purchasedOn: dateAfter(block.purchaseDay),
        seconds: block.seconds,
        expiresOn: block.lifetimeDays === undefined ? undefined : dateAfter(block.purchaseDay + block.lifetimeDays),
        priceMinor: block.priceMinor,
      }),
    );
    const allowance = { includedSeconds: p.includedSeconds, fixedFeeMinor: p.fixedFeeMinor, rollover: p.rollover };
    return buildPlan({ ...common, allowance, blocks, overageRateMinor: p.rateMinor });
  });

const ISSUES = ['1', '2', '3', '4', 'unlinked'];
const linksArb: fc.Arbitrary<IssueLink[]> = fc
  .array(fc.constantFrom<BillingClass>('covered', 'covered', 'extra', 'non-billable'), { minLength: 4, maxLength: 4 })
  .map((classes) => classes.map((billingClass, index) => buildLink({ issueId: String(index + 1), billingClass })));

const worklogArb: fc.Arbitrary<JiraWorklog> = fc
  .record({
    id: fc.integer({ min: 1, max: 60 }),
    issueId: fc.constantFrom(...ISSUES),
    startedMinute: fc.integer({ min: 0, max: 110 * 24 * 60 }),
    seconds: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 * HOUR })),
    author: fc.constantFrom('alice', 'bob', undefined),
    updatedMinute: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ id, issueId, startedMinute, seconds, author, updatedMinute }) => ({
    id: String(id),
    issueId,
    started: new Date(FIRST_DAY + startedMinute * 60_000).toISOString(),
    timeSpentSeconds: seconds,
    author: author === undefined ? undefined : { accountId: author },
    updated: new Date(FIRST_DAY + updatedMinute * 60_000).toISOString(),
  }));

const periodArb = fc.constantFrom('2026-10', '2026-11', '2026-12');
const asOfArb = fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 110 * DAY });
const scenarioArb = fc.record({ plan: planArb, links: linksArb, worklogs: fc.array(worklogArb, { maxLength: 40 }), period: periodArb, asOf: asOfArb });

const everyBucketUsableThroughout = (statement: Statement) =>
  statement.buckets.every(
    (bucket) => bucket.usableFrom <= statement.period.start && (bucket.expiresAt === null || bucket.expiresAt >= statement.period.end),
  );

describe('buildStatement properties', () => {
  it('does not depend on input order or on repeated worklogs', () => {
    const arb = scenarioArb.chain((scenario) =>
      fc.tuple(
        fc.constant(scenario),
        fc.shuffledSubarray(scenario.worklogs, { minLength: scenario.worklogs.length }),
        fc.subarray(scenario.worklogs),
      ),
    );
    fc.assert(
      fc.property(arb, ([scenario, shuffled, repeated]) => {
        const reordered = { ...scenario, worklogs: [...shuffled, ...repeated], links: [...scenario.links].reverse() };
        expect(buildStatement(reordered)).toEqual(buildStatement(scenario));
      }),
      RUNS,
    );
  });

  it('keeps every bucket balanced: opening = used + expired + closing', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        for (const bucket of buildStatement(scenario).buckets) {
          expect(bucket.openingSeconds).toBeGreaterThan(0);
          expect([bucket.usedSeconds, bucket.expiredSeconds, bucket.closingSeconds].every((s) => s >= 0)).toBe(true);
          expect(bucket.usedSeconds + bucket.expiredSeconds + bucket.closingSeconds).toBe(bucket.openingSeconds);
        }
      }),
      RUNS,
    );
  });

  it('conserves hours: used covered + remaining = available without overage; overage = max(0, covered − available) when buckets span the period', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const statement = buildStatement(scenario);
        if (scenario.plan.kind === 'pay-as-you-go') return;
        if (statement.overageSeconds === 0) {
          expect(statement.usedCoveredSeconds + statement.remainingSeconds).toBe(statement.availableSeconds);
        }
        if (everyBucketUsableThroughout(statement)) {
          expect(statement.overageSeconds).toBe(Math.max(0, statement.usedCoveredSeconds - statement.availableSeconds));
        }
      }),
      RUNS,
    );
  });

  it('makes up the available hours from its parts: included + carried in + blocks brought in + purchased', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const statement = buildStatement(scenario);
        const broughtIn = blocksBroughtIn(statement).reduce((sum, bucket) => sum + bucket.openingSeconds, 0);
        expect(statement.includedSeconds + statement.carriedInSeconds + broughtIn + statement.purchasedSeconds).toBe(statement.availableSeconds);
      }),
      RUNS,
    );
  });

  it('explains every total by its worklog lines', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const statement = buildStatement(scenario);
        const totals = sumLines(statement.lines);
        expect([totals.coveredSeconds, totals.overageSeconds, totals.extraSeconds, totals.nonBillableSeconds]).toEqual([
          statement.usedCoveredSeconds,
          statement.overageSeconds,
          statement.extraSeconds,
          statement.nonBillableSeconds,
        ]);
        for (const breakdown of [statement.byIssue, statement.byAuthor]) {
          expect(breakdown.reduce((count, b) => count + b.worklogCount, 0)).toBe(statement.lines.length);
          for (const field of ['rawSeconds', 'roundedSeconds', 'coveredSeconds', 'overageSeconds', 'extraSeconds', 'nonBillableSeconds'] as const) {
            expect(breakdown.reduce((sum, b) => sum + b[field], 0)).toBe(totals[field]);
          }
        }
        for (const line of statement.lines) {
          const drawn = line.draws.reduce((sum, draw) => sum + draw.seconds, 0);
          // Pay-as-you-go plans have no buckets and no overage: their covered work is billed at the rate.
          expect(drawn + line.overageSeconds).toBe(scenario.plan.kind === 'buckets' ? line.coveredSeconds : 0);
          expect(line.coveredSeconds + line.extraSeconds + line.nonBillableSeconds).toBe(line.roundedSeconds);
        }
        for (const bucket of statement.buckets) {
          const drawn = statement.lines.flatMap((line) => line.draws).filter((draw) => draw.bucketId === bucket.id);
          expect(drawn.reduce((sum, draw) => sum + draw.seconds, 0)).toBe(bucket.usedSeconds);
        }
      }),
      RUNS,
    );
  });

  it('keeps money in safe integers and the total equal to the sum of the charge lines', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const statement = buildStatement(scenario);
        const amounts = statement.charges.map((charge) => charge.amountMinor);
        expect(amounts.every(Number.isSafeInteger)).toBe(true);
        expect(Number.isSafeInteger(statement.totalMinor)).toBe(true);
        expect(statement.totalMinor).toBe(amounts.reduce((sum, amount) => sum + amount, 0));
        const forecast = statement.forecast;
        expect(forecast && [forecast.averageDailyBurnSeconds, forecast.projectedUseSeconds].every(Number.isSafeInteger)).toBe(true);
      }),
      RUNS,
    );
  });
});

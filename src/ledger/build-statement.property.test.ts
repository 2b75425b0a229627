import fc from 'fast-check';
import { blocksBroughtIn } from './blocks-brought-in';
import { buildStatement } from './build-statement';
import { sumLines } from './sum-lines';
import { scenarioArb } from '../../test/support/ledger-arbitraries';
import type { Statement } from './types';

/** A fixed seed: the same cases on every run (fast-check would seed from the time of day). */
const RUNS = { numRuns: 100, seed: 20261203 };
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

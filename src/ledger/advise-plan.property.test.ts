import fc from 'fast-check';
import { advisePlan } from './advise-plan';
import { buildHistory } from './build-history';
import { HOUR } from './test-builders';
import { multipliedScenarioArb, scenarioArb } from '../../test/support/ledger-arbitraries';
import type { Allowance, Statement } from './types';

/** A fixed seed: the same cases on every run. */
const RUNS = { numRuns: 80, seed: 20261203 };

/** The plan's statements of the periods from the first, second or third through December; multipliers or none. */
const windowArb = fc.oneof(scenarioArb, multipliedScenarioArb).chain((scenario) =>
  fc.tuple(fc.constant(scenario), fc.integer({ min: 0, max: 2 })).map(([{ plan, links, worklogs }, skip]) => {
    const history = buildHistory({ plan, links, worklogs, throughPeriod: '2026-12' });
    return { plan, statements: history.slice(Math.min(skip, history.length - 1)) };
  }),
);

const withoutOutOfPlan = (statement: Statement) => ({ ...statement, outOfPlan: [] });

describe('advisePlan properties', () => {
  it('prices a candidate of the plan\'s own terms exactly as the plan\'s statements: the same statements, difference 0', () => {
    fc.assert(
      fc.property(windowArb, ({ plan, statements }) => {
        const { paid, candidates } = advisePlan({ plan, statements, candidates: [{ name: 'as now', terms: {} }] });
        const [same] = candidates;
        expect(same?.statements.map(withoutOutOfPlan)).toEqual(statements.map(withoutOutOfPlan));
        expect(same?.totalMinor).toBe(paid.totalMinor);
        expect(same?.differenceMinor).toBe(0);
      }),
      RUNS,
    );
  });

  it('never gives more overage hours, in any period, for more included hours', () => {
    const arb = fc.tuple(
      windowArb,
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 30 }),
      fc.option(fc.record({ capSeconds: fc.integer({ min: 0, max: 10 }).map((hours) => hours * HOUR), expiresAfterPeriods: fc.integer({ min: 1, max: 3 }) }), { nil: undefined }),
    );
    fc.assert(
      fc.property(arb, ([{ plan, statements }, fewer, more, rollover]) => {
        const allowance = (hours: number): Allowance => ({ includedSeconds: hours * HOUR, fixedFeeMinor: 0, ...(rollover === undefined ? {} : { rollover }) });
        const { candidates } = advisePlan({
          plan,
          statements,
          candidates: [
            { name: 'fewer', terms: { kind: 'buckets', allowance: allowance(fewer) } },
            { name: 'more', terms: { kind: 'buckets', allowance: allowance(fewer + more) } },
          ],
        });
        const [small, large] = candidates;
        large?.statements.forEach((statement, index) => expect(statement.overageSeconds).toBeLessThanOrEqual(small?.statements[index]?.overageSeconds ?? 0));
        expect(large?.periodsWithOverage).toBeLessThanOrEqual(small?.periodsWithOverage ?? 0);
      }),
      RUNS,
    );
  });

  it('buys top-ups until no period has overage, each charged at its price', () => {
    const arb = fc.tuple(windowArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 100_000 }));
    fc.assert(
      fc.property(arb, ([{ plan, statements }, hours, priceMinor]) => {
        const [topUps] = advisePlan({ plan, statements, candidates: [{ name: 'top-ups', terms: { kind: 'buckets', allowance: null, blocks: { topUpSeconds: hours * HOUR, priceMinor } } }] }).candidates;
        expect(topUps?.periodsWithOverage).toBe(0);
        const purchases = topUps?.statements.flatMap((statement) => statement.charges.filter((charge) => charge.kind === 'block-purchase')) ?? [];
        const extra = topUps?.statements.reduce((sum, statement) => sum + (statement.charges.find((charge) => charge.kind === 'extra')?.amountMinor ?? 0), 0) ?? 0;
        expect(topUps?.totalMinor).toBe(purchases.length * priceMinor + extra);
      }),
      RUNS,
    );
  });
});

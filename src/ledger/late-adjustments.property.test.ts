import fc from 'fast-check';
import { buildHistory, resumeHistory } from './build-history';
import { buildStatement } from './build-statement';
import { sumMinor } from './money';
import { PLAN_START, prepareLedger } from './replay-ledger';
import { buildLink, buildPayAsYouGoPlan, buildPlan, HOUR } from './test-builders';
import { attributesArb, multipliersArb } from '../../test/support/ledger-arbitraries';
import type { BillingClass, ChargeKind, ClosedPeriod, IssueLink, JiraWorklog, Plan, Statement } from './types';

/** A fixed seed: the same cases on every run (fast-check would seed from the time of day). */
const RUNS = { numRuns: 200, seed: 20261203 };
const FIRST_DAY = Date.UTC(2026, 9, 1);
/** Periods that may be closed; 2027-01 always stays open, so every closed period has a next open one. */
const CLOSABLE = ['2026-10', '2026-11', '2026-12'];
const THROUGH = '2027-01';
const FIGURES = ['rawSeconds', 'roundedSeconds', 'coveredSeconds', 'overageSeconds', 'extraSeconds', 'nonBillableSeconds'] as const;

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    payAsYouGo: fc.boolean(),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin'),
    rounding: fc.record({ incrementSeconds: fc.constantFrom(0, 900), minimumSeconds: fc.constantFrom(0, 900) }),
    includedSeconds: fc.integer({ min: 0, max: 20 }).map((halfHours) => halfHours * 1800),
    fixedFeeMinor: fc.integer({ min: 0, max: 100_000 }),
    rollover: fc.option(fc.record({ capSeconds: fc.constantFrom(0, 2 * HOUR, 10 * HOUR), expiresAfterPeriods: fc.integer({ min: 1, max: 2 }) }), {
      nil: undefined,
    }),
    blockSeconds: fc.constantFrom(0, 5 * HOUR),
    rateMinor: fc.integer({ min: 0, max: 30_000 }),
    extraRateMinor: fc.integer({ min: 0, max: 30_000 }),
  })
  .map((p): Plan => {
    const common = { id: 'gold', timeZone: p.timeZone, rounding: p.rounding, extraRateMinor: p.extraRateMinor };
    if (p.payAsYouGo) return buildPayAsYouGoPlan({ ...common, hourlyRateMinor: p.rateMinor });
    const blocks = p.blockSeconds === 0 ? [] : [{ id: 'b1', purchasedOn: '2026-11-10', seconds: p.blockSeconds, priceMinor: 50_000 }];
    const allowance = { includedSeconds: p.includedSeconds, fixedFeeMinor: p.fixedFeeMinor, rollover: p.rollover };
    return buildPlan({ ...common, allowance, blocks, overageRateMinor: p.rateMinor });
  });

const linksArb: fc.Arbitrary<IssueLink[]> = fc
  .array(fc.constantFrom<BillingClass>('covered', 'covered', 'extra', 'non-billable'), { minLength: 3, maxLength: 3 })
  .map((classes) => classes.map((billingClass, index) => buildLink({ issueId: String(index + 1), billingClass })));

type Step =
  | { readonly op: 'log'; readonly id: number; readonly issueId: string; readonly minute: number; readonly seconds: number; readonly author: string }
  | { readonly op: 'delete'; readonly id: number }
  | { readonly op: 'close' }
  | { readonly op: 'reopen'; readonly which: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('log' as const),
      id: fc.integer({ min: 1, max: 12 }),
      issueId: fc.constantFrom('1', '2', '3'),
      minute: fc.integer({ min: 0, max: 122 * 24 * 60 }),
      seconds: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 * HOUR })),
      author: fc.constantFrom('alice', 'bob'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), id: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('close' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), which: fc.integer({ min: 0, max: 2 }) }) },
);

interface Outcome {
  readonly worklogs: JiraWorklog[];
  readonly closed: Map<string, ClosedPeriod>;
  /** Deep copies of every closed period's statement as it was frozen. */
  readonly snapshots: Map<string, Statement>;
}

/** Plays the steps as a team would: logging, editing and deleting work, closing the earliest open period, reopening one. */
function play(plan: Plan, links: readonly IssueLink[], steps: readonly Step[]): Outcome {
  const worklogs = new Map<string, JiraWorklog>();
  const closed = new Map<string, ClosedPeriod>();
  const versions = new Map<string, number>();
  steps.forEach((step, position) => {
    if (step.op === 'log') {
      worklogs.set(String(step.id), {
        id: String(step.id),
        issueId: step.issueId,
        started: new Date(FIRST_DAY + step.minute * 60_000).toISOString(),
        timeSpentSeconds: step.seconds,
        author: { accountId: step.author },
        updated: new Date(FIRST_DAY + position * 60_000).toISOString(),
      });
    } else if (step.op === 'delete') {
      worklogs.delete(String(step.id));
    } else if (step.op === 'reopen') {
      const label = [...closed.keys()].sort()[step.which];
      if (label !== undefined) closed.delete(label);
    } else {
      const label = CLOSABLE.find((candidate) => !closed.has(candidate));
      if (label === undefined) return;
      const version = (versions.get(label) ?? 0) + 1;
      versions.set(label, version);
      const statement = buildStatement({ plan, links, worklogs: [...worklogs.values()], period: label, closedPeriods: [...closed.values()] });
      closed.set(label, { periodLabel: label, version, statement });
    }
  });
  const snapshots = new Map([...closed].map(([label, period]) => [label, structuredClone(period.statement)]));
  return { worklogs: [...worklogs.values()], closed, snapshots };
}

/** Half the plans carry multiplier rules (pay-as-you-go ones without overage rates), and the issues priorities over time. */
const multipliedArb = fc
  .record({ plan: planArb, links: linksArb, multipliers: fc.option(multipliersArb, { nil: undefined }), attributes: fc.array(attributesArb, { minLength: 3, maxLength: 3 }) })
  .map(({ plan, links, multipliers, attributes }) => {
    if (multipliers === undefined) return { plan, links };
    const rules = plan.kind === 'buckets' ? multipliers : multipliers.map(({ overageRateMinor: _rate, ...rule }) => rule);
    return { plan: { ...plan, multipliers: rules }, links: links.map((link, index) => ({ ...link, attributes: attributes[index] ?? [] })) };
  });

const scenarioArb = fc.record({ setup: multipliedArb, steps: fc.array(stepArb, { maxLength: 40 }) }).map(({ setup, steps }) => ({ ...setup, steps }));

function chargeTotals(charges: readonly { readonly kind: ChargeKind; readonly seconds?: number; readonly amountMinor: number }[]) {
  return {
    seconds: charges.reduce((sum, charge) => sum + (charge.kind === 'block-purchase' ? 0 : (charge.seconds ?? 0)), 0),
    amountMinor: sumMinor(charges.map((charge) => charge.amountMinor)),
  };
}

describe('late adjustments properties', () => {
  it('never changes a closed statement, and books adjustments that sum exactly to recomputed − frozen', () => {
    fc.assert(
      fc.property(scenarioArb, ({ plan, links, steps }) => {
        const { worklogs, closed, snapshots } = play(plan, links, steps);
        const closedPeriods = [...closed.values()];
        const history = buildHistory({ plan, links, worklogs, throughPeriod: THROUGH, closedPeriods });
        const truth = buildHistory({ plan, links, worklogs, throughPeriod: THROUGH });

        history.forEach((statement, index) => {
          const frozen = closed.get(statement.period.label);
          const recomputed = truth[index];
          if (recomputed === undefined) throw new Error('history and truth differ in length');
          if (frozen !== undefined) {
            expect(statement).toEqual({ ...snapshots.get(statement.period.label), closedVersion: frozen.version });
            return;
          }
          // An open period is the truth, plus the adjustments it carries.
          const { lateAdjustments, adjustmentCharges, totalMinor, ...figures } = statement;
          expect({ ...figures, lateAdjustments: [], adjustmentCharges: [], totalMinor: recomputed.totalMinor }).toEqual(recomputed);
          expect(totalMinor).toBe(sumMinor([...statement.charges, ...adjustmentCharges].map((charge) => charge.amountMinor)));
          expect(lateAdjustments.every((adjustment) => closed.has(adjustment.periodLabel))).toBe(true);
        });

        for (const { periodLabel, statement: frozen } of closedPeriods) {
          const recomputed = truth.find((statement) => statement.period.label === periodLabel);
          if (recomputed === undefined) throw new Error(`no recomputed ${periodLabel}`);
          const booked = history.filter((statement) => statement.period.index > frozen.period.index);
          const adjustments = booked.flatMap((statement) => statement.lateAdjustments).filter((a) => a.periodLabel === periodLabel);
          const charges = booked.flatMap((statement) => statement.adjustmentCharges).filter((c) => c.periodLabel === periodLabel);

          // A worklog may pass through a closed period and leave it again: its adjustments then sum to 0.
          const ids = new Set([...recomputed.lines, ...frozen.lines, ...adjustments].map((item) => item.worklogId));
          for (const id of ids) {
            const now = recomputed.lines.find((line) => line.worklogId === id);
            const then = frozen.lines.find((line) => line.worklogId === id);
            const mine = adjustments.filter((adjustment) => adjustment.worklogId === id);
            for (const figure of FIGURES) {
              expect(mine.reduce((sum, adjustment) => sum + adjustment[figure], 0)).toBe((now?.[figure] ?? 0) - (then?.[figure] ?? 0));
            }
          }
          const expected = chargeTotals(recomputed.charges);
          const before = chargeTotals(frozen.charges);
          expect(chargeTotals(charges)).toEqual({ seconds: expected.seconds - before.seconds, amountMinor: expected.amountMinor - before.amountMinor });
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the worklogs or of the closed periods', () => {
    const arb = scenarioArb.chain((scenario) => fc.tuple(fc.constant(scenario), fc.integer({ min: 0, max: 1000 })));
    fc.assert(
      fc.property(arb, ([{ plan, links, steps }, seed]) => {
        const { worklogs, closed } = play(plan, links, steps);
        const rotate = <T>(items: readonly T[]) => {
          const cut = items.length === 0 ? 0 : seed % items.length;
          return [...items.slice(cut), ...items.slice(0, cut)].reverse();
        };
        const closedPeriods = [...closed.values()];
        const reordered = buildHistory({ plan, links: rotate(links), worklogs: rotate(worklogs), throughPeriod: THROUGH, closedPeriods: rotate(closedPeriods) });
        expect(reordered).toEqual(buildHistory({ plan, links, worklogs, throughPeriod: THROUGH, closedPeriods }));
      }),
      RUNS,
    );
  });

  it('resumed from the checkpoint before any period, when no later statement books anything for a closed period before it, equals the history from the plan start', () => {
    const arb = scenarioArb.chain((scenario) => fc.tuple(fc.constant(scenario), fc.nat()));
    fc.assert(
      fc.property(arb, ([{ plan, links, steps }, seed]) => {
        const { worklogs, closed } = play(plan, links, steps);
        const closedPeriods = [...closed.values()];
        const history = buildHistory({ plan, links, worklogs, throughPeriod: THROUGH, closedPeriods });
        const prepared = prepareLedger(plan, links, worklogs, THROUGH, 'throughPeriod');
        const { closings } = resumeHistory(prepared, closedPeriods, PLAN_START, undefined);
        const bookedFrom = (from: number) =>
          new Set(history.slice(from).flatMap((statement) => [...statement.lateAdjustments, ...statement.adjustmentCharges].map((item) => item.periodLabel)));
        const settledBefore = (from: number) => closedPeriods.every((period) => period.statement.period.index >= from || !bookedFrom(from).has(period.periodLabel));
        let from = seed % (history.length + 1);
        while (!settledBefore(from)) from -= 1;
        const checkpoint = from === 0 ? PLAN_START.checkpoint : closings[from - 1];
        if (checkpoint === undefined) throw new Error(`no checkpoint before ${from}`);
        const resumed = resumeHistory(prepared, closedPeriods, { index: from, checkpoint: JSON.parse(JSON.stringify(checkpoint)) as typeof checkpoint }, undefined);
        expect(resumed.statements).toEqual(history.slice(from));
        expect(resumed.closings).toEqual(closings.slice(from));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

/**
 * fast-check arbitraries for ledger scenarios: a plan (bucket or pay-as-you-go, blocks, rollover,
 * rounding, thresholds, three time zones), links of four issues and worklogs over about 110 days
 * from late September 2026, with repeated ids and versions. Shared by the property tests.
 */
import fc from 'fast-check';
import { buildLink, buildPayAsYouGoPlan, buildPlan, HOUR } from '../../src/ledger/test-builders';
import type { BillingClass, IssueLink, JiraWorklog, MultiplierCondition, MultiplierRule, Plan, PrepaidBlock, TimedIssueAttributes, Weekday } from '../../src/ledger/types';

export const DAY = 86_400_000;
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
export const scenarioArb = fc.record({ plan: planArb, links: linksArb, worklogs: fc.array(worklogArb, { maxLength: 40 }), period: periodArb, asOf: asOfArb });
/** As `scenarioArb`, with enough work that most periods have lines. */
const busyScenarioArb = fc.record({ plan: planArb, links: linksArb, worklogs: fc.array(worklogArb, { minLength: 20, maxLength: 60 }), period: periodArb, asOf: asOfArb });


const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const clockArb = fc.integer({ min: 0, max: 95 }).map((quarter) => `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`);
const PRIORITIES = ['P1', 'P2', 'P3'];
const ISSUE_TYPES = ['Incident', 'Bug'];

const conditionArb: fc.Arbitrary<MultiplierCondition> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('time-window' as const), days: fc.subarray([...WEEKDAYS], { minLength: 1 }), from: clockArb, to: clockArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('holidays' as const), dates: fc.uniqueArray(fc.integer({ min: 0, max: 110 }).map(dateAfter), { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('priority' as const), values: fc.subarray(PRIORITIES, { minLength: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('issue-type' as const), values: fc.subarray(ISSUE_TYPES, { minLength: 1 }) }) },
);

/** One to four rules of every kind, named `r0`, `r1`, …, factors ×1 to ×3, some with their own overage rate. */
export const multipliersArb: fc.Arbitrary<MultiplierRule[]> = fc
  .array(
    fc.record({
      when: conditionArb,
      factorPermille: fc.oneof(fc.constantFrom(1000, 1500, 2000), fc.integer({ min: 1000, max: 3000 })),
      overageRateMinor: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((rules) =>
    rules.map(({ overageRateMinor, ...rule }, index) => ({ name: `r${index}`, ...rule, ...(overageRateMinor === undefined ? {} : { overageRateMinor }) })),
  );

/** An issue's priority and type over the scenario's days, oldest first. */
export const attributesArb: fc.Arbitrary<TimedIssueAttributes[]> = fc
  .uniqueArray(fc.integer({ min: -5, max: 110 * 24 }), { maxLength: 3 })
  .chain((hours) =>
    fc.tuple(
      ...[...hours].sort((a, b) => a - b).map((hour) =>
        fc.record({ since: fc.constant(FIRST_DAY + hour * 3_600_000), priority: fc.constantFrom(...PRIORITIES), issueType: fc.constantFrom(...ISSUE_TYPES) }),
      ),
    ),
  );

/**
 * A scenario of `scenarioArb` whose terms carry multiplier rules (pay-as-you-go ones without overage rates) and
 * whose links carry priorities and types over time.
 */
export const multipliedScenarioArb = fc
  .record({ scenario: busyScenarioArb, multipliers: multipliersArb, attributes: fc.array(attributesArb, { minLength: 4, maxLength: 4 }) })
  .map(({ scenario, multipliers, attributes }) => ({
    ...scenario,
    plan: { ...scenario.plan, multipliers: scenario.plan.kind === 'buckets' ? multipliers : multipliers.map(({ overageRateMinor: _rate, ...rule }) => rule) },
    links: scenario.links.map((link, index) => ({ ...link, attributes: attributes[index] ?? [] })),
  }));

/**
 * fast-check arbitraries for ledger scenarios: a plan (bucket or pay-as-you-go, blocks, rollover,
 * rounding, thresholds, three time zones), links of four issues and worklogs over about 110 days
 * from late September 2026, with repeated ids and versions. Shared by the property tests.
 */
import fc from 'fast-check';
import { buildLink, buildPayAsYouGoPlan, buildPlan, HOUR } from '../../src/ledger/test-builders';
import type { BillingClass, IssueLink, JiraWorklog, Plan, PrepaidBlock } from '../../src/ledger/types';

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


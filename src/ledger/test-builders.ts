import type { BucketPlan, BucketTerms, IssueLink, JiraWorklog, PayAsYouGoPlan, TermsAmendment } from './types';

export const HOUR = 3600;

const PLAN_DEFAULTS = {
  currency: 'EUR',
  timeZone: 'UTC',
  startDate: '2026-10-01',
  period: 'month',
  rounding: { incrementSeconds: 0, minimumSeconds: 0 },
  thresholdsPercent: [],
  extraRateMinor: 15000,
} as const satisfies Partial<BucketPlan>;

/**
 * Test data with valid defaults: a monthly bucket plan in UTC from 2026-10-01 with 10 included
 * hours, no rounding, overage at 100.00/h and extra work at 150.00/h.
 */
export function buildPlan(overrides: Partial<BucketPlan> = {}): BucketPlan {
  return {
    ...PLAN_DEFAULTS,
    kind: 'buckets',
    id: 'gold',
    name: 'Gold support',
    allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0 },
    blocks: [],
    overageRateMinor: 10000,
    ...overrides,
  };
}

/** A pay-as-you-go plan in UTC from 2026-10-01 at 90.00/h. */
export function buildPayAsYouGoPlan(overrides: Partial<PayAsYouGoPlan> = {}): PayAsYouGoPlan {
  return {
    ...PLAN_DEFAULTS,
    kind: 'pay-as-you-go',
    id: 'payg',
    name: 'Pay as you go',
    hourlyRateMinor: 9000,
    ...overrides,
  };
}

/** A covered link of issue 10001 to plan `gold`. */
export function buildLink(overrides: Partial<IssueLink> = {}): IssueLink {
  return { issueId: '10001', planId: 'gold', billingClass: 'covered', ...overrides };
}

/** One hour on issue 10001 by alice, started 2026-10-05 09:00 UTC. */
export function buildWorklog(overrides: Partial<JiraWorklog> = {}): JiraWorklog {
  return {
    id: '1',
    issueId: '10001',
    started: '2026-10-05T09:00:00.000+0000',
    timeSpentSeconds: 3600,
    author: { accountId: 'alice' },
    updated: '2026-10-05T10:00:00.000+0000',
    ...overrides,
  };
}

/** Term version 2, 3, … of a bucket plan: its terms with `overrides`, in force from the period `from`. */
export function buildAmendment(plan: BucketPlan, from: string, overrides: Partial<BucketTerms> = {}): TermsAmendment<BucketTerms> {
  const { kind, period, rounding, thresholdsPercent, extraRateMinor, allowance, overageRateMinor } = plan;
  return { from, kind, period, rounding, thresholdsPercent, extraRateMinor, allowance, blocks: [], overageRateMinor, ...overrides };
}

import type { PayloadOf } from '../../../src/contract';

/** A bucket plan of the demo project for a browser test: EUR, UTC, monthly from January 2026, no rounding, `includedSeconds` a month. */
export function bucketPlanInput(plan: { readonly id: string; readonly name: string }, includedSeconds: number): PayloadOf<'plans/create'>['plan'] {
  return {
    kind: 'buckets',
    ...plan,
    currency: 'EUR',
    timeZone: 'UTC',
    startDate: '2026-01-01',
    period: 'month',
    allowance: { includedSeconds, fixedFeeMinor: 0 },
    blocks: [],
    rounding: { incrementSeconds: 0, minimumSeconds: 0 },
    extraRateMinor: 0,
    overageRateMinor: 10_000,
  };
}

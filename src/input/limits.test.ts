import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildStatement } from '../ledger';
import { HOUR, buildLink, buildWorklog } from '../ledger/test-builders';
import * as limits from './limits';
import { parsePlan } from './plan';

describe('the money limits', () => {
  it('keep every charge and the total of a period exact with every amount at its maximum', () => {
    const blocks = Array.from({ length: limits.PLAN_MAX_BLOCKS }, (_, index) => ({
      id: `block-${index}`,
      purchasedOn: '2026-10-01',
      seconds: limits.MAX_PERIOD_SECONDS,
      priceMinor: limits.MAX_AMOUNT_MINOR,
    }));
    const plan = parsePlan({
      kind: 'buckets',
      id: 'max',
      name: 'Everything at its maximum',
      currency: 'EUR',
      timeZone: 'UTC',
      startDate: '2026-10-01',
      allowance: { includedSeconds: limits.MAX_PERIOD_SECONDS, fixedFeeMinor: limits.MAX_AMOUNT_MINOR },
      blocks,
      overageRateMinor: limits.MAX_RATE_MINOR_PER_HOUR,
      extraRateMinor: limits.MAX_RATE_MINOR_PER_HOUR,
    });
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    // Extra work never draws on the buckets: every one of its hours is charged at the highest rate.
    const statement = buildStatement({
      plan: plan.value,
      links: [buildLink({ planId: 'max', billingClass: 'extra' })],
      worklogs: [buildWorklog({ timeSpentSeconds: limits.EXACT_BILLABLE_HOURS_PER_PERIOD * HOUR })],
      period: '2026-10',
    });

    const expected = BigInt(limits.PLAN_MAX_BLOCKS + 1) * BigInt(limits.MAX_AMOUNT_MINOR) + BigInt(limits.EXACT_BILLABLE_HOURS_PER_PERIOD) * BigInt(limits.MAX_RATE_MINOR_PER_HOUR);
    expect(BigInt(statement.totalMinor)).toBe(expected);
    expect(Number.isSafeInteger(statement.totalMinor)).toBe(true);
  });
});

describe('docs/limits.md', () => {
  it('gives every limit of src/input/limits.ts with its reason', () => {
    const documented = readFileSync(path.join(__dirname, '..', '..', 'docs', 'limits.md'), 'utf8');
    const missing = Object.keys(limits).filter((name) => !documented.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});

/**
 * The resolvers' limits (src/input/limits.ts, docs/limits.md): whatever exceeds one answers VALIDATION_FAILED
 * naming the field and stores nothing; the largest plan within every limit is accepted.
 */
import {
  ACCOUNT_ID_MAX_LENGTH,
  BLOCK_ID_MAX_LENGTH,
  GROUP_NAME_MAX_LENGTH,
  MAX_ALERT_RECIPIENTS,
  MAX_AMOUNT_MINOR,
  MAX_PERIOD_SECONDS,
  MAX_RATE_MINOR_PER_HOUR,
  MAX_ROLLOVER_PERIODS,
  MAX_ROUNDING_SECONDS,
  MAX_THRESHOLDS,
  PLAN_ID_MAX_LENGTH,
  PLAN_MAX_BLOCKS,
  PLAN_NAME_MAX_LENGTH,
  type ResolverName,
} from '../../src/contract';
import { as, backendFixture, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

interface Case {
  readonly name: ResolverName;
  readonly payload: unknown;
  readonly fields: readonly { readonly path: string; readonly message: string }[];
}

const HOURS_100K = 'must be at most 360000000 seconds (100000 h)';
const TOO_LARGE = 'is too large: a request may be at most 65536 bytes of JSON';
const accountIds = (count: number) => Array.from({ length: count }, (_, index) => `5b10ac8d82e05b22cc7d${String(index).padStart(4, '0')}`);
const withPlan = (overrides: Parameters<typeof planInput>[0]) => ({ plan: planInput(overrides) });

const cases: Readonly<Record<string, Case>> = {
  '11 thresholds': {
    name: 'plans/create',
    payload: withPlan({ thresholdsPercent: Array.from({ length: MAX_THRESHOLDS + 1 }, (_, index) => 10 * (index + 1)) }),
    fields: [{ path: 'plan.thresholdsPercent', message: 'must have at most 10 thresholds' }],
  },
  '100,000 thresholds (INTERNAL before)': {
    name: 'plans/create',
    payload: withPlan({ thresholdsPercent: Array.from({ length: 100_000 }, () => 80) }),
    fields: [{ path: 'plan.thresholdsPercent', message: TOO_LARGE }],
  },
  '51 recipients, account ids and groups together': {
    name: 'plans/create',
    payload: withPlan({ alertRecipients: { accountIds: accountIds(30), groups: Array.from({ length: 21 }, (_, index) => `group-${index}`) } }),
    fields: [{ path: 'plan.alertRecipients', message: 'must name at most 50 recipients, account ids and groups together' }],
  },
  '51 account ids': {
    name: 'plans/create',
    payload: withPlan({ alertRecipients: { accountIds: accountIds(MAX_ALERT_RECIPIENTS + 1), groups: [] } }),
    fields: [{ path: 'plan.alertRecipients.accountIds', message: 'must have at most 50 entries' }],
  },
  '15,000 recipients (accepted before)': {
    name: 'plans/create',
    payload: withPlan({ alertRecipients: { accountIds: accountIds(15_000), groups: [] } }),
    fields: [{ path: 'plan.alertRecipients.accountIds', message: TOO_LARGE }],
  },
  'an account id too long': {
    name: 'plans/create',
    payload: withPlan({ alertRecipients: { accountIds: ['a'.repeat(ACCOUNT_ID_MAX_LENGTH + 1)], groups: [] } }),
    fields: [{ path: 'plan.alertRecipients.accountIds[0]', message: 'must be at most 128 characters' }],
  },
  'a group name too long': {
    name: 'plans/create',
    payload: withPlan({ alertRecipients: { accountIds: [], groups: ['g'.repeat(GROUP_NAME_MAX_LENGTH + 1)] } }),
    fields: [{ path: 'plan.alertRecipients.groups[0]', message: 'must be at most 255 characters' }],
  },
  '10^12 included hours (saved before)': {
    name: 'plans/create',
    payload: withPlan({ allowance: { includedSeconds: 1e12 * 3600, fixedFeeMinor: 0 } }),
    fields: [{ path: 'plan.allowance.includedSeconds', message: HOURS_100K }],
  },
  'one second more than 100,000 included hours': {
    name: 'plans/create',
    payload: withPlan({ allowance: { includedSeconds: MAX_PERIOD_SECONDS + 1, fixedFeeMinor: 0 } }),
    fields: [{ path: 'plan.allowance.includedSeconds', message: HOURS_100K }],
  },
  'a rollover cap and expiry beyond their limits': {
    name: 'plans/create',
    payload: withPlan({ allowance: { includedSeconds: 3600, fixedFeeMinor: 0, rollover: { capSeconds: MAX_PERIOD_SECONDS + 1, expiresAfterPeriods: MAX_ROLLOVER_PERIODS + 1 } } }),
    fields: [
      { path: 'plan.allowance.rollover.capSeconds', message: HOURS_100K },
      { path: 'plan.allowance.rollover.expiresAfterPeriods', message: 'must be at most 120 periods' },
    ],
  },
  'a block of more than 100,000 hours with an id too long': {
    name: 'plans/create',
    payload: withPlan({ blocks: [{ id: 'b'.repeat(BLOCK_ID_MAX_LENGTH + 1), purchasedOn: '2026-09-01', seconds: MAX_PERIOD_SECONDS + 1, priceMinor: 0 }] }),
    fields: [
      { path: 'plan.blocks[0].id', message: 'must be at most 64 characters' },
      { path: 'plan.blocks[0].seconds', message: HOURS_100K },
    ],
  },
  '201 blocks': {
    name: 'plans/create',
    payload: withPlan({ blocks: Array.from({ length: PLAN_MAX_BLOCKS + 1 }, (_, index) => ({ id: `b${index}`, purchasedOn: '2026-09-01', seconds: 3600, priceMinor: 0 })) }),
    fields: [{ path: 'plan.blocks', message: 'must have at most 200 blocks' }],
  },
  'rounding beyond a day': {
    name: 'plans/create',
    payload: withPlan({ rounding: { incrementSeconds: MAX_ROUNDING_SECONDS + 60, minimumSeconds: 0 } }),
    fields: [{ path: 'plan.rounding.incrementSeconds', message: 'must be at most 86400 seconds (24 h)' }],
  },
  'rates and fees beyond exact money': {
    name: 'plans/create',
    payload: withPlan({ overageRateMinor: MAX_RATE_MINOR_PER_HOUR + 1, allowance: { includedSeconds: 3600, fixedFeeMinor: MAX_AMOUNT_MINOR + 1 } }),
    fields: [
      { path: 'plan.allowance.fixedFeeMinor', message: 'must be at most 10000000000000 minor units' },
      { path: 'plan.overageRateMinor', message: 'must be at most 10000000000 minor units per hour' },
    ],
  },
  'a start in another century': {
    name: 'plans/create',
    payload: withPlan({ startDate: '1900-01-01' }),
    fields: [{ path: 'plan.startDate', message: 'must be between 2000-01-01 and 2099-12-31' }],
  },
  'a time zone name too long': {
    name: 'plans/create',
    payload: withPlan({ timeZone: 'Europe/'.repeat(20) }),
    fields: [{ path: 'plan.timeZone', message: 'must be at most 64 characters' }],
  },
  'a plan id too long': {
    name: 'plans/create',
    payload: withPlan({ id: 'a'.repeat(PLAN_ID_MAX_LENGTH + 1) }),
    fields: [{ path: 'plan.id', message: 'must be at most 64 characters' }],
  },
  'a payload nested too deep': {
    name: 'plans/list',
    payload: { includeArchived: { a: { b: { c: { d: { e: { f: { g: { h: true } } } } } } } } },
    fields: [{ path: 'includeArchived.a.b.c.d.e.f.g', message: 'nests too deep: a request may nest objects and arrays at most 8 levels deep' }],
  },
  'a reason of a megabyte': {
    name: 'closing/reopen',
    payload: { planId: 'acme-gold', period: '2026-09', reason: 'r'.repeat(1_000_000) },
    fields: [{ path: 'reason', message: TOO_LARGE }],
  },
};

/** Every text at its longest, every list at its longest, every amount at its highest. */
function largestPlan() {
  return planInput({
    id: 'a'.repeat(PLAN_ID_MAX_LENGTH),
    name: 'N'.repeat(PLAN_NAME_MAX_LENGTH),
    thresholdsPercent: Array.from({ length: MAX_THRESHOLDS }, (_, index) => 1000 - index),
    alertRecipients: { accountIds: accountIds(25).map((id) => id.padEnd(ACCOUNT_ID_MAX_LENGTH, 'x')), groups: Array.from({ length: 25 }, (_, index) => `${index}`.padEnd(GROUP_NAME_MAX_LENGTH, 'g')) },
    rounding: { incrementSeconds: MAX_ROUNDING_SECONDS, minimumSeconds: MAX_ROUNDING_SECONDS },
    allowance: { includedSeconds: MAX_PERIOD_SECONDS, fixedFeeMinor: MAX_AMOUNT_MINOR, rollover: { capSeconds: MAX_PERIOD_SECONDS, expiresAfterPeriods: MAX_ROLLOVER_PERIODS } },
    blocks: Array.from({ length: PLAN_MAX_BLOCKS }, (_, index) => ({
      id: `${index}`.padEnd(BLOCK_ID_MAX_LENGTH, 'b'),
      purchasedOn: '2026-09-01',
      seconds: MAX_PERIOD_SECONDS,
      expiresOn: '2099-12-31',
      priceMinor: MAX_AMOUNT_MINOR,
    })),
    overageRateMinor: MAX_RATE_MINOR_PER_HOUR,
    extraRateMinor: MAX_RATE_MINOR_PER_HOUR,
  });
}

describe('payload limits', () => {
  let fixture: BackendFixture;
  beforeAll(() => {
    fixture = backendFixture();
  });

  it.each(Object.entries(cases))('refuse %s with VALIDATION_FAILED naming the field, and store nothing', async (_title, { name, payload, fields }) => {
    const before = await fixture.snapshot();
    const answer = await fixture.invoker.invokeWithAnyPayload(name, payload, as(USERS.admin), on.settings());
    expect(answer.ok ? 'accepted' : answer.error.code).toBe('VALIDATION_FAILED');
    if (answer.ok) return;
    expect(answer.error.fields).toEqual(fields);
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('accept the largest plan within every limit', async () => {
    const answer = await fixture.invoker.invoke('plans/create', { plan: largestPlan() }, as(USERS.admin), on.settings());
    const stored = answer.ok ? answer.data.plan : null;
    expect(stored?.kind === 'buckets' ? stored.blocks.length : answer).toBe(PLAN_MAX_BLOCKS);
  });

  it('store a time zone in its canonical IANA spelling', async () => {
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'berlin', timeZone: 'europe/berlin' }) }, as(USERS.admin), on.settings());
    expect(created.ok ? created.data.plan.timeZone : created.error).toBe('Europe/Berlin');
    const read = await fixture.invoker.invoke('plans/get', { planId: 'berlin' }, as(USERS.admin), on.settings());
    expect(read.ok ? read.data.plan.plan.timeZone : read.error).toBe('Europe/Berlin');
  });
});

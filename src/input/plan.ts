import { z } from 'zod';
import type { BucketPlan, PayAsYouGoPlan, Plan } from '../ledger/types';
import {
  currencySchema,
  identifierSchema,
  localDateSchema,
  minorUnitsSchema,
  ratePerHourSchema,
  secondsSchema,
  timeZoneSchema,
  whenInputIs,
} from './fields';
import { type InputResult, parseDocument } from './result';

const roundingSchema = z.strictObject({
  incrementSeconds: secondsSchema.default(0).describe('Each billable worklog is rounded up to a multiple of this; 0 keeps it exact.'),
  minimumSeconds: secondsSchema.default(0).describe('Each billable worklog of more than 0 seconds counts at least this much.'),
});

const rolloverSchema = z.strictObject({
  capSeconds: secondsSchema.describe('At most this much of a period\'s unused allowance carries over.'),
  expiresAfterPeriods: z
    .int({ error: whenInputIs('number', 'must be a whole number of periods') })
    .min(1, { error: 'must be at least 1 (1 = the next period only)' })
    .describe('A lot expires at the end of the K-th period after the one that made it.'),
});

const allowanceSchema = z.strictObject({
  includedSeconds: secondsSchema.describe('Included hours per period, in seconds.'),
  fixedFeeMinor: minorUnitsSchema.default(0).describe('Charged once per period, never prorated.'),
  rollover: rolloverSchema.optional(),
});

const blockSchema = z.strictObject({
  id: identifierSchema,
  purchasedOn: localDateSchema.describe('Usable from the start of this local date.'),
  seconds: secondsSchema,
  expiresOn: localDateSchema.optional().describe('Inclusive; absent: never expires.'),
  priceMinor: minorUnitsSchema.default(0).describe('Charged in the period that contains purchasedOn.'),
});

const thresholdSchema = z
  .int({ error: whenInputIs('number', 'must be a whole percentage') })
  .min(1, { error: 'must be between 1 and 1000 percent' })
  .max(1000, { error: 'must be between 1 and 1000 percent' });

const alertRecipientsSchema = z.strictObject({
  accountIds: z.array(z.string().min(1, { error: 'must not be empty' })).default([]).describe('Atlassian account ids of the people to email.'),
  groups: z.array(z.string().min(1, { error: 'must not be empty' })).default([]).describe('Names of Jira groups to email.'),
});

const commonFields = {
  $schema: z.string().optional().describe('Optional link to plan.schema.json for editors; ignored.'),
  id: identifierSchema,
  name: identifierSchema,
  currency: currencySchema.describe('ISO 4217 code; every amount is in its minor units.'),
  timeZone: timeZoneSchema.describe('IANA time zone in which periods and dates are read.'),
  startDate: localDateSchema,
  endDate: localDateSchema.optional().describe('Inclusive last day.'),
  period: z.enum(['month', 'quarter', 'year']).default('month'),
  rounding: roundingSchema.default({ incrementSeconds: 0, minimumSeconds: 0 }),
  thresholdsPercent: z.array(thresholdSchema).default([]).describe('Alert thresholds, percent of the available covered hours.'),
  alertRecipients: alertRecipientsSchema
    .optional()
    .describe('Who Jira emails when a threshold is crossed (once per period and threshold); absent: the alert only shows in the app.'),
  extraRateMinor: ratePerHourSchema.describe('Minor units per hour for work on "extra" issues.'),
};

const payAsYouGoFields = z.strictObject({
  ...commonFields,
  kind: z.literal('pay-as-you-go'),
  hourlyRateMinor: ratePerHourSchema.describe('Minor units per hour of covered work.'),
});

const bucketFields = z.strictObject({
  ...commonFields,
  kind: z.literal('buckets'),
  allowance: allowanceSchema.optional(),
  blocks: z.array(blockSchema).default([]),
  overageRateMinor: ratePerHourSchema.describe('Minor units per hour of covered work beyond every usable bucket.'),
});

type PlanFields = z.output<typeof payAsYouGoFields> | z.output<typeof bucketFields>;

interface PlanRuleBreach {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

function findRuleBreaches(plan: PlanFields): PlanRuleBreach[] {
  const issues: PlanRuleBreach[] = [];
  if (plan.endDate !== undefined && plan.endDate < plan.startDate) {
    issues.push({ path: ['endDate'], message: `must not be before startDate ${plan.startDate}` });
  }
  if (plan.kind !== 'buckets') return issues;
  const seenBlockIds = new Set<string>();
  plan.blocks.forEach((block, index) => {
    if (block.purchasedOn < plan.startDate) {
      issues.push({ path: ['blocks', index, 'purchasedOn'], message: `must not be before the plan's startDate ${plan.startDate}` });
    }
    if (block.expiresOn !== undefined && block.expiresOn < block.purchasedOn) {
      issues.push({ path: ['blocks', index, 'expiresOn'], message: `must not be before purchasedOn ${block.purchasedOn}` });
    }
    if (seenBlockIds.has(block.id)) issues.push({ path: ['blocks', index, 'id'], message: 'is used by an earlier block' });
    seenBlockIds.add(block.id);
  });
  return issues;
}

function toPlan({ $schema: _editorHint, ...plan }: PlanFields): Plan {
  return plan satisfies PayAsYouGoPlan | BucketPlan;
}

/** A plan file: one plan, in the ledger's own terms; hours are integer seconds, money integer minor units. */
export const planSchema = z
  .discriminatedUnion('kind', [payAsYouGoFields, bucketFields], {
    error: (issue) => (issue.code === 'invalid_union' ? 'must be "pay-as-you-go" or "buckets"' : undefined),
  })
  .superRefine((plan, context) => {
    for (const issue of findRuleBreaches(plan)) context.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  })
  .transform(toPlan);

export function parsePlan(document: unknown): InputResult<Plan> {
  return parseDocument(planSchema, document);
}

/** A plan file as written, before defaults are filled in. */
export type PlanDocument = z.input<typeof planSchema>;

import { z } from 'zod';
import type { BucketPlan, PayAsYouGoPlan, Plan } from '../ledger/types';
import { currencySchema, identifierUpTo, localDateSchema, minorUnitsSchema, ratePerHourSchema, secondsUpTo, timeZoneSchema, whenInputIs } from './fields';
import {
  ACCOUNT_ID_MAX_LENGTH,
  BLOCK_ID_MAX_LENGTH,
  GROUP_NAME_MAX_LENGTH,
  MAX_ALERT_RECIPIENTS,
  MAX_PERIOD_SECONDS,
  MAX_ROLLOVER_PERIODS,
  MAX_ROUNDING_SECONDS,
  MAX_THRESHOLD_PERCENT,
  MAX_THRESHOLDS,
  PLAN_ID_MAX_LENGTH,
  PLAN_MAX_BLOCKS,
  PLAN_NAME_MAX_LENGTH,
  SCHEMA_LINK_MAX_LENGTH,
} from './limits';
import { type InputResult, parseDocument } from './result';

const roundingSchema = z.strictObject({
  incrementSeconds: secondsUpTo(MAX_ROUNDING_SECONDS).default(0).describe('Each billable worklog is rounded up to a multiple of this; 0 keeps it exact.'),
  minimumSeconds: secondsUpTo(MAX_ROUNDING_SECONDS).default(0).describe('Each billable worklog of more than 0 seconds counts at least this much.'),
});

const rolloverSchema = z.strictObject({
  capSeconds: secondsUpTo(MAX_PERIOD_SECONDS).describe('At most this much of a period\'s unused allowance carries over.'),
  expiresAfterPeriods: z
    .int({ error: whenInputIs('number', 'must be a whole number of periods') })
    .min(1, { error: 'must be at least 1 (1 = the next period only)' })
    .max(MAX_ROLLOVER_PERIODS, { error: `must be at most ${MAX_ROLLOVER_PERIODS} periods` })
    .describe('A lot expires at the end of the K-th period after the one that made it.'),
});

const allowanceSchema = z.strictObject({
  includedSeconds: secondsUpTo(MAX_PERIOD_SECONDS).describe('Included hours per period, in seconds.'),
  fixedFeeMinor: minorUnitsSchema.default(0).describe('Charged once per period, never prorated.'),
  rollover: rolloverSchema.optional(),
});

const blockSchema = z.strictObject({
  id: identifierUpTo(BLOCK_ID_MAX_LENGTH),
  purchasedOn: localDateSchema.describe('Usable from the start of this local date.'),
  seconds: secondsUpTo(MAX_PERIOD_SECONDS),
  expiresOn: localDateSchema.optional().describe('Inclusive; absent: never expires.'),
  priceMinor: minorUnitsSchema.default(0).describe('Charged in the period that contains purchasedOn.'),
});

const thresholdSchema = z
  .int({ error: whenInputIs('number', 'must be a whole percentage') })
  .min(1, { error: `must be between 1 and ${MAX_THRESHOLD_PERCENT} percent` })
  .max(MAX_THRESHOLD_PERCENT, { error: `must be between 1 and ${MAX_THRESHOLD_PERCENT} percent` });

function recipientsSchema(maxLength: number) {
  return z
    .array(z.string().min(1, { error: 'must not be empty' }).max(maxLength, { error: `must be at most ${maxLength} characters` }))
    .max(MAX_ALERT_RECIPIENTS, { error: `must have at most ${MAX_ALERT_RECIPIENTS} entries` })
    .default([]);
}

const alertRecipientsSchema = z
  .strictObject({
    accountIds: recipientsSchema(ACCOUNT_ID_MAX_LENGTH).describe('Atlassian account ids of the people to email.'),
    groups: recipientsSchema(GROUP_NAME_MAX_LENGTH).describe('Names of Jira groups to email.'),
  })
  .refine((recipients) => recipients.accountIds.length + recipients.groups.length <= MAX_ALERT_RECIPIENTS, {
    error: `must name at most ${MAX_ALERT_RECIPIENTS} recipients, account ids and groups together`,
  });

const commonFields = {
  $schema: z.string().max(SCHEMA_LINK_MAX_LENGTH, { error: `must be at most ${SCHEMA_LINK_MAX_LENGTH} characters` }).optional().describe('Optional link to plan.schema.json for editors; ignored.'),
  id: identifierUpTo(PLAN_ID_MAX_LENGTH),
  name: identifierUpTo(PLAN_NAME_MAX_LENGTH),
  currency: currencySchema.describe('ISO 4217 code; every amount is in its minor units.'),
  timeZone: timeZoneSchema.describe('IANA time zone in which periods and dates are read.'),
  startDate: localDateSchema,
  endDate: localDateSchema.optional().describe('Inclusive last day.'),
  period: z.enum(['month', 'quarter', 'year']).default('month'),
  rounding: roundingSchema.default({ incrementSeconds: 0, minimumSeconds: 0 }),
  thresholdsPercent: z
    .array(thresholdSchema)
    .max(MAX_THRESHOLDS, { error: `must have at most ${MAX_THRESHOLDS} thresholds` })
    .default([]).describe('Alert thresholds, percent of the available covered hours.'),
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
  blocks: z.array(blockSchema).max(PLAN_MAX_BLOCKS, { error: `must have at most ${PLAN_MAX_BLOCKS} blocks` }).default([]),
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
    // zod types this map for union issues only, but an input that is not an object arrives as `invalid_type`.
    error: (issue: z.core.$ZodRawIssue) => (issue.code === 'invalid_union' ? 'must be "pay-as-you-go" or "buckets"' : undefined),
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

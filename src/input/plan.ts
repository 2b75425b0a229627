import * as z from 'zod';
import { LedgerInputError } from '../ledger/errors';
import { createPeriodCalendar } from '../ledger/period-calendar';
import type { BucketPlan, LocalDate, PayAsYouGoPlan, Plan } from '../ledger/types';
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
  PLAN_MAX_TERM_VERSIONS,
  PLAN_NAME_MAX_LENGTH,
  SCHEMA_LINK_MAX_LENGTH,
} from './limits';
import { multipliersSchema } from './multipliers';
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

export const allowanceSchema = z.strictObject({
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

const identityFields = {
  $schema: z.string().max(SCHEMA_LINK_MAX_LENGTH, { error: `must be at most ${SCHEMA_LINK_MAX_LENGTH} characters` }).optional().describe('Optional link to plan.schema.json for editors; ignored.'),
  id: identifierUpTo(PLAN_ID_MAX_LENGTH),
  name: identifierUpTo(PLAN_NAME_MAX_LENGTH),
  currency: currencySchema.describe('ISO 4217 code; every amount is in its minor units. Fixed for the plan\'s life.'),
  timeZone: timeZoneSchema.describe('IANA time zone in which periods and dates are read. Fixed for the plan\'s life.'),
  startDate: localDateSchema.describe('The plan\'s first day; its day of the month anchors every period.'),
  endDate: localDateSchema.optional().describe('Inclusive last day.'),
  alertRecipients: alertRecipientsSchema
    .optional()
    .describe('Who Jira emails when a threshold is crossed (once per period and threshold); absent: the alert only shows in the app.'),
};

const commonTermsFields = {
  period: z.enum(['month', 'quarter', 'year']).default('month'),
  rounding: roundingSchema.default({ incrementSeconds: 0, minimumSeconds: 0 }),
  thresholdsPercent: z
    .array(thresholdSchema)
    .max(MAX_THRESHOLDS, { error: `must have at most ${MAX_THRESHOLDS} thresholds` })
    .default([]).describe('Alert thresholds, percent of the available covered hours.'),
  extraRateMinor: ratePerHourSchema.describe('Minor units per hour for work on "extra" issues.'),
  multipliers: multipliersSchema.optional(),
};

const payAsYouGoTermsFields = {
  ...commonTermsFields,
  hourlyRateMinor: ratePerHourSchema.describe('Minor units per hour of covered work.'),
};

const bucketTermsFields = {
  ...commonTermsFields,
  allowance: allowanceSchema.optional(),
  blocks: z.array(blockSchema).max(PLAN_MAX_BLOCKS, { error: `must have at most ${PLAN_MAX_BLOCKS} blocks` }).default([]),
  overageRateMinor: ratePerHourSchema.describe('Minor units per hour of covered work beyond every usable bucket.'),
};

const fromSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a period label YYYY-MM: the month in which the version\'s first period starts' })
  .describe('The period from which these terms apply (YYYY-MM of its first month); a change of "period" starts a new sequence of periods there.');

const payAsYouGoFields = z.strictObject({ ...identityFields, kind: z.literal('pay-as-you-go'), ...payAsYouGoTermsFields });
const bucketFields = z.strictObject({ ...identityFields, kind: z.literal('buckets'), ...bucketTermsFields });

const termVersionsSchema = <Shape extends z.core.$ZodShape>(shape: Shape) =>
  z
    .array(z.strictObject({ from: fromSchema, ...shape }))
    .min(1, { error: 'must list at least the terms from the plan\'s first period' })
    .max(PLAN_MAX_TERM_VERSIONS, { error: `must have at most ${PLAN_MAX_TERM_VERSIONS} versions` });

const amendmentsSchema = <Shape extends z.core.$ZodShape>(shape: Shape) =>
  z.array(z.strictObject({ from: fromSchema, ...shape })).max(PLAN_MAX_TERM_VERSIONS - 1, {
    error: `must have at most ${PLAN_MAX_TERM_VERSIONS - 1} amendments`,
  });

const payAsYouGoVersionsFields = z.strictObject({
  ...identityFields,
  kind: z.literal('pay-as-you-go'),
  terms: termVersionsSchema(payAsYouGoTermsFields).describe('Term versions, oldest first; the first applies from the plan\'s first period.'),
});
const bucketVersionsFields = z.strictObject({
  ...identityFields,
  kind: z.literal('buckets'),
  terms: termVersionsSchema(bucketTermsFields).describe('Term versions, oldest first; the first applies from the plan\'s first period.'),
});

const payAsYouGoAmendedFields = payAsYouGoFields.extend({
  amendments: amendmentsSchema({ kind: z.literal('pay-as-you-go'), ...payAsYouGoTermsFields }).optional(),
});
const bucketAmendedFields = bucketFields.extend({
  amendments: amendmentsSchema({ kind: z.literal('buckets'), ...bucketTermsFields }).optional(),
});

/** A breach of a rule across fields: at `path` inside term version `version` (1-based), or in the plan's identity (0). */
interface PlanRuleBreach {
  readonly version: number;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The local date each term version's first period starts on, or a breach naming the version whose `from` is no boundary. */
function versionStartDates(plan: Plan): { dates: LocalDate[] } | { breach: PlanRuleBreach } {
  try {
    const calendar = createPeriodCalendar(plan);
    return { dates: calendar.versionStarts.map((index) => calendar.period(index)?.startDate ?? plan.startDate) };
  } catch (error) {
    if (!(error instanceof LedgerInputError)) throw error;
    const position = /^plan\.amendments\[(\d+)\]\.from$/.exec(error.field);
    if (position === null) throw error;
    return { breach: { version: Number(position[1]) + 2, path: ['from'], message: error.message.slice(error.field.length + 2) } };
  }
}

/** A pay-as-you-go plan bills every covered hour at its hourly rate: it has no overage a rule could price. */
function overageRatesWithoutOverage(plan: PayAsYouGoPlan): PlanRuleBreach[] {
  const versions = [plan, ...(plan.amendments ?? [])];
  return versions.flatMap((terms, position) =>
    (terms.multipliers ?? []).flatMap((rule, index) =>
      rule.overageRateMinor === undefined
        ? []
        : [{ version: position + 1, path: ['multipliers', index, 'overageRateMinor'], message: 'is for bucket plans only: a pay-as-you-go plan bills charged hours at hourlyRateMinor' }],
    ),
  );
}

function findRuleBreaches(plan: Plan): PlanRuleBreach[] {
  const issues: PlanRuleBreach[] = [];
  if (plan.endDate !== undefined && plan.endDate < plan.startDate) {
    issues.push({ version: 0, path: ['endDate'], message: `must not be before startDate ${plan.startDate}` });
  }
  const starts = versionStartDates(plan);
  if ('breach' in starts) return [...issues, starts.breach];
  if (plan.kind !== 'buckets') return [...issues, ...overageRatesWithoutOverage(plan)];
  const seenBlockIds = new Set<string>();
  const versions = [plan.blocks, ...(plan.amendments ?? []).map((amendment) => amendment.blocks)];
  versions.forEach((blocks, position) => {
    const version = position + 1;
    const first = starts.dates[position] ?? plan.startDate;
    const next = starts.dates[position + 1];
    blocks.forEach((block, index) => {
      const at = (field: string) => ['blocks', index, field];
      if (block.purchasedOn < first) {
        const what = version === 1 ? `the plan's startDate ${first}` : `${first}, the first day of these terms`;
        issues.push({ version, path: at('purchasedOn'), message: `must not be before ${what}` });
      }
      if (next !== undefined && block.purchasedOn >= next) {
        issues.push({ version, path: at('purchasedOn'), message: `must be before ${next}, when the next terms apply: list the block there` });
      }
      if (block.expiresOn !== undefined && block.expiresOn < block.purchasedOn) {
        issues.push({ version, path: at('expiresOn'), message: `must not be before purchasedOn ${block.purchasedOn}` });
      }
      if (seenBlockIds.has(block.id)) issues.push({ version, path: at('id'), message: 'is used by an earlier block' });
      seenBlockIds.add(block.id);
    });
  });
  if (seenBlockIds.size > PLAN_MAX_BLOCKS) {
    issues.push({ version: 0, path: [], message: `must have at most ${PLAN_MAX_BLOCKS} blocks over all its term versions` });
  }
  return issues;
}

/** Where a breach lies in a plan written with `amendments` (the stored form): version 1 is the plan's own fields. */
function amendedPath({ version, path }: PlanRuleBreach): (string | number)[] {
  return version <= 1 ? [...path] : ['amendments', version - 2, ...path];
}

/** Where a breach lies in a plan file written with a `terms` list. */
function termsListPath({ version, path }: PlanRuleBreach): (string | number)[] {
  return version === 0 ? [...path] : ['terms', version - 1, ...path];
}

function reportBreaches(where: (breach: PlanRuleBreach) => (string | number)[]) {
  return (plan: Plan, context: z.core.$RefinementCtx<Plan>) => {
    for (const breach of findRuleBreaches(plan)) context.addIssue({ code: 'custom', path: where(breach), message: breach.message });
  };
}

type AmendedFields = z.output<typeof payAsYouGoAmendedFields> | z.output<typeof bucketAmendedFields>;

function toPlan({ $schema: _editorHint, ...plan }: AmendedFields): Plan {
  return plan satisfies PayAsYouGoPlan | BucketPlan;
}

/** The first version's terms, which become the plan's own, and the later ones as amendments of the plan's kind. */
function ownAndAmendments<Kind extends Plan['kind'], Version extends { readonly from: string }>(kind: Kind, versions: readonly Version[]) {
  const [first, ...later] = versions;
  if (first === undefined) throw new RangeError('a terms list has at least one version');
  const { from: _from, ...own } = first;
  const amendments = later.map((version) => ({ ...version, kind }));
  return { own, ...(amendments.length === 0 ? {} : { amendments }) };
}

function versionsToPlan(fields: z.output<typeof payAsYouGoVersionsFields> | z.output<typeof bucketVersionsFields>): Plan {
  if (fields.kind === 'buckets') {
    const { $schema: _editorHint, terms, ...identity } = fields;
    const { own, ...amendments } = ownAndAmendments(identity.kind, terms);
    return { ...identity, ...own, ...amendments } satisfies BucketPlan;
  }
  const { $schema: _editorHint, terms, ...identity } = fields;
  const { own, ...amendments } = ownAndAmendments(identity.kind, terms);
  return { ...identity, ...own, ...amendments } satisfies PayAsYouGoPlan;
}

// zod types this map for union issues only, but an input that is not an object arrives as `invalid_type`.
const kindError = (issue: z.core.$ZodRawIssue) => (issue.code === 'invalid_union' ? 'must be "pay-as-you-go" or "buckets"' : undefined);

/** A plan of one term version, in the ledger's own terms (the settings form; a plan file without `terms`). */
export const planSchema = z
  .discriminatedUnion('kind', [payAsYouGoFields, bucketFields], { error: kindError })
  .transform(toPlan)
  .superRefine(reportBreaches(amendedPath));

/** A plan with its later term versions as `amendments`: the ledger's type, as the app stores it. */
export const amendedPlanSchema = z
  .discriminatedUnion('kind', [payAsYouGoAmendedFields, bucketAmendedFields], { error: kindError })
  .transform(toPlan)
  .superRefine(reportBreaches(amendedPath));

/** A plan file that lists its term versions under `terms`, each with the period it applies `from`. */
export const planVersionsSchema = z
  .discriminatedUnion('kind', [payAsYouGoVersionsFields, bucketVersionsFields], { error: kindError })
  .superRefine(({ startDate, terms }, context) => {
    const firstMonth = startDate.slice(0, 7);
    if (terms[0] !== undefined && terms[0].from !== firstMonth) {
      const message = `must be ${firstMonth}, the month of the plan's startDate: the first terms apply from its first period`;
      context.addIssue({ code: 'custom', path: ['terms', 0, 'from'], message });
    }
  })
  .transform(versionsToPlan)
  .superRefine(reportBreaches(termsListPath));

/** A plan file: one version written flat (hours integer seconds, money integer minor units), or a `terms` list. */
export const planFileSchema = z.union([planSchema, planVersionsSchema]);

function listsTerms(document: unknown): boolean {
  return typeof document === 'object' && document !== null && 'terms' in document;
}

/** Reads a plan file of either shape; each is checked by its own schema, so messages name that shape's fields. */
export function parsePlan(document: unknown): InputResult<Plan> {
  return listsTerms(document) ? parseDocument(planVersionsSchema, document) : parseDocument(planSchema, document);
}

/** A plan file as written, before defaults are filled in. */
export type PlanDocument = z.input<typeof planFileSchema>;

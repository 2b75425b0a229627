import * as z from 'zod';
import type { PlanCandidate } from '../ledger/candidate-terms';
import type { Plan } from '../ledger/types';
import { identifierUpTo, minorUnitsSchema, ratePerHourSchema, secondsUpTo } from './fields';
import { CANDIDATE_NAME_MAX_LENGTH, MAX_ADVICE_CANDIDATES, MAX_PERIOD_SECONDS, MIN_TOP_UP_SECONDS, SCHEMA_LINK_MAX_LENGTH } from './limits';
import { allowanceSchema } from './plan';
import { formatPath, type InputIssue, type InputResult, parseDocument } from './result';

const topUpSchema = z.strictObject({
  topUpSeconds: secondsUpTo(MAX_PERIOD_SECONDS)
    .min(MIN_TOP_UP_SECONDS, { error: `must be at least ${MIN_TOP_UP_SECONDS} seconds (${MIN_TOP_UP_SECONDS / 3600} h)` })
    .describe('The hours of each block, in seconds.'),
  priceMinor: minorUnitsSchema.describe('The price of each block.'),
});

/** Alternative terms: the plan's terms file fields a candidate may change; each one left out keeps the plan's. */
export const candidateTermsSchema = z.strictObject({
  kind: z.enum(['pay-as-you-go', 'buckets']).optional().describe('Default: the plan\'s kind.'),
  hourlyRateMinor: ratePerHourSchema.optional().describe('Pay-as-you-go: minor units per hour of covered work.'),
  allowance: allowanceSchema.nullable().optional().describe('Buckets: included hours per period, fixed fee and rollover; null: none.'),
  overageRateMinor: ratePerHourSchema.optional().describe('Buckets: minor units per hour of covered work beyond every usable bucket.'),
  extraRateMinor: ratePerHourSchema.optional().describe('Minor units per hour for work on "extra" issues.'),
  blocks: z
    .union([z.enum(['as-bought', 'none']), topUpSchema])
    .optional()
    .describe('Buckets: "as-bought" (default) the blocks the plan bought in those periods, "none", or a block bought whenever the bank runs empty.'),
});

const candidateSchema = z.strictObject({
  name: identifierUpTo(CANDIDATE_NAME_MAX_LENGTH).describe('Shown in the table and the headline, e.g. "35 h a month".'),
  terms: candidateTermsSchema,
});

/** The candidates of one advice, each with a name of its own. */
export const candidateListSchema = z
  .array(candidateSchema)
  .min(1, { error: 'must list at least one candidate' })
  .max(MAX_ADVICE_CANDIDATES, { error: `must have at most ${MAX_ADVICE_CANDIDATES} candidates` })
  .superRefine((candidates, context) => {
    const seen = new Set<string>();
    candidates.forEach(({ name }, index) => {
      if (seen.has(name)) context.addIssue({ code: 'custom', path: [index, 'name'], message: 'is used by an earlier candidate' });
      seen.add(name);
    });
  });

/** A candidates file: alternative terms to price a plan's work under. */
export const candidatesFileSchema = z.strictObject({
  $schema: z.string().max(SCHEMA_LINK_MAX_LENGTH, { error: `must be at most ${SCHEMA_LINK_MAX_LENGTH} characters` }).optional().describe('Optional link to candidates.schema.json for editors; ignored.'),
  candidates: candidateListSchema,
});

export function parseCandidates(document: unknown): InputResult<PlanCandidate[]> {
  const parsed = parseDocument(candidatesFileSchema, document);
  return parsed.ok ? { ok: true, value: parsed.value.candidates } : parsed;
}

const BUCKET_FIELDS = ['allowance', 'overageRateMinor', 'blocks'] as const;

/**
 * Fields that would price nothing under the kind a candidate ends up with (its own, or the plan's): a bucket field
 * on pay-as-you-go terms, an hourly rate on bucket terms. Said rather than ignored, so a candidate prices what it says.
 */
export function candidateKindIssues(plan: Plan, candidates: readonly PlanCandidate[]): InputIssue[] {
  return candidates.flatMap(({ terms }, index) => {
    const kind = terms.kind ?? plan.kind;
    const where = (field: string) => formatPath(['candidates', index, 'terms', field]);
    const wrong = kind === 'buckets' ? (terms.hourlyRateMinor === undefined ? [] : ['hourlyRateMinor']) : BUCKET_FIELDS.filter((field) => terms[field] !== undefined);
    const otherKind = kind === 'buckets' ? 'pay-as-you-go' : 'buckets';
    return wrong.map((field) => ({ path: where(field), message: `prices only ${otherKind} terms, and these are ${kind}: give "kind": "${otherKind}" to use it` }));
  });
}

/** A candidates file as written. */
export type CandidatesDocument = z.input<typeof candidatesFileSchema>;

/**
 * The ledger's results as schemas, so resolver answers are described (and checkable) in the
 * contract. Each schema is tied to its ledger type with `satisfies`: a change to the ledger's
 * vocabulary that the contract does not follow fails type checking here.
 */
import * as z from 'zod';
import type { AdjustmentCharge, Breakdown, BucketSummary, ChargedSegment, ChargeLine, Forecast, LateAdjustment, Period, Statement, WorklogLine } from '../ledger/types';

const seconds = z.int().min(0);
const minorUnits = z.int();
const instant = z.int();
const localDate = z.string();
export const billingClassSchema = z.enum(['covered', 'extra', 'non-billable']);

export const periodSchema = z.object({
  index: z.int(),
  label: z.string(),
  startDate: localDate,
  endDateExclusive: localDate,
  start: instant,
  end: instant,
}) satisfies z.ZodType<Period>;

const bucketSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['rollover', 'allowance', 'block']),
  usableFrom: instant,
  expiresAt: instant.nullable(),
  openingSeconds: seconds,
  usedSeconds: seconds,
  expiredSeconds: seconds,
  closingSeconds: seconds,
}) satisfies z.ZodType<BucketSummary>;

export const chargeLineSchema = z.object({
  kind: z.enum(['overage', 'extra', 'pay-as-you-go', 'fixed-fee', 'block-purchase']),
  description: z.string(),
  seconds: seconds.optional(),
  rateMinor: minorUnits.optional(),
  amountMinor: minorUnits,
  multiplierRules: z.array(z.string()).optional(),
}) satisfies z.ZodType<ChargeLine>;

export const forecastSchema = z.object({
  asOf: instant,
  averageDailyBurnSeconds: seconds,
  projectedUseSeconds: seconds,
  projectedRunOutAt: instant.nullable(),
}) satisfies z.ZodType<Forecast>;

/** The time a worklog, or a group of them, counts for, by how it is billed. */
const billedSeconds = {
  rawSeconds: seconds,
  roundedSeconds: seconds,
  coveredSeconds: seconds,
  overageSeconds: seconds,
  extraSeconds: seconds,
  nonBillableSeconds: seconds,
};

export const breakdownSchema = z.object({ key: z.string(), ...billedSeconds, worklogCount: z.int().min(0) }) satisfies z.ZodType<Breakdown>;

const worklogFacts = {
  worklogId: z.string(),
  issueId: z.string(),
  issueKey: z.string().optional(),
  issueSummary: z.string().optional(),
  authorAccountId: z.string().nullable(),
  started: instant,
  billingClass: billingClassSchema,
};

/** A stretch of a worklog priced by one multiplier factor (docs/ledger.md, Multipliers). */
const chargedSegmentSchema = z.object({
  started: instant,
  rawSeconds: seconds,
  roundedSeconds: seconds,
  rule: z.string().optional(),
  factorPermille: z.int().min(1000),
  chargedSeconds: seconds,
}) satisfies z.ZodType<ChargedSegment>;

export const worklogLineSchema = z.object({
  ...worklogFacts,
  ...billedSeconds,
  draws: z.array(z.object({ bucketId: z.string(), seconds })),
  /** Only where a multiplier changed the worklog's pricing (docs/ledger.md, Multipliers). */
  chargedSeconds: seconds.optional(),
  segments: z.array(chargedSegmentSchema).optional(),
}) satisfies z.ZodType<WorklogLine>;

const chargeKindSchema = z.enum(['overage', 'extra', 'pay-as-you-go', 'fixed-fee', 'block-purchase']);

/** A late change to a closed period: every seconds figure is a delta, so it may be negative. */
export const lateAdjustmentSchema = z.object({
  periodLabel: z.string(),
  closedVersion: z.int().min(1),
  kind: z.enum(['added', 'changed', 'removed']),
  ...worklogFacts,
  rawSeconds: z.int(),
  roundedSeconds: z.int(),
  coveredSeconds: z.int(),
  overageSeconds: z.int(),
  extraSeconds: z.int(),
  nonBillableSeconds: z.int(),
}) satisfies z.ZodType<LateAdjustment>;

export const adjustmentChargeSchema = z.object({
  periodLabel: z.string(),
  closedVersion: z.int().min(1),
  kind: chargeKindSchema,
  description: z.string(),
  seconds: z.int().optional(),
  rateMinor: minorUnits.optional(),
  amountMinor: minorUnits,
  multiplierRules: z.array(z.string()).optional(),
}) satisfies z.ZodType<AdjustmentCharge>;

/** A statement's figures without its lines, breakdowns and late adjustments (lists that grow with the work): what history tables and cards show. */
export const statementTotalsSchema = z.object({
  planId: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  period: periodSchema,
  /** Statements frozen before plans had term versions lack it: their plan had one version. */
  termsVersion: z.int().min(1).default(1),
  includedSeconds: seconds,
  carriedIn: z.array(z.object({ bucketId: z.string(), fromPeriod: z.string(), seconds, expiresAt: instant })),
  carriedInSeconds: seconds,
  purchasedSeconds: seconds,
  availableSeconds: seconds,
  usedCoveredSeconds: seconds,
  remainingSeconds: seconds,
  overageSeconds: seconds,
  extraSeconds: seconds,
  nonBillableSeconds: seconds,
  buckets: z.array(bucketSummarySchema),
  charges: z.array(chargeLineSchema),
  totalMinor: minorUnits,
  thresholdsCrossed: z.array(z.object({ percent: z.int(), worklogId: z.string(), at: instant, usedCoveredSeconds: seconds })),
  forecast: forecastSchema.nullable(),
  closedVersion: z.int().min(1).nullable(),
  adjustmentCharges: z.array(adjustmentChargeSchema),
});

export const statementSchema = statementTotalsSchema.extend({
  lateAdjustments: z.array(lateAdjustmentSchema),
  byIssue: z.array(breakdownSchema),
  byAuthor: z.array(breakdownSchema),
  lines: z.array(worklogLineSchema),
  outOfPlan: z.array(
    z.object({ worklogId: z.string(), issueId: z.string(), started: instant, reason: z.enum(['before-plan-start', 'after-plan-end']) }),
  ),
}) satisfies z.ZodType<Statement>;

export type StatementTotals = z.infer<typeof statementTotalsSchema>;

/**
 * One page of a list of a statement: `items` from `offset` on, of `total` in the whole list. A page ends at the
 * items asked for or before its JSON would pass a byte budget, whichever comes first, so it may hold fewer; the
 * next page starts at `nextOffset` (null after the last).
 */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), offset: z.int().min(0), total: z.int().min(0), nextOffset: z.int().min(0).nullable() });
}

/** A row of the breakdown by issue (keyed by issue id), with the issue's key when the statement knows it. */
export const issueBreakdownSchema = breakdownSchema.extend({ issueKey: z.string().optional() });

/** The lists of a statement that grow with the work, each answered a page at a time. */
export const statementListSchema = z.enum(['lines', 'lateAdjustments', 'byIssue', 'byAuthor']);

/**
 * Set when a period's statement is the one the plan's last figures refresh left, shown while the next refresh is
 * asked for or running (or the plan is being recomputed from Jira): `asOf` is that refresh's instant, and work
 * recorded since may be missing. Null when the statement is the ledger's over everything recorded (docs/decisions/0064).
 */
export const statementUpdatingSchema = z.object({ asOf: instant }).nullable();

/**
 * A statement as resolvers answer it: its figures, the covered seconds of each day (the burn chart), and the first
 * page of each list (lines and late adjustments in the ledger's order, breakdowns by billable hours, most first).
 * `revision` names the statement's content: a page cut from a different revision is from a changed statement.
 */
export const statementSummarySchema = statementTotalsSchema.extend({
  revision: z.string(),
  updating: statementUpdatingSchema,
  /** Covered seconds logged on each day of the period (day 0 = its first 24 hours), not cumulated. */
  dailyCoveredSeconds: z.array(seconds),
  /** Worklogs of the plan's issues that fall outside the plan's dates (the CLI lists them; resolvers count them). */
  outOfPlanCount: z.int().min(0),
  lines: pageSchema(worklogLineSchema),
  lateAdjustments: pageSchema(lateAdjustmentSchema),
  byIssue: pageSchema(issueBreakdownSchema),
  byAuthor: pageSchema(breakdownSchema),
});

export type StatementSummary = z.infer<typeof statementSummarySchema>;
export type StatementUpdating = z.infer<typeof statementUpdatingSchema>;
export type StatementList = z.infer<typeof statementListSchema>;
export type IssueBreakdown = z.infer<typeof issueBreakdownSchema>;

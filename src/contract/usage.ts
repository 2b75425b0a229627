import * as z from 'zod';
import { HISTORY_MAX_PERIODS, STATEMENT_PAGE_DEFAULT_ITEMS, STATEMENT_PAGE_MAX_ITEMS } from '../input/limits';
import { periodLabelSchema, planIdSchema, planStatusSchema } from './plans';
import {
  breakdownSchema,
  forecastSchema,
  issueBreakdownSchema,
  lateAdjustmentSchema,
  pageSchema,
  periodSchema,
  statementSummarySchema,
  statementTotalsSchema,
  statementUpdatingSchema,
  worklogLineSchema,
} from './statement';

export const thresholdStateSchema = z.enum(['ok', 'warning', 'exhausted']);

/** A threshold alert raised this period and still true (see `src/app/alerts`). */
export const activeAlertSchema = z.object({
  percent: z.int(),
  periodLabel: z.string(),
  /** The issue whose work crossed the threshold (the email was about it); null when its key is unknown. */
  issueKey: z.string().nullable(),
  raisedAt: z.int(),
  /** Whether Jira accepted the email to the plan's recipients (false: pending, failed, or the plan names nobody). */
  delivered: z.boolean(),
  /** Why the email could not be sent, once the app gave up on it; null otherwise. The project settings list it too. */
  emailFailure: z.string().nullable(),
});

/** One plan's current period at a glance: the project page's card, the gadget and the issue panel. */
export const planCardSchema = z.object({
  planId: z.string(),
  planName: z.string(),
  kind: z.enum(['pay-as-you-go', 'buckets']),
  status: planStatusSchema,
  currency: z.string(),
  timeZone: z.string(),
  period: periodSchema,
  /** Whole local days from today to the period's end, today included; 0 once it is over. */
  daysLeft: z.int().min(0),
  availableSeconds: z.int().min(0),
  usedCoveredSeconds: z.int().min(0),
  remainingSeconds: z.int().min(0),
  overageSeconds: z.int().min(0),
  overageMinor: z.int().min(0),
  extraSeconds: z.int().min(0),
  nonBillableSeconds: z.int().min(0),
  totalMinor: z.int(),
  forecast: forecastSchema.nullable(),
  /** Thresholds (percent) crossed this period, ascending. */
  thresholdsCrossed: z.array(z.int()),
  /** `exhausted`: no covered hours left (or overage); `warning`: a threshold crossed. */
  thresholdState: thresholdStateSchema,
  /** The figures are the last complete ones while newer work, terms or closed periods are being taken into account (usually seconds). */
  refreshing: z.boolean(),
  /** The alerts raised this period and not withdrawn, lowest threshold first; absent where not looked up. */
  activeAlerts: z.array(activeAlertSchema).optional(),
});

/** What the gadget's edit view saves with `view.submit` and the view reads back from its context. */
export const gadgetConfigurationSchema = z.strictObject({
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, { error: 'must be a Jira project key, e.g. "ACME"' }),
  planId: planIdSchema,
});

/** The worklog lines' columns a page may be sorted by (the project page's table). */
export const lineSortKeySchema = z.enum(['started', 'issue', 'author', 'billingClass', 'raw', 'rounded', 'factor', 'charged', 'covered', 'overage']);
/** The breakdowns' columns a page may be sorted by; `key` is the issue key (or id) or the account id. */
export const breakdownSortKeySchema = z.enum(['key', 'rounded', 'covered', 'overage', 'extra', 'nonBillable', 'count']);

const sortBy = <Key extends z.ZodType>(key: Key) => z.strictObject({ key, descending: z.boolean() }).optional();

/** Which page of which list of which statement: a period's current statement, or one frozen version of a closed period. */
const pageRequest = {
  planId: planIdSchema,
  period: periodLabelSchema,
  version: z.int().min(1, { error: 'must be at least 1' }).optional(),
  offset: z.int().min(0, { error: 'must be at least 0' }).default(0),
  limit: z
    .int()
    .min(1, { error: 'must be at least 1' })
    .max(STATEMENT_PAGE_MAX_ITEMS, { error: `must be at most ${STATEMENT_PAGE_MAX_ITEMS}` })
    .default(STATEMENT_PAGE_DEFAULT_ITEMS),
};

export const usageContract = {
  /** A period's statement (`YYYY-MM`; default: the current one): its figures and the first page of each list. */
  'usage/statement': {
    payload: z.strictObject({ planId: planIdSchema, period: periodLabelSchema.optional() }),
    result: statementSummarySchema,
  },
  /**
   * A page of one of a statement's lists: lines and late adjustments in the ledger's order unless sorted, breakdowns
   * by billable hours (most first) unless sorted. Each answer names the revision it was cut from, and whether that
   * statement is the last refreshed one while the figures are updating (`updating`, as in `usage/statement`).
   */
  'usage/statementPage': {
    payload: z.discriminatedUnion('list', [
      z.strictObject({ ...pageRequest, list: z.literal('lines'), sort: sortBy(lineSortKeySchema) }),
      z.strictObject({ ...pageRequest, list: z.literal('lateAdjustments') }),
      z.strictObject({ ...pageRequest, list: z.literal('byIssue'), sort: sortBy(breakdownSortKeySchema) }),
      z.strictObject({ ...pageRequest, list: z.literal('byAuthor'), sort: sortBy(breakdownSortKeySchema) }),
    ]),
    result: z.discriminatedUnion('list', [
      z.object({ list: z.literal('lines'), revision: z.string(), updating: statementUpdatingSchema, page: pageSchema(worklogLineSchema) }),
      z.object({ list: z.literal('lateAdjustments'), revision: z.string(), updating: statementUpdatingSchema, page: pageSchema(lateAdjustmentSchema) }),
      z.object({ list: z.literal('byIssue'), revision: z.string(), updating: statementUpdatingSchema, page: pageSchema(issueBreakdownSchema) }),
      z.object({ list: z.literal('byAuthor'), revision: z.string(), updating: statementUpdatingSchema, page: pageSchema(breakdownSchema) }),
    ]),
  },
  'usage/history': {
    payload: z.strictObject({
      planId: planIdSchema,
      periods: z.int().min(1).max(HISTORY_MAX_PERIODS, { error: `must be at most ${HISTORY_MAX_PERIODS}` }).optional(),
    }),
    /** Oldest first, ending with the current period. */
    result: z.object({ periods: z.array(statementTotalsSchema) }),
  },
  'usage/overview': {
    payload: z.strictObject({}),
    result: z.object({ project: z.object({ id: z.string(), key: z.string() }), cards: z.array(planCardSchema) }),
  },
  'usage/gadget': {
    payload: z.strictObject({}),
    result: z.discriminatedUnion('configured', [
      z.object({ configured: z.literal(false) }),
      z.object({ configured: z.literal(true), projectKey: z.string(), card: planCardSchema }),
    ]),
  },
} as const;

export type PlanCard = z.infer<typeof planCardSchema>;
export type LineSortKey = z.infer<typeof lineSortKeySchema>;
export type BreakdownSortKey = z.infer<typeof breakdownSortKeySchema>;
export type ThresholdState = z.infer<typeof thresholdStateSchema>;
export type ActiveAlert = z.infer<typeof activeAlertSchema>;
export type GadgetConfiguration = z.infer<typeof gadgetConfigurationSchema>;

/**
 * Closing periods: freezing a plan's period statement (close), making it open again with a
 * reason (reopen), the state of every period, and every frozen version, still readable.
 */
import * as z from 'zod';
import { CLOSING_REASON_MAX_LENGTH } from '../input/limits';
import { periodLabelSchema, planIdSchema } from './plans';
import { periodSchema, statementSummarySchema, statementTotalsSchema } from './statement';

export const periodStatusSchema = z.enum(['open', 'closed']);

/** One frozen version of a period's statement, without its lines. */
export const closedVersionSchema = z.object({
  planId: z.string(),
  periodLabel: z.string(),
  /** 1 for the first close of the period, n + 1 for closing it again after a reopen. */
  version: z.int().min(1),
  closedAt: z.int(),
  /** Account id of the project admin who closed it. */
  closedBy: z.string(),
  /** SHA-256 (lower-case hex) of the statement's canonical JSON (keys sorted, no spaces). */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  lineCount: z.int().min(0),
  chunkCount: z.int().min(0),
  /** UTF-8 bytes of the canonical JSON. */
  byteLength: z.int().min(0),
  totals: statementTotalsSchema,
});

export const closingAuditEntrySchema = z.object({
  periodLabel: z.string(),
  version: z.int().min(1),
  action: z.enum(['closed', 'reopened']),
  at: z.int(),
  by: z.string(),
  /** Why it was reopened; absent on closes. */
  reason: z.string().optional(),
  contentHash: z.string(),
});

/** Why an open period can't be closed now, and when it should be closable (null: not known). */
export const periodBlockerSchema = z.object({
  reason: z.enum(['period-not-ended', 'previous-period-open', 'bulk-link-running', 'build-running', 'reconciliation-behind']),
  /** The reason in a sentence, instants in the plan's time zone. */
  message: z.string(),
  closableFrom: z.int().nullable(),
});

export const periodStateSchema = z.object({
  period: periodSchema,
  status: periodStatusSchema,
  /** The latest frozen version; 0 when the period was never closed. */
  version: z.int().min(0),
  /** Whether it may be closed now: ended, open, every earlier period closed, and the plan's figures complete. */
  closable: z.boolean(),
  /** Why an open period is not closable; null when it is, and for a closed period. */
  blocker: periodBlockerSchema.nullable(),
  /** Whether it may be reopened now: closed, and the next period not closed. */
  reopenable: z.boolean(),
  /** Every frozen version, oldest first. */
  versions: z.array(closedVersionSchema),
});

const periodRef = { planId: planIdSchema, period: periodLabelSchema };

export const closingContract = {
  'closing/list': {
    payload: z.strictObject({ planId: planIdSchema }),
    result: z.object({
      /** Every period started so far, oldest first. */
      periods: z.array(periodStateSchema),
      /** Closes and reopens, oldest first. */
      audit: z.array(closingAuditEntrySchema),
      canAdminister: z.boolean(),
    }),
  },
  'closing/close': {
    payload: z.strictObject(periodRef),
    result: closedVersionSchema,
  },
  'closing/reopen': {
    payload: z.strictObject({
      ...periodRef,
      reason: z
        .string()
        .trim()
        .min(1, { error: 'must say why the period is reopened' })
        .max(CLOSING_REASON_MAX_LENGTH, { error: `must be at most ${CLOSING_REASON_MAX_LENGTH} characters` }),
    }),
    result: closingAuditEntrySchema,
  },
  /** One frozen version: its record and its statement as `usage/statement` answers one (further pages: `usage/statementPage` with `version`). */
  'closing/version': {
    payload: z.strictObject({ ...periodRef, version: z.int().min(1, { error: 'must be at least 1' }) }),
    result: z.object({ version: closedVersionSchema, statement: statementSummarySchema }),
  },
} as const;

export type PeriodStatus = z.infer<typeof periodStatusSchema>;
export type ClosedVersion = z.infer<typeof closedVersionSchema>;
export type ClosingAuditEntry = z.infer<typeof closingAuditEntrySchema>;
export type PeriodState = z.infer<typeof periodStateSchema>;
export type PeriodBlocker = z.infer<typeof periodBlockerSchema>;

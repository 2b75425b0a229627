/**
 * The stored shapes of a plan's figures. Every read is validated: a record may come from an
 * older release, or from a refresh of a plan whose terms have changed since.
 */
import * as z from 'zod';
import { type DeepReadonly, statementTotalsSchema } from '../../contract';

const instant = z.int();
const seconds = z.int().nonnegative();

const useProgressSchema = z.object({
  cutoff: instant,
  coveredBefore: seconds,
  reachedAvailableAt: instant.nullable(),
  later: z.array(z.tuple([instant, seconds])),
});

const forecastBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('frozen'), forecast: statementTotalsSchema.shape.forecast }),
  z.object({ kind: z.literal('progress'), progress: useProgressSchema }),
]);

/** A period's figures (the ledger's `PeriodFigures`), and the issue of each worklog that crossed an alert threshold. */
export const storedPeriodFiguresSchema = statementTotalsSchema.omit({ forecast: true }).extend({
  forecastBasis: forecastBasisSchema,
  crossings: z.array(z.object({ worklogId: z.string(), issueId: z.string(), issueKey: z.string().nullable() })),
});

export const figuresHeadSchema = z.object({
  refreshedAt: instant,
  /** The plan's version the figures were computed under. */
  planVersion: z.int().min(1),
  /** The last period stored: the one after the reporting period at the refresh (or the plan's last). */
  lastLabel: z.string(),
  issueShardCount: z.int().positive(),
  worklogCount: z.int().nonnegative(),
});

/** `[raw, rounded, covered, overage, extra, non-billable seconds, worklogs]` */
const usageTuple = z.tuple([z.int(), z.int(), z.int(), z.int(), z.int(), z.int(), z.int()]);

/** Issue id → its usage by period label: `p` in that period, `a` in every period through it (late adjustments included). */
export const issueUsageShardSchema = z.record(z.string(), z.object({ p: z.record(z.string(), usageTuple), a: z.record(z.string(), usageTuple) }));

export const refreshRequestSchema = z.object({
  requestedAt: instant,
  /** Set by the refresh that took the request; a later request while it runs changes the record, so that refresh runs again. */
  takenAt: instant.optional(),
});

export type StoredPeriodFigures = DeepReadonly<z.infer<typeof storedPeriodFiguresSchema>>;
export type FiguresHead = z.infer<typeof figuresHeadSchema>;
export type IssueUsageShard = z.infer<typeof issueUsageShardSchema>;
export type UsageTuple = z.infer<typeof usageTuple>;
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

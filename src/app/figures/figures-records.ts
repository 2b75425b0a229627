/**
 * The stored shapes of a plan's figures. Every read is validated: a record may come from an
 * older release, or from a refresh of a plan whose terms have changed since.
 */
import * as z from 'zod';
import { activeAlertSchema, type DeepReadonly, statementTotalsSchema } from '../../contract';
import type { JsonValue } from '../ports/store';

const instant = z.int();
const seconds = z.int().nonnegative();

const useProgressSchema = z.object({
  cutoff: instant,
  coveredBefore: seconds,
  reachedAvailableAt: instant.nullable(),
  later: z.array(z.tuple([instant, seconds])),
  /** Absent in records of releases that kept every later start: those answer at any instant. */
  until: instant.nullable().default(null),
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

/** What the last refresh stored, with the figures of the periods reads ask for most, so that they cost no read of their own. */
export const refreshedFiguresSchema = z.object({
  refreshedAt: instant,
  /** The plan's version the figures were computed under. */
  planVersion: z.int().min(1),
  /** The plan's key, which never changes: the issue panel finds the plan through it from the issue's link. */
  planKey: z.string(),
  /** The last period stored: the one after the reporting period at the refresh (or the plan's last). */
  lastLabel: z.string(),
  issueShardCount: z.int().positive(),
  worklogCount: z.int().nonnegative(),
  /** The last two periods stored (the reporting period at the refresh and the next), as their own records hold them. */
  recent: z.array(storedPeriodFiguresSchema),
});

/** A refresh request names at most this many issues; one naming more asks for the whole plan. */
export const REQUEST_ISSUES_MAX = 64;

export const refreshRequestSchema = z.object({
  requestedAt: instant,
  /**
   * Every change asked for since the last refresh is a worklog event of one of these issues (their aggregate
   * shards): the refresh may read only those (docs/internals/figures.md, "Refreshes"). Absent: anything may have
   * changed, the refresh reads the whole plan.
   */
  issues: z.array(z.string()).max(REQUEST_ISSUES_MAX).optional(),
  /** Set by the refresh that took the request. */
  takenAt: instant.optional(),
  /** Asked again after the refresh took it: that refresh keeps the request and runs again. */
  again: z.literal(true).optional(),
  /**
   * A refresh found it had to read the whole plan sooner than the plan's spacing allows and queued itself for then:
   * the job that finds this mark runs, whenever the queue runs it.
   */
  deferred: z.literal(true).optional(),
});

/** The active alerts of the period the plan's alerts were last checked in, lowest threshold first (at most one a threshold). */
export const headAlertsSchema = z.object({ periodLabel: z.string(), active: z.array(activeAlertSchema) });

/**
 * The plan's figures head: what the last refresh stored, the refresh asked for since and the
 * period's active alerts, in one record so that a read learns them in one request. Refreshes,
 * requests, alert checks and deliveries change it with conditional writes, so none loses another's.
 */
export const figuresHeadSchema = z.object({
  /** Null until a refresh has stored figures. */
  refreshed: refreshedFiguresSchema.nullable(),
  /** Present while a refresh is asked for and has not finished. */
  request: refreshRequestSchema.nullable(),
  /** A full recompute of the plan's aggregate is under way: the figures are the last ones before it. */
  rebuilding: z.literal(true).optional(),
  /**
   * Some change reached the plan while it was being rebuilt: it went to the generation the build replaces, which the
   * build may have read before it (an issue linked after the build read its page). The swap catches up at once.
   */
  changedWhileRebuilding: z.literal(true).optional(),
  /** Written by alert checks and deliveries; absent until the first check of a release that writes it. */
  alerts: headAlertsSchema.optional(),
});

const NO_FIGURES: FiguresHead = { refreshed: null, request: null };

/** The stored head, or an empty one when there is none (or one in a layout no release writes any more). */
export function figuresHeadOf(value: JsonValue | undefined): FiguresHead {
  const parsed = figuresHeadSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_FIGURES;
}

/** `[raw, rounded, covered, overage, extra, non-billable seconds, worklogs]` */
const usageTuple = z.tuple([z.int(), z.int(), z.int(), z.int(), z.int(), z.int(), z.int()]);

/** One issue's usage by period label: `p` in that period, `a` in every period through it (late adjustments included). */
export const issueUsageByLabelSchema = z.object({ p: z.record(z.string(), usageTuple), a: z.record(z.string(), usageTuple) });
/** One issue's usage, by period label: in the period (`p`) and through it (`a`). */
export type IssueUsageByLabel = z.infer<typeof issueUsageByLabelSchema>;

/** Issue id → its usage (`issueUsageByLabelSchema`). */
export const issueUsageShardSchema = z.record(z.string(), issueUsageByLabelSchema);

export type IssueUsageShard = z.infer<typeof issueUsageShardSchema>;

export type StoredPeriodFigures = DeepReadonly<z.infer<typeof storedPeriodFiguresSchema>>;
export type FiguresHead = z.infer<typeof figuresHeadSchema>;
export type RefreshedFigures = NonNullable<FiguresHead['refreshed']>;
export type UsageTuple = z.infer<typeof usageTuple>;
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;
export type HeadAlerts = z.infer<typeof headAlertsSchema>;

const bucketSchema = z.object({
  id: z.string(),
  kind: z.enum(['rollover', 'allowance', 'block']),
  usableFrom: instant,
  expiresAt: instant.nullable(),
  rank: z.int(),
  fromPeriod: z.string().optional(),
  balance: seconds,
});

/** The ledger's `ReplayCheckpoint`. */
const checkpointSchema = z.object({ alive: z.array(bucketSchema), blocksTaken: z.int().nonnegative() });

/** One closed period as the refresh that last replayed it left it. */
const closedPeriodSummarySchema = z.object({
  label: z.string(),
  /** The frozen version in force. */
  version: z.int().min(1),
  /** SHA-256 (hex) of the ledger's `periodReplayInputs` for the period at that replay. */
  inputs: z.string(),
  /** The replay found no late adjustment for the period: its frozen statement and what later ones booked for it account for all its work. */
  settled: z.boolean(),
  /** Where that replay stood at the period's end. */
  closing: checkpointSchema,
});

/**
 * The plan's closed periods, the first periods of the plan in order, as a refresh left them
 * (see docs/internals/figures.md, "Closed periods"). The issues' usage through the last of them
 * adds up frozen statements only, so its shards are keyed by `usageId`, which names the
 * closed versions: a change of them writes a fresh set beside the one in use.
 */
export const closedSummarySchema = z.object({
  periods: z.array(closedPeriodSummarySchema),
  usageId: z.string(),
  usageShardCount: z.int().nonnegative(),
});

/** Issue id → its usage through the last closed period: frozen lines and the late adjustments they booked. */
export const closedUsageShardSchema = z.record(z.string(), usageTuple);

export type ClosedSummary = z.infer<typeof closedSummarySchema>;
export type ClosedPeriodSummary = z.infer<typeof closedPeriodSummarySchema>;
export type ClosedUsageShard = z.infer<typeof closedUsageShardSchema>;

/**
 * What an open period's statement is put together from, as the refresh that wrote it left it: the ledger's replay
 * resumes at `from` (the period itself, or the first closed period before it still waiting for late adjustments)
 * with the frozen statements of the closed periods from there, over the entries of the periods from there through
 * this one (chunks named by content), and the plan's worklogs outside its periods.
 */
export const statementSourceSchema = z.object({
  /** The plan's version the entries were filed under (its terms round them). */
  planVersion: z.int().min(1),
  from: z.object({ index: z.int().nonnegative(), checkpoint: checkpointSchema }),
  frozen: z.array(z.object({ label: z.string(), version: z.int().min(1) })),
  periods: z.array(z.object({ label: z.string(), chunks: z.array(z.string()) })),
  outOfPlan: z.array(z.string()),
});

export type StatementSource = z.infer<typeof statementSourceSchema>;

/**
 * What the last refresh saw of the work before its reporting period, aggregate shard by shard, so that a refresh
 * after worklog events on a few issues can tell, from those issues' shards alone, that nothing before the reporting
 * period changed. Belongs to the refresh the head names (`refreshedAt`); any other is not used.
 */
export const earlierWorkSchema = z.object({
  refreshedAt: instant,
  /** The reporting period at that refresh: the digests cover the periods before it. */
  reportingLabel: z.string(),
  /** The aggregate's generation and shard count the shards are of. */
  generation: z.int().nonnegative(),
  shardCount: z.int().positive(),
  /** A SHA-256 prefix of the closed-period summary that refresh left (its canonical JSON), null for none: a summary lost since is told. */
  closedSummary: z.string().nullable(),
  /** The number of issues in the issue shards (`fig:<plan>:i:`). */
  issueCount: z.int().nonnegative(),
  /** That refresh changed the issue shards' count: the next deletes the set of the count before (one refresh later, as always). */
  retiringIssueShards: z.boolean(),
  /**
   * Issues whose usage through the period before the reporting period is there and adds up to nothing (late
   * adjustments that undo frozen lines): told apart from issues without usage before it.
   */
  zeroBefore: z.array(z.string()),
  /** Per aggregate shard: a SHA-256 prefix of the ledger's entries of its issues before the reporting period and of its worklogs outside the plan, and its worklog count. */
  shards: z.array(z.tuple([z.string(), z.int().nonnegative()])),
  /**
   * The entry chunks (`<part>:<id>`) that refresh was about to write or delete, recorded before it touched any: a
   * refresh that finds this record not its head's (that one was killed before its head) deletes those its own
   * sources do not name. None in records of releases before it.
   */
  unsettledChunks: z.array(z.string()).default([]),
});

export type EarlierWork = z.infer<typeof earlierWorkSchema>;

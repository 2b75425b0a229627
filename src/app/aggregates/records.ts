/**
 * The stored shapes of the aggregates, kept compact because a 100,000-worklog plan must fit
 * in parts of at most 240 KiB: a worklog is a tuple, not an object with repeated field names.
 * Every read is validated: stored data may have been written by an older release.
 */
import { z } from 'zod';

const billingClass = z.enum(['covered', 'extra', 'non-billable']);

/** `[started as Jira wrote it, seconds, author account id, updated epoch ms]` */
const worklogRecord = z.tuple([z.string(), z.number().int().nonnegative(), z.string().nullable(), z.number().int()]);

const issueEntry = z.object({
  /** Issue key (empty until known). */
  k: z.string(),
  /** Issue summary (empty until known). */
  s: z.string(),
  b: billingClass,
  /** Worklog id → its latest contribution. */
  w: z.record(z.string(), worklogRecord),
  /** Worklog id → when it was deleted (epoch ms): a tombstone, so a late event can't bring it back. */
  d: z.record(z.string(), z.number().int()),
});

export const aggregatePartSchema = z.object({ i: z.record(z.string(), issueEntry) });

export const planHeadSchema = z.object({
  generation: z.number().int().nonnegative(),
  shardCount: z.number().int().positive(),
  worklogCount: z.number().int().nonnegative(),
  /** A recompute writing the next generation; absent when none runs. */
  building: z
    .object({
      generation: z.number().int().positive(),
      shardCount: z.number().int().positive(),
      startedAt: z.number().int(),
    })
    .optional(),
});

/** Issue id → `[plan id, billing class, issue key]`. */
export const linkShardSchema = z.record(z.string(), z.tuple([z.string(), billingClass, z.string()]));

export const watermarkSchema = z.object({
  since: z.number().int(),
  /**
   * Every worklog change made before this instant is in the aggregates: the last reconciliation
   * read Jira's feeds up to it, and no recompute swapped in since needs an older change replayed.
   * Absent until a reconciliation of this release has run.
   */
  caughtUpTo: z.number().int().optional(),
});

export type WorklogRecord = z.infer<typeof worklogRecord>;
export type IssueEntry = z.infer<typeof issueEntry>;
export type AggregatePart = z.infer<typeof aggregatePartSchema>;
export type PlanHead = z.infer<typeof planHeadSchema>;
export type LinkShard = z.infer<typeof linkShardSchema>;

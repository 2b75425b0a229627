/**
 * The stored shapes of a plan's aggregate head and of the reconciliation watermark (the parts and the issue →
 * plan links have a compact layout of their own: `aggregate-codec.ts`). Every read is validated: stored data
 * may have been written by an older release.
 */
import * as z from 'zod';

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
      /** The build's last sign of life: its start, then each chunk's start and the end of its reading. Absent in builds started by earlier releases. */
      progressAt: z.number().int().optional(),
      /** The chunk that showed it: a watch over an earlier chunk leaves the build to this one's. Absent in builds of earlier releases. */
      chunk: z.number().int().nonnegative().optional(),
    })
    .optional(),
  /**
   * The last swap: the generation it replaced and when its build started, so that a retry of the job killed right
   * after the swap can finish what follows it. Absent before the first swap of a release that writes it.
   */
  swapped: z
    .object({
      from: z.number().int().nonnegative(),
      startedAt: z.number().int(),
      /** The replaced generation's shard count, to find the events it took while the build ran. Absent in swaps of earlier releases. */
      fromShardCount: z.number().int().positive().optional(),
    })
    .optional(),
});

export const watermarkSchema = z.object({
  since: z.number().int(),
  /**
   * Every worklog change made before this instant is in the aggregates: the last reconciliation
   * read Jira's feeds up to it, and no recompute swapped in since needs an older change replayed.
   * Absent until a reconciliation of this release has run.
   */
  caughtUpTo: z.number().int().optional(),
});

export type PlanHead = z.infer<typeof planHeadSchema>;

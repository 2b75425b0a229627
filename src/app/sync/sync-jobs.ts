/** The bodies of the jobs the sync side pushes to its queue. */
import * as z from 'zod';

const recomputeChunkJobSchema = z.object({
  kind: z.literal('recompute-chunk'),
  planId: z.string(),
  generation: z.number().int().positive(),
  chunk: z.number().int().nonnegative(),
  /** Where this chunk resumes reading the plan's issues; null for the first page. */
  pageToken: z.string().nullable(),
  /** Worklogs written by the chunks before this one. */
  worklogCount: z.number().int().nonnegative(),
  /**
   * Present on a watch over the chunk instead of the chunk itself (`watchBuild`), queued when the chunk starts:
   * `notBefore`, half its delay after the push, tells a watch that was run early.
   */
  watch: z.object({ notBefore: z.int() }).optional(),
});

const dropGenerationJobSchema = z.object({
  kind: z.literal('drop-generation'),
  planId: z.string(),
  generation: z.number().int().nonnegative(),
  /** The generation readers use now. */
  liveGeneration: z.number().int().nonnegative(),
});

const purgePlanJobSchema = z.object({
  kind: z.literal('purge-plan'),
  /** The plan's internal id: every record it owns is keyed by it. */
  internalId: z.string(),
  /** Its key, taken until the purge has finished. */
  planKey: z.string(),
  projectId: z.string(),
});

const refreshFiguresJobSchema = z.object({
  kind: z.literal('refresh-figures'),
  /** The plan's internal id. */
  planId: z.string(),
  /**
   * Present on a check of the instant the stored figures stop answering (work logged ahead, `figuresExpireAfter`):
   * the job asks for a refresh once that instant has passed, and is pushed again until then.
   */
  horizon: z.object({ until: z.int(), notBefore: z.int() }).optional(),
});

export const syncJobSchema = z.discriminatedUnion('kind', [recomputeChunkJobSchema, dropGenerationJobSchema, purgePlanJobSchema, refreshFiguresJobSchema]);

export type RecomputeChunkJob = z.infer<typeof recomputeChunkJobSchema>;
export type DropGenerationJob = z.infer<typeof dropGenerationJobSchema>;
export type PurgePlanJob = z.infer<typeof purgePlanJobSchema>;
export type RefreshFiguresJob = z.infer<typeof refreshFiguresJobSchema>;
export type SyncJob = z.infer<typeof syncJobSchema>;

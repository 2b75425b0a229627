import { type FiguresRefreshOutcome, runFiguresRefresh } from '../figures/run-figures-refresh';
import { runPurgeChunk, type PurgeOutcome } from '../plans/purge-plan';
import { dropGeneration } from './drop-generation';
import type { WatchOutcome } from './watch-build';
import { runRecomputeChunk, DEFAULT_CHUNK_BUDGET, type ChunkBudget, type ChunkOutcome } from './recompute-chunk';
import type { SyncDeps } from './sync-deps';
import type { SyncJob } from './sync-jobs';

export type SyncJobOutcome = ChunkOutcome | WatchOutcome | PurgeOutcome | FiguresRefreshOutcome | { readonly status: 'dropped'; readonly keys: number };

/** Runs one job of the sync queue, whatever its kind. */
export async function runSyncJob(deps: SyncDeps, job: SyncJob, budget: ChunkBudget = DEFAULT_CHUNK_BUDGET): Promise<SyncJobOutcome> {
  if (job.kind === 'recompute-chunk') return runRecomputeChunk(deps, job, budget);
  if (job.kind === 'purge-plan') return runPurgeChunk(deps, job);
  if (job.kind === 'refresh-figures') return runFiguresRefresh(deps, job);
  return { status: 'dropped', keys: await dropGeneration(deps.store, job) };
}

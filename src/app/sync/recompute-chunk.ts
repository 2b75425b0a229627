import { requestRefreshAfterRebuild } from '../figures/request-figures-refresh';
import { headKey } from '../aggregates/keys';
import { planHeadSchema, type PlanHead } from '../aggregates/records';
import type { PlanIssue } from '../ports/jira';
import { orphanedRecordsOwner, planOfJob } from '../scope/plan-scope';
import { dropPlanAggregates } from '../aggregates/drop-plan-aggregates';
import { SYNC_QUEUE_KEY, planConcurrencyKey, type SyncDeps } from './sync-deps';
import type { RecomputeChunkJob } from './sync-jobs';
import { sizeShards } from './size-shards';
import { queueBuildWatch, watchBuild, type WatchOutcome } from './watch-build';
import { repairAfterRebuild } from './reconcile';
import { rewindWatermark } from './watermark';
import { writeChunkLinks, writeChunkParts } from './write-generation';

export interface ChunkBudget {
  /** Stop reading Jira pages once this much time has passed (the rest goes to the next chunk). */
  readonly readMs: number;
  /** And after this many pages. */
  readonly maxPages: number;
}

/**
 * A consumer runs 55 s unless its function asks for more: reading stops after 15 s, which
 * leaves the writes and a slow last page well inside the limit.
 */
export const DEFAULT_CHUNK_BUDGET: ChunkBudget = { readMs: 15_000, maxPages: Number.POSITIVE_INFINITY };

/** Old generations are dropped this long after the swap, so reads that started before it finish. */
export const DROP_DELAY_SECONDS = 60;

export type ChunkOutcome =
  | { readonly status: 'superseded' }
  /** No plan has the id (made up in an issue property): whatever was stored for it is dropped; or the plan is being deleted: its purge drops it. */
  | { readonly status: 'no-plan' }
  | { readonly status: 'continued'; readonly issues: number; readonly worklogs: number }
  | { readonly status: 'swapped'; readonly issues: number; readonly worklogs: number };

/**
 * One chunk of a full recompute: reads the plan's issues (of its own project only) from Jira page by page until the
 * budget is spent, writes them into the generation being built, and queues the next chunk —
 * or, after the last page, makes the new generation live in one write of the plan's head. It queues a watch over
 * itself first (`watchBuild`); a job with `watch` is that watch.
 */
export async function runRecomputeChunk(deps: SyncDeps, job: RecomputeChunkJob, budget: ChunkBudget = DEFAULT_CHUNK_BUDGET): Promise<ChunkOutcome | WatchOutcome> {
  if (job.watch !== undefined) return watchBuild(deps, job, job.watch);
  const building = await showProgress(deps, job);
  if (building === undefined) return { status: 'superseded' };
  // Should this chunk's job chain be lost from here on, its watch restarts the build.
  await queueBuildWatch(deps, job, building.progressAt ?? deps.clock.now());
  const plan = await planOfJob(deps.store, job.planId);
  if (plan === undefined) {
    if ((await orphanedRecordsOwner(deps.store, job.planId)) === 'none') await dropPlanAggregates(deps.store, job.planId);
    return { status: 'no-plan' };
  }
  // Jira knows the plan by its key; everything stored for it is keyed by `job.planId`, its internal id.
  const scope = { planId: plan.plan.id, projectId: plan.projectId };

  const deadline = deps.clock.now() + budget.readMs;
  const issues: PlanIssue[] = [];
  let pageToken = job.pageToken;
  let pages = 0;
  do {
    const page = await deps.jira.findPlanIssuesPage(scope, pageToken);
    issues.push(...page.issues);
    pageToken = page.nextPageToken;
    pages += 1;
  } while (pageToken !== null && pages < budget.maxPages && deps.clock.now() < deadline);

  // A chunk reads for up to its budget: it says it is alive before it writes, or stops if it was replaced meanwhile.
  if ((await showProgress(deps, job)) === undefined) return { status: 'superseded' };
  const sample = { issues: issues.length, worklogs: issues.reduce((sum, issue) => sum + issue.worklogs.length, 0), complete: pageToken === null };
  const shardCount = job.chunk === 0 ? await sizeShards(deps, job.planId, scope, job.generation, sample) : building.shardCount;
  const target = { planId: job.planId, generation: job.generation, shardCount, chunk: job.chunk };
  const worklogCount = job.worklogCount + (await writeChunkParts(deps.store, target, issues));
  await writeChunkLinks(deps.store, job.planId, issues);
  const progress = { issues: issues.length, worklogs: worklogCount };

  if (pageToken !== null) {
    const next: RecomputeChunkJob = { ...job, chunk: job.chunk + 1, pageToken, worklogCount };
    await deps.queue.push(SYNC_QUEUE_KEY, next, { concurrencyKey: planConcurrencyKey(job.planId) });
    return { status: 'continued', ...progress };
  }
  if (!(await swapGeneration(deps, job.planId, job.generation, worklogCount))) return { status: 'superseded' };
  const { changedWhileRebuilding } = await requestRefreshAfterRebuild(deps, job.planId);
  if (changedWhileRebuilding) await repairAfterRebuild(deps, job.planId);
  return { status: 'swapped', ...progress };
}

/**
 * Marks the build alive (see `isAbandoned`), if the job's generation is still the one being built.
 *
 * @returns the build, or undefined when another one replaced it
 */
async function showProgress(deps: SyncDeps, job: RecomputeChunkJob): Promise<PlanHead['building']> {
  const now = deps.clock.now();
  const found: { building?: PlanHead['building'] } = {};
  await deps.store.update(headKey(job.planId), (current) => {
    found.building = undefined;
    if (current === undefined) return current;
    const head = planHeadSchema.parse(current);
    if (head.building?.generation !== job.generation) return current;
    found.building = { ...head.building, progressAt: now, chunk: job.chunk };
    return { ...head, building: found.building };
  });
  return found.building;
}

/**
 * Makes the built generation live. Events handled while it was built went to the old one,
 * so the watermark is rewound to the build's start: the next reconciliation replays them.
 */
async function swapGeneration(deps: SyncDeps, planId: string, generation: number, worklogCount: number): Promise<boolean> {
  const swap: { from?: number; startedAt?: number } = {};
  await deps.store.update(headKey(planId), (current) => {
    const head = planHeadSchema.parse(current);
    swap.from = undefined;
    if (head.building?.generation !== generation) return current;
    const { building, ...rest } = head;
    swap.from = head.generation;
    swap.startedAt = building.startedAt;
    return { ...rest, generation, shardCount: building.shardCount, worklogCount };
  });
  if (swap.from === undefined || swap.startedAt === undefined) return false;
  await rewindWatermark(deps.store, swap.startedAt);
  await deps.queue.push(
    SYNC_QUEUE_KEY,
    { kind: 'drop-generation', planId, generation: swap.from, liveGeneration: generation },
    { concurrencyKey: planConcurrencyKey(planId), delayInSeconds: DROP_DELAY_SECONDS },
  );
  return true;
}

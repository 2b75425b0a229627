import { requestFiguresRefresh, requestRefreshAfterRebuild } from '../figures/request-figures-refresh';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { headKey } from '../aggregates/keys';
import { readFiguresHead } from '../figures/read-plan-figures';
import { planHeadSchema, type PlanHead } from '../aggregates/records';
import type { PlanIssue } from '../ports/jira';
import { orphanedRecordsOwner, planOfJob } from '../scope/plan-scope';
import { dropPlanAggregates } from '../aggregates/drop-plan-aggregates';
import { SYNC_QUEUE_KEY, planConcurrencyKey, type SyncDeps } from './sync-deps';
import type { RecomputeChunkJob } from './sync-jobs';
import { sizeShards } from './size-shards';
import { queueBuildWatch, watchBuild, type WatchOutcome } from './watch-build';
import { carryBuildEvents } from './carry-build-events';
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
  if (building === undefined) return finishSwapIfKilled(deps, job);
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
  const swapped = await swapGeneration(deps, job.planId, job.generation, worklogCount);
  if (swapped === undefined) return { status: 'superseded' };
  await afterSwap(deps, job.planId, job.generation, swapped);
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

type Swap = NonNullable<PlanHead['swapped']>;

/** Makes the built generation live in one write of the plan's head; what it replaced, or undefined when another build replaced this one. */
async function swapGeneration(deps: SyncDeps, planId: string, generation: number, worklogCount: number): Promise<Swap | undefined> {
  const done: { swap?: Swap } = {};
  await deps.store.update(headKey(planId), (current) => {
    const head = planHeadSchema.parse(current);
    done.swap = undefined;
    if (head.building?.generation !== generation) return current;
    const { building, ...rest } = head;
    done.swap = { from: head.generation, fromShardCount: head.shardCount, startedAt: building.startedAt };
    return { ...rest, generation, shardCount: building.shardCount, worklogCount, swapped: done.swap };
  });
  return done.swap;
}

/**
 * What follows a swap, each step safe to run twice. Events handled while the generation was built went to the old
 * one: when the figures head noted a change meanwhile, their worklog changes are carried into the new generation at
 * once, and links changed meanwhile are repaired (decision 0072); the watermark is rewound to the build's start all
 * the same, so the next reconciliation replays whatever an event missed. The old generation is dropped after a delay;
 * the figures are refreshed and no longer marked as being rebuilt.
 */
async function afterSwap(deps: SyncDeps, planId: string, generation: number, swap: Swap): Promise<void> {
  await rewindWatermark(deps.store, swap.startedAt);
  await deps.queue.push(
    SYNC_QUEUE_KEY,
    { kind: 'drop-generation', planId, generation: swap.from, liveGeneration: generation },
    { concurrencyKey: planConcurrencyKey(planId), delayInSeconds: DROP_DELAY_SECONDS },
  );
  const { changedWhileRebuilding } = await requestRefreshAfterRebuild(deps, planId);
  const plan = changedWhileRebuilding ? await planOfJob(deps.store, planId) : undefined;
  if (plan === undefined) return;
  // The new generation read once, for both: which issues it holds.
  const reader = new AggregateReader(deps.store);
  const head = await reader.head(planId);
  if (head === undefined) return;
  const live = { head, issues: await reader.issues(planId, head.generation) };
  const carried = swap.fromShardCount === undefined ? 0 : await carryBuildEvents(deps, plan, { ...swap, fromShardCount: swap.fromShardCount }, live);
  if (carried > 0) await requestFiguresRefresh(deps, planId);
  await repairAfterRebuild(deps, plan, live);
}

/**
 * A chunk whose build is no longer under way: superseded, unless its own swap went through and the job was killed
 * before the steps after it (the figures still marked as being rebuilt): then the queue's retry finishes them.
 */
async function finishSwapIfKilled(deps: SyncDeps, job: RecomputeChunkJob): Promise<ChunkOutcome> {
  const head = await new AggregateReader(deps.store).head(job.planId);
  if (head?.generation !== job.generation || head.building !== undefined || head.swapped === undefined) return { status: 'superseded' };
  if ((await readFiguresHead(deps.store, job.planId)).rebuilding !== true) return { status: 'superseded' };
  await afterSwap(deps, job.planId, job.generation, head.swapped);
  return { status: 'swapped', issues: 0, worklogs: head.worklogCount };
}

/**
 * A full recompute killed at any point (its queue lost: the preview's in-memory queue on SIGKILL, a consumer
 * killed past its retries on Forge) is restarted once it has shown no progress for `ABANDONED_AFTER_MS` (a minute),
 * not after a 15-minute lease: by the watch its last chunk queued, or by the next request or reconciliation; meanwhile the plan shows its last
 * figures, marked as being updated. A build still making progress is never taken over, and of two builds only
 * the one the plan's head names can swap its generation in.
 */
import { AggregateReader } from '../../src/app/aggregates/aggregate-reader';
import { generationPrefix } from '../../src/app/aggregates/keys';
import { figuresHeadKey } from '../../src/app/figures/figures-keys';
import { figuresView, readFiguresHead } from '../../src/app/figures/read-plan-figures';
import { loadPlan } from '../../src/app/plans/plan-repository';
import { reconcile } from '../../src/app/sync/reconcile';
import { ABANDONED_AFTER_MS, requestRecompute } from '../../src/app/sync/request-recompute';
import { runSyncJob, type SyncJobOutcome } from '../../src/app/sync/run-sync-job';
import { SYNC_QUEUE_KEY, type SyncDeps } from '../../src/app/sync/sync-deps';
import { syncJobSchema, type SyncJob } from '../../src/app/sync/sync-jobs';
import type { WorkQueue } from '../../src/app/ports/queue';
import type { JsonValue, Store, Updater, UpdateOptions } from '../../src/app/ports/store';
import { LocalQueue } from '../../src/local/events/local-queue';
import { storeOverriding } from '../support/store-overriding';
import { buildIssue, buildWorklog } from '../jira-simulator/site';
import { aggregatedLedgerInput, linkedTo, sortedTruth, startSyncSite, storedAs, type SyncSite } from './sync-site';

const GOLD = storedAs('gold').internalId;
/** Three pages of Jira's search: a build runs in three chunks. */
const issues = Array.from({ length: 250 }, (_, index) => buildIssue(index + 1, { properties: linkedTo('gold') }));
const worklogs = issues.flatMap((issue, index) => Array.from({ length: 1 + (index % 5) }, (_, n) => buildWorklog(100_000 + index * 10 + n, issue, { timeSpentSeconds: 600 * (n + 1) })));
/** Work logged in Jira after the first recompute, which only a recompute brings in (no events). */
const later = issues.slice(0, 40).map((issue, index) => buildWorklog(900_000 + index, issue, { timeSpentSeconds: 1800 }));
/** One Jira page a chunk, so a build runs in several chunks. */
const ONE_PAGE = { readMs: 60_000, maxPages: 1 };

/** A queue running the sync side's jobs one by one, each outcome recorded; a queue left alone is a queue lost. */
function syncQueue(site: SyncSite): { readonly deps: SyncDeps; readonly queue: LocalQueue; readonly outcomes: SyncJobOutcome['status'][] } {
  const queue = new LocalQueue({ mode: 'manual' });
  const deps = { ...site.deps, queue };
  const outcomes: SyncJobOutcome['status'][] = [];
  queue.consume(SYNC_QUEUE_KEY, async (event) => {
    const { status } = await runSyncJob(deps, syncJobSchema.parse(event.body), ONE_PAGE);
    // Each chunk's watch over itself, run early by this queue, is dropped: the tests below run watches on time.
    if (status !== 'watched') outcomes.push(status);
  });
  return { deps, queue, outcomes };
}

interface Pushed {
  readonly body: JsonValue;
  readonly delayInSeconds: number;
}

/** The site's deps with a queue that records what is pushed: the test runs each job when it chooses, and loses the others. */
function recordingQueue(site: SyncSite): { readonly deps: SyncDeps; readonly pushed: Pushed[]; run(job: Pushed): Promise<SyncJobOutcome> } {
  const pushed: Pushed[] = [];
  const queue: WorkQueue = {
    push: (_queueKey, body, options = {}) => {
      pushed.push({ body, delayInSeconds: options.delayInSeconds ?? 0 });
      return Promise.resolve(`job-${String(pushed.length)}`);
    },
  };
  const deps = { ...site.deps, queue };
  return { deps, pushed, run: (job) => runSyncJob(deps, syncJobSchema.parse(job.body), ONE_PAGE) };
}

/** The one job pushed since the last take that `matches`, taken out; the others stay. */
function takeOne(pushed: Pushed[], matches: (job: SyncJob) => boolean): Pushed {
  const index = pushed.findIndex((job) => matches(syncJobSchema.parse(job.body)));
  const [taken] = index === -1 ? [] : pushed.splice(index, 1);
  if (taken === undefined) throw new Error('no such job was pushed');
  return taken;
}

const isWatch = (job: SyncJob): boolean => job.kind === 'recompute-chunk' && job.watch !== undefined;
const isChunk = (job: SyncJob): boolean => job.kind === 'recompute-chunk' && job.watch === undefined;

/** Gold recomputed and its figures refreshed, then more work logged in Jira behind the app's back. */
async function siteWithFigures(): Promise<SyncSite> {
  const site = await startSyncSite(issues, worklogs);
  await site.recompute('gold');
  site.simulator.load({ ...site.simulator.snapshot(), worklogs: [...site.simulator.snapshot().worklogs, ...later] });
  return site;
}

/** Runs `jobs` jobs of a new recompute's queue, then loses the queue. */
async function killedBuild(site: SyncSite, jobs: number): Promise<SyncJobOutcome['status'][]> {
  const first = syncQueue(site);
  expect(await requestRecompute(first.deps, GOLD)).toBe(true);
  for (let run = 0; run < jobs; run += 1) await first.queue.runNext();
  return first.outcomes;
}

async function figuresShown(site: SyncSite) {
  const stored = await loadPlan(site.store, 'gold');
  if (stored === undefined) throw new Error('no plan gold');
  return figuresView(await readFiguresHead(site.store, GOLD), stored);
}

async function expectFiguresEqualJira(site: SyncSite): Promise<void> {
  const truth = sortedTruth(site.simulator, 'gold');
  expect(await aggregatedLedgerInput(site, 'gold')).toEqual(truth);
  const view = await figuresShown(site);
  expect([view?.refreshed.worklogCount, view?.refreshing]).toEqual([truth.worklogs.length, false]);
}

describe('a recompute killed at any point', () => {
  it.each([
    ['before its first chunk ran', 0],
    ['after its first chunk', 1],
    ['after its second chunk', 2],
  ])('killed %s, shows its last figures as being updated, and a request a minute later restarts it', async (_when, jobs) => {
    const site = await siteWithFigures();
    expect(await killedBuild(site, jobs)).toEqual(Array.from({ length: jobs }, () => 'continued'));

    // The last figures stay, marked as being updated: never the empty generation being built.
    const meanwhile = await figuresShown(site);
    expect([meanwhile?.refreshed.worklogCount, meanwhile?.refreshing]).toEqual([worklogs.length, true]);

    const recovery = syncQueue(site);
    site.clock.advance(ABANDONED_AFTER_MS - 1000);
    expect(await requestRecompute(recovery.deps, GOLD)).toBe(false);
    site.clock.advance(1000);
    expect(await requestRecompute(recovery.deps, GOLD)).toBe(true);
    await recovery.queue.drain();

    expect(recovery.outcomes).toContain('swapped');
    await expectFiguresEqualJira(site);
  });

  it('is restarted by the reconciliation a minute after its last chunk', async () => {
    const site = await siteWithFigures();
    await killedBuild(site, 1);
    const recovery = syncQueue(site);
    site.clock.advance(ABANDONED_AFTER_MS);

    expect((await reconcile(recovery.deps)).recomputesStarted).toEqual([GOLD]);
    await recovery.queue.drain();
    await expectFiguresEqualJira(site);
  });
});

describe('a build still making progress', () => {
  it('is not taken over: each chunk shows progress, so requests and the reconciliation leave it running', async () => {
    const site = await siteWithFigures();
    const build = syncQueue(site);
    expect(await requestRecompute(build.deps, GOLD)).toBe(true);
    // Slow chunks, each starting well within a minute of the last: the build as a whole takes longer than one.
    for (let chunk = 0; chunk < 2; chunk += 1) {
      site.clock.advance(ABANDONED_AFTER_MS - 5000);
      await build.queue.runNext();
      expect(await requestRecompute(build.deps, GOLD)).toBe(false);
      expect((await reconcile(build.deps)).recomputesStarted).toEqual([]);
    }
    await build.queue.drain();
    expect(build.outcomes.filter((outcome) => outcome === 'swapped')).toHaveLength(1);
    await expectFiguresEqualJira(site);
  });

  it('taken over once silent for a minute, can no longer swap: only the build the head names does', async () => {
    const site = await siteWithFigures();
    const slow = syncQueue(site);
    await requestRecompute(slow.deps, GOLD);
    await slow.queue.runNext();
    const slowGeneration = (await new AggregateReader(site.store).head(GOLD))?.building?.generation;

    site.clock.advance(ABANDONED_AFTER_MS);
    const takeover = syncQueue(site);
    expect(await requestRecompute(takeover.deps, GOLD)).toBe(true);
    // The slow build wakes up: its remaining chunks find themselves replaced.
    await slow.queue.drain();
    const wokeUp = slow.outcomes.slice(1);
    expect(wokeUp.length).toBeGreaterThan(0);
    expect(wokeUp.every((outcome) => outcome === 'superseded' || outcome === 'dropped')).toBe(true);
    await takeover.queue.drain();

    const head = await new AggregateReader(site.store).head(GOLD);
    expect(head?.building).toBeUndefined();
    expect(head?.generation).toBeGreaterThan(slowGeneration ?? Number.POSITIVE_INFINITY);
    expect([...slow.outcomes, ...takeover.outcomes].filter((outcome) => outcome === 'swapped')).toHaveLength(1);
    await expectFiguresEqualJira(site);
  });
});

describe('a build whose chain of jobs is lost', () => {
  it('is restarted by the watch its last chunk queued, a minute after that chunk showed progress, with no request or reconciliation', async () => {
    const site = await siteWithFigures();
    const queue = recordingQueue(site);
    expect(await requestRecompute(queue.deps, GOLD)).toBe(true);
    const lost = (await new AggregateReader(site.store).head(GOLD))?.building?.generation;
    expect((await queue.run(takeOne(queue.pushed, isChunk))).status).toBe('continued');
    // The chunk it queued next is lost with the queue; its watch over itself is not (Forge keeps delayed jobs).
    takeOne(queue.pushed, isChunk);
    let watch = takeOne(queue.pushed, isWatch);

    site.clock.advance(40_000);
    expect(await queue.run(watch)).toEqual({ status: 'watched', check: 'watching' });
    watch = takeOne(queue.pushed, isWatch);
    expect(watch.delayInSeconds * 1000).toBeLessThanOrEqual(ABANDONED_AFTER_MS - 40_000 + 1000);
    site.clock.advance(watch.delayInSeconds * 1000);
    expect(await queue.run(watch)).toEqual({ status: 'watched', check: 'restarted' });
    expect((await new AggregateReader(site.store).head(GOLD))?.building?.generation).toBeGreaterThan(lost ?? Number.POSITIVE_INFINITY);

    // The new build runs to its swap, each job as soon as it is pushed; then its chunks' watches, when due, find it gone.
    const outcomes: string[] = [];
    const next = () => queue.pushed.findIndex((job) => !isWatch(syncJobSchema.parse(job.body)));
    for (let index = next(); index !== -1; index = next()) {
      const [job] = queue.pushed.splice(index, 1);
      if (job !== undefined) outcomes.push((await queue.run(job)).status);
    }
    for (const watch of queue.pushed.splice(0, queue.pushed.length)) {
      site.clock.advance(watch.delayInSeconds * 1000);
      const outcome = await queue.run(watch);
      outcomes.push(outcome.status === 'watched' ? outcome.check : outcome.status);
    }
    expect(outcomes).toContain('swapped');
    expect(outcomes).not.toContain('restarted');
    await expectFiguresEqualJira(site);
  });

  it('is left alone by the watch of a chunk once a later chunk has started', async () => {
    const site = await siteWithFigures();
    const queue = recordingQueue(site);
    expect(await requestRecompute(queue.deps, GOLD)).toBe(true);
    await queue.run(takeOne(queue.pushed, isChunk));
    const firstWatch = takeOne(queue.pushed, isWatch);
    site.clock.advance(ABANDONED_AFTER_MS - 5000);
    await queue.run(takeOne(queue.pushed, isChunk));
    site.clock.advance(10_000);
    expect(await queue.run(firstWatch)).toEqual({ status: 'watched', check: 'moved-on' });
    // Run before its time (a queue that ignores delays), a watch is dropped, not pushed again.
    const secondWatch = takeOne(queue.pushed, isWatch);
    expect(await queue.run(secondWatch)).toEqual({ status: 'watched', check: 'early' });
    expect(queue.pushed.map((job) => syncJobSchema.parse(job.body)).filter(isWatch)).toEqual([]);
  });

  it('killed right after its swap, before it asked for the figures, is finished by the queue\'s retry of its last chunk', async () => {
    const site = await siteWithFigures();
    const queue = recordingQueue(site);
    // The consumer dies at the swap's next step: the figures head is never written.
    const killedAfterSwap = { ...queue.deps, store: failingUpdatesOf(site.store, figuresHeadKey(GOLD)) };
    expect(await requestRecompute(queue.deps, GOLD)).toBe(true);
    let last: Pushed | undefined;
    for (let job = takeOne(queue.pushed, isChunk); ; job = takeOne(queue.pushed, isChunk)) {
      last = job;
      const outcome = await runSyncJob(killedAfterSwap, syncJobSchema.parse(job.body), ONE_PAGE).catch((error: unknown) => error);
      if (outcome instanceof Error) break;
    }
    expect((await new AggregateReader(site.store).head(GOLD))?.building).toBeUndefined();
    expect((await figuresShown(site))?.refreshing).toBe(true);

    expect(await queue.run(last)).toMatchObject({ status: 'swapped' });
    // What the swap queued, until nothing is left (the refresh, spaced from the one just before, defers itself once):
    // a few rounds, not a loop that could go on.
    for (let round = 0; round < 5; round += 1) {
      for (const job of queue.pushed.splice(0).filter((pushed) => !isWatch(syncJobSchema.parse(pushed.body)))) await queue.run(job);
    }
    expect(queue.pushed.filter((pushed) => !isWatch(syncJobSchema.parse(pushed.body)))).toEqual([]);
    await expectFiguresEqualJira(site);
    // The generation it replaced was dropped: only the live one is stored.
    expect(await site.store.listByPrefix(generationPrefix(GOLD, 1))).toEqual({ entries: [] });
  });
});

/** The store, except that conditional writes of `failingKey` fail, as when the consumer is killed before them. */
function failingUpdatesOf(store: Store, failingKey: string): Store {
  return storeOverriding(store, {
    update: (key: string, updater: Updater, options?: UpdateOptions) => (key === failingKey ? Promise.reject(new Error('killed (injected)')) : store.update(key, updater, options)),
  });
}

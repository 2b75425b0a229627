/**
 * What the figures suite measures on one plan site: the reads surfaces make, with the plan's
 * figures stored and without them (the replay every read made before), the memory of one panel
 * call, worklog events and the refresh each asks for, and a burst of events on one plan.
 */
import { performance } from 'node:perf_hooks';
import { ALERTS_QUEUE_KEY } from '../../src/app/alerts/alert-keys';
import { checkPlanAlerts } from '../../src/app/alerts/check-plan-alerts';
import { transactInBatches } from '../../src/app/aggregates/transact-in-batches';
import { figuresPrefix } from '../../src/app/figures/figures-keys';
import { requestFiguresRefresh } from '../../src/app/figures/request-figures-refresh';
import { listAll } from '../../src/app/plans/list-all';
import { loadPlan } from '../../src/app/plans/plan-repository';
import type { JsonValue } from '../../src/app/ports/store';
import { SYNC_QUEUE_KEY } from '../../src/app/sync/sync-deps';
import { syncJobSchema } from '../../src/app/sync/sync-jobs';
import type { KvsUsage } from '../../src/local/forge-runtime/kvs/usage-budget';
import type { SurfaceTarget } from '../../src/local/forge-context';
import { buildForgeContext } from '../../src/local/forge-context';
import { LOCAL_CLOUD_ID } from '../../src/local/local-backend';
import { timeOf, type Timing } from '../report/timing';
import { costOf, memoryGrowthOf, type Cost, type MemoryGrowth } from './meter';
import { CALLER, logWork, PLAN_KEY, takeEvents, type PlanSite } from './plan-site';

export const SURFACES = ['panel', 'gadget', 'card', 'alert check'] as const;
export type Surface = (typeof SURFACES)[number];

export interface TimingPlan {
  readonly runs: number;
  readonly warmUps: number;
}

export interface SurfaceReads {
  readonly surface: Surface;
  /** The first call after a warm-up: reads are the same on every call. */
  readonly cost: Cost;
  readonly timing: Timing;
}

type ResolverName = 'issue/get' | 'usage/gadget' | 'usage/overview';

interface SurfaceCalls {
  /** The call as the surface makes it, its answer checked against the contract. */
  readonly checked: () => Promise<unknown>;
  /** What runs on the server alone: for a resolver, the function Forge calls, without the caller's check of its answer. */
  readonly server: () => Promise<unknown>;
}

function resolverCalls(site: PlanSite, name: ResolverName, target: SurfaceTarget): SurfaceCalls {
  const context = { ...buildForgeContext({ cloudId: LOCAL_CLOUD_ID }, CALLER, target), accountId: CALLER.accountId };
  return {
    checked: async () => {
      const answer = await site.backend.invoker.invoke(name, {}, CALLER, target);
      if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
      return answer.data;
    },
    server: () => site.backend.invoker.invokeFrame({ functionKey: name, payload: {}, context }),
  };
}

/** Each surface's call as Forge makes it: the three resolvers through the invoker, the alert check as its queue job runs it. */
function surfaceCalls(site: PlanSite, surface: Surface): SurfaceCalls {
  switch (surface) {
    case 'panel':
      return resolverCalls(site, 'issue/get', site.targets.panel);
    case 'gadget':
      return resolverCalls(site, 'usage/gadget', site.targets.gadget);
    case 'card':
      // The project page's one card per plan: this project has one plan.
      return resolverCalls(site, 'usage/overview', site.targets.projectPage);
    case 'alert check': {
      const check = () => checkPlanAlerts(site.deps, site.planId);
      return { checked: check, server: check };
    }
  }
}

/** Reads and units of each surface's call (its answer checked), then the server's time for it. */
export async function measureReads(site: PlanSite, timing: TimingPlan): Promise<SurfaceReads[]> {
  const rows: SurfaceReads[] = [];
  for (const surface of SURFACES) {
    const calls = surfaceCalls(site, surface);
    await calls.checked();
    const cost = await costOf(site, calls.checked);
    rows.push({ surface, cost, timing: await timeOf(calls.server, timing.runs, timing.warmUps) });
  }
  return rows;
}

const TWO_KB_KEY = 'bench:two-kb';

/** A record of about 2 KB shaped like the app's (short keys, numbers, labels), stored once. */
function twoKilobyteRecord(): { readonly rows: { readonly label: string; readonly key: string; readonly seconds: number; readonly minor: number }[] } {
  const rows: { label: string; key: string; seconds: number; minor: number }[] = [];
  for (let index = 0; Buffer.byteLength(JSON.stringify({ rows })) < 2048; index += 1) {
    rows.push({ label: `2026-${String((index % 12) + 1).padStart(2, '0')}`, key: `SUP-${1000 + index}`, seconds: index * 900, minor: index * 12_000 });
  }
  return { rows };
}

export interface Yardsticks {
  /** One read of a 2 KB value through the same store and runtime, JSON-parsed: the target's yardstick. */
  readonly twoKilobyteRead: Timing;
  /** The plan's record read and validated as every use case reads it (its schema, time zones checked). */
  readonly planRead: Timing;
}

export async function measureYardsticks(site: PlanSite, timing: TimingPlan): Promise<Yardsticks> {
  await site.store.set(TWO_KB_KEY, twoKilobyteRecord());
  return {
    twoKilobyteRead: await timeOf(() => site.store.get(TWO_KB_KEY), timing.runs, timing.warmUps),
    planRead: await timeOf(() => loadPlan(site.store, PLAN_KEY), timing.runs, timing.warmUps),
  };
}

export interface RoundTripTimes {
  /** What every KVS request and every Jira call waited before it was answered. */
  readonly latencyMs: number;
  readonly twoKilobyteRead: Timing;
  readonly surfaces: readonly { readonly surface: Surface; readonly timing: Timing }[];
}

/**
 * The 2 KB read and each surface's server time with every KVS request and Jira call answered `latencyMs`
 * later, as round trips to Forge's storage and Jira are: calls that overlap their round trips gain, CPU
 * spent in-process weighs less (decision 0075). Needs the 2 KB record {@link measureYardsticks} stores.
 */
export async function measureRoundTrips(site: PlanSite, latencyMs: number, timing: TimingPlan): Promise<RoundTripTimes> {
  site.runtime.kvsLatencyMs = latencyMs;
  site.simulator.faults.latencyMs = latencyMs;
  try {
    const twoKilobyteRead = await timeOf(() => site.store.get(TWO_KB_KEY), timing.runs, timing.warmUps);
    const surfaces: { surface: Surface; timing: Timing }[] = [];
    for (const surface of SURFACES) surfaces.push({ surface, timing: await timeOf(surfaceCalls(site, surface).server, timing.runs, timing.warmUps) });
    return { latencyMs, twoKilobyteRead, surfaces };
  } finally {
    site.runtime.kvsLatencyMs = 0;
    site.simulator.faults.latencyMs = 0;
  }
}

export function panelMemory(site: PlanSite): Promise<MemoryGrowth> {
  return memoryGrowthOf(surfaceCalls(site, 'panel').server);
}

/** Drops every figures record of the plan: reads fall back to the full replay they all made before figures were stored. */
export async function dropFigures(site: PlanSite): Promise<void> {
  const entries = await listAll(site.store, figuresPrefix(site.planId));
  await transactInBatches(
    site.store,
    entries.map((entry) => ({ delete: { key: entry.key } })),
  );
}

/** Stores the plan's figures again, as the refresh a change asks for does. */
export async function restoreFigures(site: PlanSite): Promise<void> {
  await requestFiguresRefresh(site.deps, site.planId);
  await site.queue.settle();
}

export interface EventCosts {
  /** The trigger function handling the event alone. */
  readonly event: Cost;
  /** The refresh job the event asked for, run when it fell due. */
  readonly refresh: Cost;
  /** The alert check the refresh queued (and the delivery of any alert it raised). */
  readonly alertCheck: Cost;
}

/** Work logged on the event issue, started at `started`: the event, then the refresh and the alert check it leads to. */
export async function eventCosts(site: PlanSite, started: number): Promise<EventCosts> {
  await site.queue.settle();
  await logWork(site, site.eventIssue, started, 30);
  const [event, ...others] = takeEvents(site);
  if (event === undefined || others.length > 0) throw new Error(`one worklog logged, ${others.length + (event === undefined ? 0 : 1)} events`);
  const eventCost = await costOf(site, () => site.sync.handlers.onWorklogEvent(event));
  const nextRefresh = () => site.queue.nextDueAt([SYNC_QUEUE_KEY], isFiguresRefresh);
  if (nextRefresh() === undefined) throw new Error('the event asked for no refresh');
  // A refresh that must read the whole plan sooner than the plan's spacing defers itself once (decision 0073): both runs count.
  const refresh = await costOf(site, async () => {
    for (let due = nextRefresh(); due !== undefined; due = nextRefresh()) {
      site.clock.set(Math.max(site.clock.now(), due));
      await site.queue.runDue([SYNC_QUEUE_KEY]);
    }
  });
  const alertCheck = await costOf(site, () => site.queue.runDue([ALERTS_QUEUE_KEY]));
  await site.queue.settle();
  return { event: eventCost, refresh, alertCheck };
}

/** A refresh job, not a check timed for the instant the figures answer through (which may lie months ahead). */
const isFiguresRefresh = (body: JsonValue): boolean => {
  const job = syncJobSchema.safeParse(body).data;
  return job?.kind === 'refresh-figures' && job.horizon === undefined;
};

export interface BurstOutcome {
  readonly events: number;
  readonly refreshes: number;
  readonly alertChecks: number;
  readonly usage: KvsUsage;
  /** Jira requests the app made (one per event, and what the alert deliveries needed). */
  readonly appJiraCalls: number;
  /** Bench-clock time from the first event until the queue was empty. */
  readonly settledAfterMs: number;
  readonly wallMs: number;
}

/**
 * `events` worklogs logged on the plan's issues in turn, evenly within `windowMs` of the bench clock, each
 * event handled by the trigger function as it arrives, the queue running whatever falls due in
 * between; then the queue runs to empty. Counts the refreshes and alert checks that ran, and
 * everything the burst cost in KVS units.
 */
export async function burst(site: PlanSite, events: number, windowMs: number): Promise<BurstOutcome> {
  await site.queue.settle();
  site.queue.resetRunCounts();
  site.runtime.resetKvsUsage();
  site.backend.jira.resetStats();
  const started = site.clock.now();
  const wallStarted = performance.now();
  for (let index = 0; index < events; index += 1) {
    site.clock.set(started + Math.floor((index * windowMs) / events));
    await site.queue.runDue();
    await logWork(site, site.issues[index % site.issues.length] ?? site.eventIssue, site.clock.now() - 3 * 3_600_000, 15);
    for (const event of takeEvents(site)) await site.sync.handlers.onWorklogEvent(event);
  }
  await site.queue.settle();
  const counts = site.queue.runCounts();
  return {
    events,
    refreshes: counts.get('refresh-figures') ?? 0,
    alertChecks: counts.get('check-plan') ?? 0,
    usage: site.runtime.kvsUsage(),
    appJiraCalls: site.backend.jira.app.stats().calls,
    settledAfterMs: site.clock.now() - started,
    wallMs: performance.now() - wallStarted,
  };
}

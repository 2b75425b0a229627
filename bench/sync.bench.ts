/**
 * Keeping figures fresh: the cost of one worklog event (KVS writes, Jira calls) and a full
 * recompute of the `large` demo set over HTTP through the queue (calls, points, wall time, peak
 * memory, queue chunks, the longest chunk against the consumer's 55 s limit, storage used), on the
 * production clients through the local Forge runtime: KVS requests and units are its emulated KVS's
 * count, as Forge counts them (a transaction is one write).
 *
 * The recompute links every issue of the large set (5,000 issues, 100,000 worklogs) to one
 * plan, the worst case the aggregate layout must hold. Jira answers with 50 ms of latency per
 * call, as in the access layer's benchmark. Targets: one event ≤ 3 storage writes and ≤ 1 Jira
 * call; the longest recompute chunk ≤ half its time limit; every stored value ≤ 240 KiB; the
 * recompute's write units ≤ 4,000 a minute.
 */
import { performance } from 'node:perf_hooks';
import { AggregateReader } from '../src/app/aggregates/aggregate-reader';
import { generationPrefix } from '../src/app/aggregates/keys';
import { listAll } from '../src/app/plans/list-all';
import { fixedClock, systemClock, type Clock } from '../src/app/ports/clock';
import { FORGE_KVS_LIMITS } from '../src/app/ports/store';
import { localForge } from '../src/local/forge-runtime/local-forge';
import { LocalForgeRuntime } from '../src/local/forge-runtime/local-forge-runtime';
import { reconcile } from '../src/app/sync/reconcile';
import { requestRecompute } from '../src/app/sync/request-recompute';
import type { SyncDeps } from '../src/app/sync/sync-deps';
import { generateDemo, type DemoData } from '../src/jira-simulator/demo/generate';
import { demoState } from '../src/jira-simulator/demo/load';
import { DEMO_PLAN_IDS } from '../src/jira-simulator/demo/plans';
import { randomUUID } from 'node:crypto';
import { createPlan } from '../src/app/plans/create-plan';
import { internalIdOf } from '../src/app/plans/plan-repository';
import type { PlanInternalId } from '../src/app/plans/plan-identity';
import type { Plan } from '../src/ledger/types';
import { DEMO_PROJECT, DEMO_USERS } from '../src/jira-simulator/demo/people';
import type { WorklogEvent } from '../src/jira-simulator/events';
import { APP_ACCOUNT } from '../src/jira-simulator/model';
import { JiraSimulator } from '../src/jira-simulator/simulator';
import { LocalQueue } from '../src/local/events/local-queue';
import { startLocalSync } from '../src/local/events/local-sync';
import { markdownTable } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';
import { adminCall } from './support/admin-call';

const TODAY = '2026-11-15';
const NOW = Date.parse(`${TODAY}T12:00:00Z`);
const LATENCY_MS = 50;
const CONSUMER_LIMIT_MS = 55_000;
const EVENT_TARGETS = { writes: 3, jiraCalls: 1 };
const KVS_WRITE_UNITS_PER_MINUTE = 4000;
const DUPLICATES = 10;

interface EventCost {
  readonly kind: string;
  readonly writes: number;
  readonly writeUnits: number;
  readonly jiraCalls: number;
}

interface RecomputeReport {
  readonly worklogs: number;
  readonly issues: number;
  readonly jiraCalls: number;
  readonly points: number;
  readonly wallMs: number;
  readonly peakHeapMb: number;
  readonly peakRssMb: number;
  readonly chunks: number;
  readonly longestChunkMs: number;
  readonly shards: number;
  readonly parts: number;
  readonly largestPartBytes: number;
  readonly storedBytes: number;
  readonly writes: number;
  readonly writeUnits: number;
  readonly reconcile: { readonly ms: number; readonly jiraCalls: number; readonly points: number; readonly readUnits: number; readonly writes: number };
}

/** Stores the demo plan as the demo project's (a `support-plan` property counts only for a plan of the issue's project). */
async function storeDemoPlan(deps: SyncDeps, plan: Plan): Promise<PlanInternalId> {
  const context = { actor: { accountId: DEMO_USERS.admin.accountId }, project: { id: DEMO_PROJECT.id, key: DEMO_PROJECT.key } };
  const created = await createPlan({ store: deps.store, clock: deps.clock, queue: deps.queue, newId: randomUUID }, context, plan);
  if (!created.ok) throw new Error(`plan ${plan.id} was not stored`);
  return internalIdOf(created.data);
}

/**
 * The sync side on the production clients through the local Forge runtime (KVS in memory, its units
 * counted but not enforced: a recompute writes a site's history at once), Jira at `baseUrl` as the app,
 * with a hand-drained queue, as the local runtime wires it.
 */
function syncSite(baseUrl: string, clock: Clock, fetch?: (request: Request) => Promise<Response>) {
  const runtime = LocalForgeRuntime.inMemory({ clock, enforceBudget: false, jira: { baseUrl, users: [], app: APP_ACCOUNT, ...(fetch ? { fetch } : {}) } });
  const { store, storage, jira: localJira } = localForge(runtime, { storeOptions: { retryDelayMs: () => 0 } });
  const jira = localJira.app;
  const queue = new LocalQueue({ mode: 'manual' });
  const deps: SyncDeps = { jira, store, queue, clock };
  const sync = startLocalSync({ deps, queue, subscribe: () => () => undefined });
  return { jira, store, storage, runtime, queue, deps, sync };
}

/** Creates, edits and deletes work on the small demo, then hands each event to the trigger function alone. */
async function benchEvents(): Promise<EventCost[]> {
  const demo = generateDemo({ seed: 1, size: 'small', today: TODAY });
  let now = NOW;
  const simulator = new JiraSimulator({ state: demoState(demo), clock: { now: () => now } });
  const site = syncSite('http://jira.local', { now: () => now }, (request) => simulator.handle(request));
  for (const plan of demo.plans) await requestRecompute(site.deps, await storeDemoPlan(site.deps, plan));
  await site.queue.drain();

  const events: WorklogEvent[] = [];
  simulator.onEvent((event) => {
    if ('worklog' in event) events.push(event);
  });
  const linked = demo.issues.filter((issue) => issue.properties['support-plan'] !== undefined).slice(0, 40);
  const created: { issueId: string; id: string }[] = [];
  for (const [index, issue] of linked.entries()) {
    now += 1000;
    const started = `2026-11-${String(2 + (index % 10)).padStart(2, '0')}T10:00:00.000+0100`;
    const body = await adminCall(simulator, 'POST', `/rest/api/3/issue/${issue.id}/worklog`, { timeSpentSeconds: 1800, started });
    if (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string') created.push({ issueId: issue.id, id: body.id });
  }
  for (const worklog of created.slice(0, 20)) {
    now += 1000;
    await adminCall(simulator, 'PUT', `/rest/api/3/issue/${worklog.issueId}/worklog/${worklog.id}`, { timeSpentSeconds: 2700 });
  }
  for (const worklog of created.slice(20, 30)) {
    now += 1000;
    await adminCall(simulator, 'DELETE', `/rest/api/3/issue/${worklog.issueId}/worklog/${worklog.id}`);
  }
  await simulator.idle();

  const costs: EventCost[] = [];
  for (const event of [...events, ...events.slice(0, DUPLICATES)]) {
    site.runtime.resetKvsUsage();
    site.jira.resetStats();
    await site.sync.handlers.onWorklogEvent(event);
    const usage = site.runtime.kvsUsage();
    costs.push({ kind: event.eventType.split(':')[2] ?? '', writes: usage.writes, writeUnits: usage.writeUnits, jiraCalls: site.jira.stats().calls });
  }
  return costs;
}

/** Every issue of the large demo linked to one plan: 5,000 issues, 100,000 worklogs. */
function largeSinglePlan(): DemoData {
  const demo = generateDemo({ seed: 1, size: 'large', today: TODAY });
  const planId = DEMO_PLAN_IDS.contract;
  return { ...demo, issues: demo.issues.map((issue) => ({ ...issue, properties: { 'support-plan': { planId, billingClass: 'covered' } } })) };
}

async function benchRecompute(): Promise<RecomputeReport> {
  const demo = largeSinglePlan();
  const simulator = new JiraSimulator({ state: demoState(demo), clock: fixedClock(NOW) });
  simulator.faults.latencyMs = LATENCY_MS;
  const server = await simulator.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { jira, store, storage, runtime, queue, deps } = syncSite(server.url, systemClock);

    global.gc?.();
    const memory = { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
    const baseline = { ...memory };
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      memory.heap = Math.max(memory.heap, usage.heapUsed);
      memory.rss = Math.max(memory.rss, usage.rss);
    }, 20);
    const contract = demo.plans.find((plan) => plan.id === DEMO_PLAN_IDS.contract);
    if (contract === undefined) throw new Error('the demo has no contract plan');
    const internalId = await storeDemoPlan(deps, contract);
    const started = performance.now();
    await requestRecompute(deps, internalId);
    await queue.drain();
    const wallMs = performance.now() - started;
    clearInterval(sampler);

    const failed = queue.runs.filter((run) => run.error !== undefined);
    if (failed.length > 0) throw new Error(`recompute jobs failed: ${failed.map((run) => run.error).join('; ')}`);
    const head = await new AggregateReader(store).head(internalId);
    if (head === undefined) throw new Error('no aggregate after the recompute');
    const parts = await listAll(storage, generationPrefix(internalId, head.generation));
    const sizes = parts.map((entry) => Buffer.byteLength(JSON.stringify(entry.value)));
    const chunkRuns = queue.runs.slice(0, -1);
    const usage = runtime.kvsUsage();
    const stats = jira.stats();
    runtime.resetKvsUsage();
    jira.resetStats();
    const reconcileStarted = performance.now();
    await reconcile(deps);
    const reconcileMs = performance.now() - reconcileStarted;
    const reconcileUsage = runtime.kvsUsage();
    return {
      worklogs: head.worklogCount,
      issues: demo.issues.length,
      jiraCalls: stats.calls,
      points: stats.points,
      wallMs,
      peakHeapMb: (memory.heap - baseline.heap) / 2 ** 20,
      peakRssMb: memory.rss / 2 ** 20,
      chunks: chunkRuns.length,
      longestChunkMs: Math.max(...chunkRuns.map((run) => run.durationMs)),
      shards: head.shardCount,
      parts: parts.length,
      largestPartBytes: Math.max(...sizes),
      storedBytes: sizes.reduce((sum, size) => sum + size, 0),
      writes: usage.writes,
      writeUnits: usage.writeUnits,
      reconcile: {
        ms: reconcileMs,
        jiraCalls: jira.stats().calls,
        points: jira.stats().points,
        readUnits: reconcileUsage.readUnits,
        writes: reconcileUsage.writes,
      },
    };
  } finally {
    await server.close();
  }
}

function reportEvents(costs: readonly EventCost[]): string[] {
  const kinds = [...new Set(costs.slice(0, -DUPLICATES).map((cost) => cost.kind))];
  const rows = [...kinds, 'duplicate'].map((kind) => {
    const group = kind === 'duplicate' ? costs.slice(-DUPLICATES) : costs.slice(0, -DUPLICATES).filter((cost) => cost.kind === kind);
    const max = (field: 'writes' | 'writeUnits' | 'jiraCalls') => Math.max(...group.map((cost) => cost[field]));
    return [kind, group.length, max('writes'), max('writeUnits'), max('jiraCalls')];
  });
  reportMarkdown(
    `### One worklog event\n\nWork logged, edited and deleted on the \`small\` demo (plans recomputed first), each event then handed to the trigger function alone; the last ${DUPLICATES} are duplicates of earlier events. KVS writes and write units (10 KB) as the local Forge runtime's emulated KVS counts them: a transaction is one write. Targets: ≤ ${EVENT_TARGETS.writes} storage writes and ≤ ${EVENT_TARGETS.jiraCalls} Jira call per event.`,
    markdownTable(
      [
        { title: 'event' },
        { title: 'count', align: 'right' },
        { title: 'KVS writes (max)', align: 'right' },
        { title: 'write units (max)', align: 'right' },
        { title: 'Jira calls (max)', align: 'right' },
      ],
      rows,
    ),
  );
  const worst = { writes: Math.max(...costs.map((cost) => cost.writes)), jiraCalls: Math.max(...costs.map((cost) => cost.jiraCalls)) };
  return [
    ...(worst.writes > EVENT_TARGETS.writes ? [`an event made ${worst.writes} storage writes (target ≤ ${EVENT_TARGETS.writes})`] : []),
    ...(worst.jiraCalls > EVENT_TARGETS.jiraCalls ? [`an event made ${worst.jiraCalls} Jira calls (target ≤ ${EVENT_TARGETS.jiraCalls})`] : []),
  ];
}

function reportRecompute(report: RecomputeReport): string[] {
  const minutes = report.wallMs / 60_000;
  const unitsPerMinute = report.writeUnits / Math.max(minutes, 1);
  const rows: [string, string][] = [
    ['Jira calls / points', `${report.jiraCalls.toLocaleString('en-US')} / ${report.points.toLocaleString('en-US')}`],
    ['wall time', `${(report.wallMs / 1000).toFixed(1)} s`],
    ['queue chunks', String(report.chunks)],
    ['longest chunk / consumer limit', `${(report.longestChunkMs / 1000).toFixed(1)} s / ${CONSUMER_LIMIT_MS / 1000} s`],
    ['peak heap growth (simulator in the same process)', `${report.peakHeapMb.toFixed(0)} MB`],
    ['peak RSS (simulator in the same process)', `${report.peakRssMb.toFixed(0)} MB`],
    ['stored aggregate', `${(report.storedBytes / 2 ** 20).toFixed(2)} MiB in ${report.shards} shards, ${report.parts} parts`],
    ['largest part / value limit', `${(report.largestPartBytes / 1024).toFixed(1)} KiB / ${FORGE_KVS_LIMITS.maxValueBytes / 1024} KiB`],
    ['KVS writes / write units', `${report.writes.toLocaleString('en-US')} / ${report.writeUnits.toLocaleString('en-US')}`],
    ['write units per minute (over at least 1 min)', unitsPerMinute.toFixed(0)],
    ['then a reconciliation with nothing to repair: time', `${(report.reconcile.ms / 1000).toFixed(2)} s`],
    ['… its Jira calls / points', `${report.reconcile.jiraCalls} / ${report.reconcile.points.toLocaleString('en-US')}`],
    ['… its KVS read units / writes', `${report.reconcile.readUnits.toLocaleString('en-US')} / ${report.reconcile.writes}`],
  ];
  reportMarkdown(
    `### Full recompute of one plan\n\nEvery issue of the \`large\` demo (${report.issues.toLocaleString('en-US')} issues, ${report.worklogs.toLocaleString('en-US')} worklogs) linked to one plan, the worst case the stored layout must hold, recomputed through the queue over HTTP from the simulator with ${LATENCY_MS} ms latency per call. Targets: the longest chunk within half the consumer's ${CONSUMER_LIMIT_MS / 1000} s default limit, every stored value ≤ ${FORGE_KVS_LIMITS.maxValueBytes / 1024} KiB, ≤ ${KVS_WRITE_UNITS_PER_MINUTE.toLocaleString('en-US')} write units a minute.`,
    markdownTable([{ title: 'measure' }, { title: 'value', align: 'right' }], rows),
  );
  return [
    ...(report.longestChunkMs > CONSUMER_LIMIT_MS / 2 ? [`the longest chunk took ${report.longestChunkMs.toFixed(0)} ms (target ≤ half of ${CONSUMER_LIMIT_MS} ms)`] : []),
    ...(report.largestPartBytes > FORGE_KVS_LIMITS.maxValueBytes ? [`a part of ${report.largestPartBytes} bytes exceeds the value limit`] : []),
    ...(unitsPerMinute > KVS_WRITE_UNITS_PER_MINUTE ? [`${unitsPerMinute.toFixed(0)} write units a minute (budget ${KVS_WRITE_UNITS_PER_MINUTE})`] : []),
  ];
}

async function main(): Promise<void> {
  const failures = [...reportEvents(await benchEvents()), ...reportRecompute(await benchRecompute())];
  for (const failure of failures) console.error(`TARGET MISSED: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

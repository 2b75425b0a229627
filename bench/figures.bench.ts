/**
 * Materialised figures at scale (issue 12's targets), on the production clients through the local
 * Forge runtime: `KvsStore` over `@forge/kvs` and `ForgeTransport` over `@forge/api`, KVS reads and
 * units counted by the emulated KVS as Forge counts them (10 KB units, a query one read).
 *
 * For one plan of 1k, 10k, 100k and 300k worklogs over 63 monthly periods (bench/figures/plan-site.ts:
 * the aggregate written with the recompute's chunk writers, then 0, 24 and 60 periods closed with the
 * real close), it measures:
 * - the issue panel, the gadget, the project page's card and an alert check: KVS reads and read units,
 *   server time in-process and with a modelled round trip for every KVS request and Jira call, each
 *   against one 2 KB read-and-parse timed the same way, and the same calls with the plan's figures
 *   dropped (the full replay every read made before figures were stored);
 * - the memory one panel call adds;
 * - a worklog event in the current period and one 12 periods back, with the refresh job each asks
 *   for and the alert check that refresh queues;
 * - a burst of 1,000 events within a minute on the plan (after the 60 closes), the queue's delays
 *   kept by the bench clock: how many refreshes and alert checks run, and what they all cost;
 * - the equality property (figures equal a full replay) over 1,000 random runs, in jest.
 *
 * Targets: panel, gadget, card and alert check ≤ 5 reads and ≤ 10 read units each, the same at every
 * size; their median server time with round trips ≤ 5× the 2 KB read's (decision 0075); an event in the current period ≤ 3 write
 * units and ≤ 10 read units; ≥ 1,000 panel views a minute of a 100k plan inside 4,000 read units;
 * < 64 MB of heap added by a panel call; the property holds over ≥ 1,000 runs.
 *
 * `FIGURES_BENCH_SIZES=1000,10000` measures fewer sizes; `FIGURES_BENCH_PROPERTY_RUNS` and
 * `FIGURES_BENCH_PROPERTY_MINUTES` (1,000 runs, 15 minutes by default) size the property's run.
 */
import { performance } from 'node:perf_hooks';
import { UNITS_PER_MINUTE } from '../src/local/forge-runtime/kvs/usage-budget';
import type { Cost, MemoryGrowth } from './figures/meter';
import { buildPlanSite, closePeriods, periodLabels, type PlanSite } from './figures/plan-site';
import { runEqualityProperty, type PropertyOutcome } from './figures/property-runs';
import {
  burst,
  dropFigures,
  eventCosts,
  measureReads,
  measureRoundTrips,
  measureYardsticks,
  panelMemory,
  restoreFigures,
  SURFACES,
  type BurstOutcome,
  type EventCosts,
  type RoundTripTimes,
  type Surface,
  type SurfaceReads,
  type Yardsticks,
} from './figures/scenarios';
import { markdownTable, type Column } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';
import { timingCells, TIMING_COLUMNS } from './report/timing';

const SIZES = (process.env.FIGURES_BENCH_SIZES ?? '1000,10000,100000,300000').split(',').map(Number);
const CLOSED_STEPS = [0, 24, 60] as const;
const MOST_CLOSED = CLOSED_STEPS[CLOSED_STEPS.length - 1];
const LATE_PERIODS_BACK = 12;
const BURST = { events: 1000, windowMs: 60_000 };
const TIMING = {
  figures: { runs: 15, warmUps: 2 },
  yardsticks: { runs: 40, warmUps: 5 },
  roundTrips: { runs: 9, warmUps: 1 },
  // The replay takes seconds at 300k worklogs; the call that counts its reads warms it up.
  fallback: { runs: 2, warmUps: 0 },
};
/** A round trip to Forge's storage or to Jira, modelled for the server-time target (decision 0075). */
const ROUND_TRIP_MS = 10;
const TARGETS = { reads: 5, readUnits: 10, timeFactor: 5, eventWriteUnits: 3, eventReadUnits: 10, viewsPerMinute: 1000, viewsAtWorklogs: 100_000, heapMb: 64, propertyRuns: 1000 };
const PROPERTY = {
  runs: Number(process.env.FIGURES_BENCH_PROPERTY_RUNS ?? TARGETS.propertyRuns),
  chunkRuns: 200,
  budgetMs: Number(process.env.FIGURES_BENCH_PROPERTY_MINUTES ?? 15) * 60_000,
};

interface Stage {
  readonly worklogs: number;
  readonly closed: number;
  readonly yardsticks: Yardsticks;
  readonly reads: readonly SurfaceReads[];
  readonly roundTrips: RoundTripTimes;
  readonly fallback: readonly SurfaceReads[];
  readonly memory: MemoryGrowth;
  readonly fallbackMemory: MemoryGrowth;
  readonly currentEvent: EventCosts;
  readonly lateEvent: EventCosts;
}

interface SizeRun {
  readonly worklogs: number;
  readonly buildMs: number;
  readonly closeMs: readonly number[];
  readonly stages: readonly Stage[];
  readonly burst: BurstOutcome;
}

const count = (value: number): string => value.toLocaleString('en-US');
const ms = (value: number): string => (value < 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`);
const seconds = (valueMs: number): string => `${(valueMs / 1000).toFixed(1)} s`;
const mb = (value: number): string => `${value.toFixed(1)} MB`;

function progress(message: string): void {
  console.log(`[figures] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

/** Midday on the 10th of the period `LATE_PERIODS_BACK` before the current one. */
function lateInstant(): number {
  const labels = periodLabels();
  const label = labels[labels.length - 1 - LATE_PERIODS_BACK];
  if (label === undefined) throw new Error('the plan has too few periods');
  return Date.parse(`${label}-10T12:00:00Z`);
}

async function measureStage(site: PlanSite, closed: number): Promise<Stage> {
  const yardsticks = await measureYardsticks(site, TIMING.yardsticks);
  const reads = await measureReads(site, TIMING.figures);
  const roundTrips = await measureRoundTrips(site, ROUND_TRIP_MS, TIMING.roundTrips);
  const memory = await panelMemory(site);
  const currentEvent = await eventCosts(site, site.clock.now() - 2 * 3_600_000);
  const lateEvent = await eventCosts(site, lateInstant());
  await dropFigures(site);
  const fallback = await measureReads(site, TIMING.fallback);
  const fallbackMemory = await panelMemory(site);
  await restoreFigures(site);
  return { worklogs: site.worklogs, closed, yardsticks, reads, roundTrips, fallback, memory, fallbackMemory, currentEvent, lateEvent };
}

async function runSize(worklogs: number): Promise<SizeRun> {
  const buildStarted = performance.now();
  const site = await buildPlanSite(worklogs);
  const buildMs = performance.now() - buildStarted;
  progress(`${count(worklogs)} worklogs stored in ${seconds(buildMs)}`);
  const stages: Stage[] = [];
  const closeMs: number[] = [];
  let closed = 0;
  for (const target of CLOSED_STEPS) {
    const closeStarted = performance.now();
    await closePeriods(site, closed, target);
    if (target > closed) closeMs.push(performance.now() - closeStarted);
    closed = target;
    stages.push(await measureStage(site, closed));
    progress(`${count(worklogs)} worklogs, ${closed} closed: measured`);
  }
  const burstOutcome = await burst(site, BURST.events, BURST.windowMs);
  progress(`${count(worklogs)} worklogs: burst of ${BURST.events} events measured`);
  return { worklogs, buildMs, closeMs, stages, burst: burstOutcome };
}

/** The measurement of `surface` among a stage's rows: every stage measures every surface. */
function surfaceRow<Row extends { readonly surface: Surface }>(rows: readonly Row[], surface: Surface): Row {
  const row = rows.find((candidate) => candidate.surface === surface);
  if (row === undefined) throw new Error(`no ${surface} measurement`);
  return row;
}

/** The columns and cells every per-stage table starts with. */
const STAGE_COLUMNS: readonly Column[] = [
  { title: 'worklogs', align: 'right' },
  { title: 'closed periods', align: 'right' },
];
const stageCells = (stage: Pick<Stage, 'worklogs' | 'closed'>): [string, number] => [count(stage.worklogs), stage.closed];

function readsTable(runs: readonly SizeRun[]): string {
  const rows = runs.flatMap((run) =>
    run.stages.flatMap((stage) =>
      stage.reads.map((row, index) => {
        const before = stage.fallback[index];
        return [
          ...stageCells(stage),
          row.surface,
          row.cost.reads,
          row.cost.readUnits,
          ...timingCells(row.timing, ms),
          `${(row.timing.medianMs / stage.yardsticks.twoKilobyteRead.medianMs).toFixed(0)}×`,
          `${(row.timing.medianMs / stage.yardsticks.planRead.medianMs).toFixed(1)}×`,
          before?.cost.reads ?? '',
          before?.cost.readUnits ?? '',
          before === undefined ? '' : ms(before.timing.medianMs),
        ];
      }),
    ),
  );
  return markdownTable(
    [
      ...STAGE_COLUMNS,
      { title: 'call' },
      { title: 'KVS reads', align: 'right' },
      { title: 'read units', align: 'right' },
      ...TIMING_COLUMNS,
      { title: 'median ÷ 2 KB read', align: 'right' },
      { title: 'median ÷ plan read', align: 'right' },
      { title: 'before: reads', align: 'right' },
      { title: 'before: read units', align: 'right' },
      { title: 'before: median', align: 'right' },
    ],
    rows,
  );
}

function yardstickTable(runs: readonly SizeRun[]): string {
  const precise = (value: number) => `${value.toFixed(2)} ms`;
  return markdownTable(
    [
      ...STAGE_COLUMNS,
      { title: '2 KB read: median', align: 'right' },
      { title: 'p95', align: 'right' },
      { title: 'plan read: median', align: 'right' },
      { title: 'p95', align: 'right' },
    ],
    runs.flatMap((run) =>
      run.stages.map(({ worklogs, closed, yardsticks }) => [
        ...stageCells({ worklogs, closed }),
        precise(yardsticks.twoKilobyteRead.medianMs),
        precise(yardsticks.twoKilobyteRead.p95Ms),
        precise(yardsticks.planRead.medianMs),
        precise(yardsticks.planRead.p95Ms),
      ]),
    ),
  );
}

/** A surface's server time with round trips, against the 2 KB read's with the same round trip. */
function roundTripFactor(stage: Stage, surface: Surface): number {
  return surfaceRow(stage.roundTrips.surfaces, surface).timing.medianMs / stage.roundTrips.twoKilobyteRead.medianMs;
}

function roundTripTable(runs: readonly SizeRun[]): string {
  return markdownTable(
    [...STAGE_COLUMNS, { title: 'call' }, ...TIMING_COLUMNS, { title: 'median ÷ 2 KB read', align: 'right' }],
    runs.flatMap((run) =>
      run.stages.flatMap((stage) => [
        [...stageCells(stage), '2 KB read', ...timingCells(stage.roundTrips.twoKilobyteRead, ms), '1×'],
        ...stage.roundTrips.surfaces.map((row) => [...stageCells(stage), row.surface, ...timingCells(row.timing, ms), `${roundTripFactor(stage, row.surface).toFixed(1)}×`]),
      ]),
    ),
  );
}

const viewsPerMinute = (readUnits: number): number => Math.floor(UNITS_PER_MINUTE / Math.max(1, readUnits));

function viewsTable(runs: readonly SizeRun[]): string {
  return markdownTable(
    [
      ...STAGE_COLUMNS,
      { title: 'read units a view', align: 'right' },
      { title: 'views a minute', align: 'right' },
      { title: 'before: read units a view', align: 'right' },
      { title: 'before: views a minute', align: 'right' },
    ],
    runs.flatMap((run) =>
      run.stages.map((stage) => {
        const now = surfaceRow(stage.reads, 'panel').cost.readUnits;
        const before = surfaceRow(stage.fallback, 'panel').cost.readUnits;
        return [...stageCells(stage), now, count(viewsPerMinute(now)), count(before), count(viewsPerMinute(before))];
      }),
    ),
  );
}

function memoryTable(runs: readonly SizeRun[]): string {
  return markdownTable(
    [
      ...STAGE_COLUMNS,
      { title: 'heap added', align: 'right' },
      { title: 'RSS added', align: 'right' },
      { title: 'before: heap added', align: 'right' },
      { title: 'before: RSS added', align: 'right' },
    ],
    runs.flatMap((run) =>
      run.stages.map((stage) => [...stageCells(stage), mb(stage.memory.heapMb), mb(stage.memory.rssMb), mb(stage.fallbackMemory.heapMb), mb(stage.fallbackMemory.rssMb)]),
    ),
  );
}

const requestsAndUnits = (requests: number, units: number): string => `${count(requests)} / ${count(units)}`;

function eventsTable(runs: readonly SizeRun[]): string {
  const rows = runs.flatMap((run) =>
    run.stages.flatMap((stage) =>
      (
        [
          ['current period', stage.currentEvent],
          [`${LATE_PERIODS_BACK} periods back`, stage.lateEvent],
        ] as const
      ).map(([when, costs]) => [
        ...stageCells(stage),
        when,
        requestsAndUnits(costs.event.reads, costs.event.readUnits),
        requestsAndUnits(costs.event.writes, costs.event.writeUnits),
        costs.event.jiraCalls,
        requestsAndUnits(costs.refresh.reads, costs.refresh.readUnits),
        requestsAndUnits(costs.refresh.writes, costs.refresh.writeUnits),
        ms(costs.refresh.ms),
        requestsAndUnits(costs.alertCheck.reads, costs.alertCheck.readUnits),
      ]),
    ),
  );
  return markdownTable(
    [
      ...STAGE_COLUMNS,
      { title: 'work logged in' },
      { title: 'event: reads / units', align: 'right' },
      { title: 'event: writes / units', align: 'right' },
      { title: 'event: Jira calls', align: 'right' },
      { title: 'its refresh: reads / units', align: 'right' },
      { title: 'refresh: writes / units', align: 'right' },
      { title: 'refresh: time', align: 'right' },
      { title: 'then the alert check: reads / units', align: 'right' },
    ],
    rows,
  );
}

function burstTable(runs: readonly SizeRun[]): string {
  return markdownTable(
    [
      { title: 'worklogs', align: 'right' },
      { title: 'events', align: 'right' },
      { title: 'refreshes', align: 'right' },
      { title: 'alert checks', align: 'right' },
      { title: 'KVS reads / units', align: 'right' },
      { title: 'KVS writes / units', align: 'right' },
      { title: 'app Jira calls', align: 'right' },
      { title: 'queue empty after (bench clock)', align: 'right' },
      { title: 'wall time', align: 'right' },
    ],
    runs.map(({ worklogs, burst: outcome }) => [
      count(worklogs),
      count(outcome.events),
      outcome.refreshes,
      outcome.alertChecks,
      requestsAndUnits(outcome.usage.reads, outcome.usage.readUnits),
      requestsAndUnits(outcome.usage.writes, outcome.usage.writeUnits),
      count(outcome.appJiraCalls),
      seconds(outcome.settledAfterMs),
      seconds(outcome.wallMs),
    ]),
  );
}

function setupTable(runs: readonly SizeRun[]): string {
  return markdownTable(
    [{ title: 'worklogs', align: 'right' }, { title: 'aggregate stored, figures refreshed', align: 'right' }, ...CLOSED_STEPS.slice(1).map((closed) => ({ title: `closing through period ${closed}`, align: 'right' as const }))],
    runs.map((run) => [count(run.worklogs), seconds(run.buildMs), ...run.closeMs.map(seconds)]),
  );
}

interface GrowthMetric {
  readonly name: string;
  readonly value: (stage: Stage, run: SizeRun) => number;
  readonly format: (value: number) => string;
}

const surfaceCost = (surface: Surface, field: keyof Cost, from: 'reads' | 'fallback' = 'reads') => (stage: Stage) => surfaceRow(stage[from], surface).cost[field];
const surfaceMedian = (surface: Surface, from: 'reads' | 'fallback' = 'reads') => (stage: Stage) => surfaceRow(stage[from], surface).timing.medianMs;

const GROWTH: readonly GrowthMetric[] = [
  ...SURFACES.flatMap((surface): GrowthMetric[] => [
    { name: `${surface}: KVS reads`, value: surfaceCost(surface, 'reads'), format: count },
    { name: `${surface}: read units`, value: surfaceCost(surface, 'readUnits'), format: count },
    { name: `${surface}: median time`, value: surfaceMedian(surface), format: ms },
  ]),
  { name: '2 KB read: median time', value: (stage) => stage.yardsticks.twoKilobyteRead.medianMs, format: (value) => `${value.toFixed(2)} ms` },
  ...SURFACES.map((surface): GrowthMetric => ({ name: `${surface}: median ÷ 2 KB read, ${ROUND_TRIP_MS} ms round trips`, value: (stage) => roundTripFactor(stage, surface), format: (value) => `${value.toFixed(1)}×` })),
  { name: 'panel: heap added', value: (stage) => stage.memory.heapMb, format: mb },
  { name: 'event, current period: read units', value: (stage) => stage.currentEvent.event.readUnits, format: count },
  { name: 'event, current period: write units', value: (stage) => stage.currentEvent.event.writeUnits, format: count },
  { name: `event, ${LATE_PERIODS_BACK} periods back: read units`, value: (stage) => stage.lateEvent.event.readUnits, format: count },
  { name: `event, ${LATE_PERIODS_BACK} periods back: write units`, value: (stage) => stage.lateEvent.event.writeUnits, format: count },
  { name: 'refresh: read units', value: (stage) => stage.currentEvent.refresh.readUnits, format: count },
  { name: 'refresh: write units', value: (stage) => stage.currentEvent.refresh.writeUnits, format: count },
  { name: 'refresh: time', value: (stage) => stage.currentEvent.refresh.ms, format: ms },
  { name: `burst of ${count(BURST.events)} events: refreshes`, value: (_stage, run) => run.burst.refreshes, format: count },
  { name: `burst of ${count(BURST.events)} events: read units`, value: (_stage, run) => run.burst.usage.readUnits, format: count },
  { name: 'before: panel read units', value: surfaceCost('panel', 'readUnits', 'fallback'), format: count },
  { name: 'before: panel median time', value: surfaceMedian('panel', 'fallback'), format: ms },
  { name: 'before: panel heap added', value: (stage) => stage.fallbackMemory.heapMb, format: mb },
];

const GROWTH_SIZES = [10_000, 100_000, 300_000];

/** Each figure at 10k, 100k and 300k worklogs with the most closed periods, and its factor from 10k to 300k. */
function growthTable(runs: readonly SizeRun[]): string | null {
  const picked = GROWTH_SIZES.map((size) => runs.find((run) => run.worklogs === size)).filter((run): run is SizeRun => run !== undefined);
  if (picked.length < 2) return null;
  const rows = GROWTH.map((metric) => {
    const values = picked.map((run) => {
      const stage = run.stages.find((candidate) => candidate.closed === MOST_CLOSED);
      return stage === undefined ? Number.NaN : metric.value(stage, run);
    });
    const first = values[0] ?? Number.NaN;
    const last = values[values.length - 1] ?? Number.NaN;
    return [metric.name, ...values.map(metric.format), first > 0 ? `${(last / first).toFixed(2)}×` : '—'];
  });
  return markdownTable(
    [{ title: `figure (${MOST_CLOSED} closed periods)` }, ...picked.map((run) => ({ title: count(run.worklogs), align: 'right' as const })), { title: `${count(picked[0]?.worklogs ?? 0)} → ${count(picked[picked.length - 1]?.worklogs ?? 0)}`, align: 'right' }],
    rows,
  );
}

function propertyTable(outcome: PropertyOutcome): string {
  return markdownTable(
    [{ title: 'measure' }, { title: 'value', align: 'right' }],
    [
      ['runs asked for', count(outcome.requestedRuns)],
      ['runs passed', count(outcome.passedRuns)],
      ['chunks with a counterexample', outcome.failedChunks.length === 0 ? '0' : outcome.failedChunks.map((chunk) => `seed ${chunk.seed} (${chunk.runs} runs)`).join(', ')],
      ['chunks not started (time budget spent)', outcome.skippedChunks],
      ['CPU time (jest processes)', `${outcome.cpuSeconds.toFixed(0)} s`],
      ['wall time', `${outcome.wallSeconds.toFixed(0)} s`],
    ],
  );
}

function report(runs: readonly SizeRun[], property: PropertyOutcome): void {
  const growth = growthTable(runs);
  reportMarkdown(
    `One plan of each size, ${periodLabels().length} monthly periods from ${periodLabels()[0] ?? ''} (Europe/Berlin), 20 worklogs an issue spread evenly over them, on the production clients through the local Forge runtime: the aggregate is written with the recompute's chunk writers, periods are closed one by one with the real close (each freezes its statement), and the plan's figures are refreshed by the refresh job. KVS reads and read units (10 KB) are the emulated KVS's count, as Forge counts them. Server time is the wall time of the function Forge calls (\`resolver.getDefinitions()\`, through the local invoker, without the caller's check of the answer), measured twice: in-process (Jira simulated and KVS emulated without latency: the CPU a call spends, which follows the machine's load) and with every KVS request and Jira call answered ${ROUND_TRIP_MS} ms later, as round trips over Forge's network are (decision 0075). Compare each with the 2 KB read measured beside it the same way. "Before" is the same call with the plan's figures dropped: the full replay every read made before figures were stored (an alert check without figures now asks for a refresh instead).`,
    '### Setup',
    setupTable(runs),
    `### Panel, gadget, card and alert check\n\nPer call: reads and units of the first call after a warm-up (the same on every call), the server's median and 95th percentile of ${TIMING.figures.runs} calls after ${TIMING.figures.warmUps} warm-ups (before: of ${TIMING.fallback.runs} calls after the one that counted the reads). The card is \`usage/overview\` on a project with this one plan; the alert check is the queue job's \`checkPlanAlerts\`. Targets: ≤ ${TARGETS.reads} reads and ≤ ${TARGETS.readUnits} read units, the same at every size. The in-process times are the CPU a call spends; the time target is the next table's.`,
    readsTable(runs),
    `### Server time with round trips\n\nThe same calls with every KVS request and Jira call answered ${ROUND_TRIP_MS} ms later (the local runtime's \`kvsLatencyMs\` and the simulator's \`faults.latencyMs\`), as round trips over Forge's network are: the panel, gadget and card send their first reads beside the caller's permission call (decision 0075), the alert check reads the plan and its figures head side by side. Median and 95th percentile of ${TIMING.roundTrips.runs} calls after ${TIMING.roundTrips.warmUps} warm-up, and of as many 2 KB reads. Target: median ≤ ${TARGETS.timeFactor}× the 2 KB read's.`,
    roundTripTable(runs),
    `The yardsticks, measured just before the calls above, median and 95th percentile of ${TIMING.yardsticks.runs} reads after ${TIMING.yardsticks.warmUps}: the target's, one 2 KB record read through the same \`KvsStore\` and runtime and JSON-parsed; and the plan's record (under 1 KB) read and validated as every use case reads it (\`loadPlan\`: its schema, its time zone checked).`,
    yardstickTable(runs),
    `### Panel views a minute\n\nHow many issue-panel views fit in an installation's ${count(UNITS_PER_MINUTE)} read units a minute, if nothing else read. Target: ≥ ${count(TARGETS.viewsPerMinute)} at ${count(TARGETS.viewsAtWorklogs)} worklogs.`,
    viewsTable(runs),
    `### Memory of one panel call\n\nHeap in use and RSS at the call's peak above what they were before it, after a full collection (\`--expose-gc\`), sampled every millisecond while the call awaits and once when it returns. Target: < ${TARGETS.heapMb} MB.`,
    memoryTable(runs),
    `### Worklog events\n\nHalf an hour logged through Jira's REST API in the current period, then in the period ${LATE_PERIODS_BACK} periods back (closed once ${MOST_CLOSED} are: the ledger books it as a late adjustment); the event handed to the trigger function alone, then the refresh job it asked for run when it fell due (the current period's reads the event's issue and the two recent periods only, the late one's the whole plan: decision 0067; the late one first defers itself to the plan's spacing since the last refresh and runs then, decision 0073, both runs counted), then the alert check that refresh queued. Requests / units. Targets for an event in the current period: ≤ ${TARGETS.eventWriteUnits} write units and ≤ ${TARGETS.eventReadUnits} read units.`,
    eventsTable(runs),
    `### A burst of events\n\n${count(BURST.events)} worklogs logged on the plan's issues in turn within ${BURST.windowMs / 1000} s of the bench clock (after the ${MOST_CLOSED} closes), each event handled as it arrives, the queue running what falls due in between (a refresh takes no bench-clock time), then the queue run until empty. Everything the burst cost, events included.`,
    burstTable(runs),
    ...(growth === null ? [] : ['### Growth with the plan', growth]),
    `### Figures equal a full replay\n\nThe property of test/figures/figures-equal-replay.property.test.ts (random changes; after each, every stored figure, card and issue usage against a full replay, and after each refresh that read the events' issues only, a full refresh that finds nothing to write), run in jest in chunks of ${PROPERTY.chunkRuns} runs, each chunk with its own seed (the test's seed, then the next ones), within a budget of ${PROPERTY.budgetMs / 60_000} minutes. Target: ≥ ${count(TARGETS.propertyRuns)} runs, no counterexample.`,
    propertyTable(property),
  );
}

interface Worst {
  readonly value: number;
  /** Where it was measured: "at every size" when every stage measured the same. */
  readonly where: string;
}

/** The largest of `value` over the stages, and where it was measured. */
function worst(stages: readonly Stage[], value: (stage: Stage) => number): Worst {
  let found = { value: Number.NEGATIVE_INFINITY, where: '' };
  for (const stage of stages) {
    const candidate = value(stage);
    if (candidate > found.value) found = { value: candidate, where: `at ${count(stage.worklogs)} worklogs, ${stage.closed} closed` };
  }
  return new Set(stages.map(value)).size === 1 ? { value: found.value, where: 'at every size and closed count' } : found;
}

/** One line per target missed, with the worst case measured. */
function targetFailures(runs: readonly SizeRun[], property: PropertyOutcome): string[] {
  const failures: string[] = [];
  const stages = runs.flatMap((run) => run.stages);
  for (const surface of SURFACES) {
    const reads = worst(stages, surfaceCost(surface, 'reads'));
    const units = worst(stages, surfaceCost(surface, 'readUnits'));
    const factor = worst(stages, (stage) => roundTripFactor(stage, surface));
    if (reads.value > TARGETS.reads) failures.push(`${surface}: ${reads.value} KVS reads ${reads.where} (target ≤ ${TARGETS.reads})`);
    if (units.value > TARGETS.readUnits) failures.push(`${surface}: ${units.value} read units ${units.where} (target ≤ ${TARGETS.readUnits})`);
    if (factor.value > TARGETS.timeFactor) failures.push(`${surface}: median ${factor.value.toFixed(1)}× the 2 KB read's with ${ROUND_TRIP_MS} ms round trips ${factor.where} (target ≤ ${TARGETS.timeFactor}×)`);
    const costs = new Set(stages.map((stage) => `${surfaceCost(surface, 'reads')(stage)} reads / ${surfaceCost(surface, 'readUnits')(stage)} units`));
    if (costs.size > 1) failures.push(`${surface}: not the same at every size (${[...costs].join(', ')})`);
  }
  const writeUnits = worst(stages, (stage) => stage.currentEvent.event.writeUnits);
  const readUnits = worst(stages, (stage) => stage.currentEvent.event.readUnits);
  if (writeUnits.value > TARGETS.eventWriteUnits) failures.push(`an event in the current period: ${writeUnits.value} write units ${writeUnits.where} (target ≤ ${TARGETS.eventWriteUnits})`);
  if (readUnits.value > TARGETS.eventReadUnits) failures.push(`an event in the current period: ${readUnits.value} read units ${readUnits.where} (target ≤ ${TARGETS.eventReadUnits})`);
  const heap = worst(stages, (stage) => stage.memory.heapMb);
  if (heap.value >= TARGETS.heapMb) failures.push(`a panel call added ${mb(heap.value)} of heap ${heap.where} (target < ${TARGETS.heapMb} MB)`);
  for (const stage of stages.filter((candidate) => candidate.worklogs === TARGETS.viewsAtWorklogs)) {
    const views = viewsPerMinute(surfaceCost('panel', 'readUnits')(stage));
    if (views < TARGETS.viewsPerMinute) failures.push(`${count(views)} panel views a minute (${count(stage.worklogs)} worklogs, ${stage.closed} closed; target ≥ ${count(TARGETS.viewsPerMinute)})`);
  }
  if (property.passedRuns < TARGETS.propertyRuns || property.failedChunks.length > 0) {
    failures.push(`the equality property passed ${property.passedRuns} runs, ${property.failedChunks.length} chunks found a counterexample (target ≥ ${count(TARGETS.propertyRuns)} runs, none)`);
  }
  return failures;
}

async function main(): Promise<void> {
  const runs: SizeRun[] = [];
  for (const size of SIZES) runs.push(await runSize(size));
  progress(`equality property: ${count(PROPERTY.runs)} runs`);
  const property = runEqualityProperty(PROPERTY.runs, PROPERTY.chunkRuns, PROPERTY.budgetMs);
  report(runs, property);
  const failures = targetFailures(runs, property);
  for (const failure of failures) console.error(`TARGET MISSED: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * Resolver latency from the aggregates: the issue panel (`issue/get`) and the dashboard gadget
 * (`usage/gadget`) called through the local runtime exactly as Forge calls them, at the demo
 * sizes `small` (3,000 worklogs over 3 plans) and `large` (100,000 over 3 plans), and the worst
 * case of the large set linked to one plan (100,000 worklogs in one plan).
 *
 * The aggregates are built first by the sync side's recompute, on the production clients through
 * the local Forge runtime. Jira answers with 50 ms of latency per call, as in the other benchmarks.
 * Per call: Jira calls (the access layer's counters), KVS reads and read units (the emulated KVS's
 * meter, counted as Forge counts them), wall time (median and 95th percentile of
 * 15 calls after 2 warm-ups). Targets: panel ≤ 2 Jira calls and no worklog fetch; both
 * resolvers well inside Forge's 25 s (p95 ≤ 5 s).
 */
import type { Store } from '../src/app/ports/store';
import { fixedClock } from '../src/app/ports/clock';
import { requestRecompute } from '../src/app/sync/request-recompute';
import { generateDemo, type DemoData } from '../src/jira-simulator/demo/generate';
import { demoState } from '../src/jira-simulator/demo/load';
import { DEMO_PLAN_IDS } from '../src/jira-simulator/demo/plans';
import { internalIdOfKey } from '../src/app/scope/plan-scope';
import { DEMO_PROJECT, DEMO_USERS } from '../src/jira-simulator/demo/people';
import { JiraSimulator } from '../src/jira-simulator/simulator';
import type { SurfaceTarget } from '../src/local/forge-context';
import type { LocalForgeRuntime } from '../src/local/forge-runtime/local-forge-runtime';
import type { LocalBackend } from '../src/local/local-backend';
import { localForgeSite } from '../test/support/local-forge-site';
import { markdownTable } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';
import { timeOf, timingCells, TIMING_COLUMNS, type Timing } from './report/timing';

const TODAY = '2026-11-15';
const NOW = Date.parse(`${TODAY}T12:00:00Z`);
const LATENCY_MS = 50;
const WARM_UPS = 2;
const RUNS = 15;
const PANEL_MAX_JIRA_CALLS = 2;
const RESOLVER_LIMIT_MS = 25_000;
const PLAN_ID = DEMO_PLAN_IDS.contract;
const PROJECT = { id: DEMO_PROJECT.id, key: DEMO_PROJECT.key };
const CALLER = { accountId: DEMO_USERS.agentUs.accountId, locale: 'en-US', timezone: 'America/New_York' };

interface Measurement extends Timing {
  readonly scenario: string;
  readonly resolver: string;
  readonly planWorklogs: number;
  readonly jiraCalls: number;
  readonly worklogFetches: number;
  readonly storageReads: number;
  readonly readUnits: number;
}

interface Site {
  readonly backend: LocalBackend;
  readonly store: Store;
  readonly runtime: LocalForgeRuntime;
  readonly simulator: JiraSimulator;
}

async function buildSite(demo: DemoData): Promise<Site> {
  const clock = fixedClock(NOW);
  const simulator = new JiraSimulator({ state: demoState(demo), clock });
  const { runtime, store, queue, backend } = localForgeSite({ clock, simulator });
  const admin = { accountId: DEMO_USERS.admin.accountId };
  for (const plan of demo.plans) {
    const created = await backend.invoker.invokeWithAnyPayload('plans/create', { plan }, admin, { surface: 'projectSettingsPage', project: PROJECT });
    if (!created.ok) throw new Error(created.error.message);
    const internalId = await internalIdOfKey(store, plan.id);
    if (internalId === undefined) throw new Error(`plan ${plan.id} was not stored`);
    await requestRecompute({ store, queue, clock }, internalId);
  }
  await queue.drain();
  return { backend, store, runtime, simulator };
}

async function measure(site: Site, scenario: string, resolver: 'issue/get' | 'usage/gadget', target: SurfaceTarget, planWorklogs: number): Promise<Measurement> {
  const call = async () => {
    const answer = await site.backend.invoker.invoke(resolver, {}, CALLER, target);
    if (!answer.ok) throw new Error(`${resolver}: ${answer.error.message}`);
  };
  for (let run = 0; run < WARM_UPS; run += 1) await call();
  site.simulator.faults.latencyMs = LATENCY_MS;
  site.backend.jira.resetStats();
  site.simulator.resetStats();
  site.runtime.resetKvsUsage();
  const timing = await timeOf(call, RUNS);
  site.simulator.faults.latencyMs = 0;
  const usage = site.runtime.kvsUsage();
  const worklogFetches = Object.entries(site.simulator.stats.byRoute)
    .filter(([route]) => route.includes('worklog'))
    .reduce((sum, [, stats]) => sum + stats.calls, 0);
  return {
    scenario,
    resolver,
    planWorklogs,
    jiraCalls: site.simulator.stats.calls / RUNS,
    worklogFetches: worklogFetches / RUNS,
    storageReads: usage.reads / RUNS,
    readUnits: usage.readUnits / RUNS,
    ...timing,
  };
}

/** The linked issue of the plan with the most worklogs: the panel's heaviest case. */
function busiestIssue(demo: DemoData) {
  const counts = new Map<string, number>();
  for (const worklog of demo.worklogs) counts.set(worklog.issueId, (counts.get(worklog.issueId) ?? 0) + 1);
  const linked = demo.issues.filter((issue) => JSON.stringify(issue.properties['support-plan'] ?? null).includes(`"${PLAN_ID}"`));
  const busiest = linked.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0];
  if (busiest === undefined) throw new Error(`no issue links to ${PLAN_ID}`);
  return busiest;
}

function planWorklogCount(demo: DemoData): number {
  const linked = new Set(demo.issues.filter((issue) => JSON.stringify(issue.properties['support-plan'] ?? null).includes(`"${PLAN_ID}"`)).map((issue) => issue.id));
  return demo.worklogs.filter((worklog) => linked.has(worklog.issueId)).length;
}

function allLinkedToOnePlan(demo: DemoData): DemoData {
  return { ...demo, issues: demo.issues.map((issue) => ({ ...issue, properties: { 'support-plan': { planId: PLAN_ID, billingClass: 'covered' } } })) };
}

async function benchScenario(scenario: string, demo: DemoData): Promise<Measurement[]> {
  const site = await buildSite(demo);
  const issue = busiestIssue(demo);
  const worklogs = planWorklogCount(demo);
  const panel: SurfaceTarget = { surface: 'issuePanel', issue: { id: issue.id, key: issue.key }, project: PROJECT };
  const gadget: SurfaceTarget = { surface: 'dashboardGadget', gadgetConfiguration: { projectKey: PROJECT.key, planId: PLAN_ID } };
  return [await measure(site, scenario, 'issue/get', panel, worklogs), await measure(site, scenario, 'usage/gadget', gadget, worklogs)];
}

function reportTable(rows: readonly Measurement[]): void {
  reportMarkdown(
    `The issue panel (\`issue/get\`) and the dashboard gadget (\`usage/gadget\`), called through the local runtime as Forge calls them, on the production clients (\`KvsStore\`, \`ForgeTransport\`) through the emulated Forge runtime, after the sync side's recompute built the aggregates. Jira answers with ${LATENCY_MS} ms of latency per call. Per call: Jira calls, worklog fetches, KVS read requests and read units (10 KB) as the emulated KVS counts them; median and 95th percentile of ${RUNS} calls after ${WARM_UPS} warm-ups. Demo sets: \`small\` (3,000 worklogs over 3 plans), \`large\` (100,000 over 3 plans), and the large set linked to one plan. The panel is measured on the plan's busiest issue.`,
    markdownTable(
      [
        { title: 'demo set' },
        { title: 'resolver' },
        { title: 'worklogs in the plan', align: 'right' },
        { title: 'Jira calls', align: 'right' },
        { title: 'worklog fetches', align: 'right' },
        { title: 'KVS reads', align: 'right' },
        { title: 'read units', align: 'right' },
        ...TIMING_COLUMNS,
      ],
      rows.map((row) => [
        row.scenario,
        row.resolver === 'issue/get' ? 'issue panel' : 'gadget',
        row.planWorklogs.toLocaleString('en-US'),
        row.jiraCalls.toFixed(0),
        row.worklogFetches.toFixed(0),
        row.storageReads.toFixed(0),
        row.readUnits.toFixed(0),
        ...timingCells(row),
      ]),
    ),
    `Targets: the panel makes at most ${PANEL_MAX_JIRA_CALLS} Jira calls and fetches no worklogs; both resolvers answer well inside Forge's ${RESOLVER_LIMIT_MS / 1000} s (p95 ≤ ${RESOLVER_LIMIT_MS / 5000} s).`,
  );
}

function targetFailures(row: Measurement): string[] {
  const failures: string[] = [];
  if (row.resolver === 'issue/get' && row.jiraCalls > PANEL_MAX_JIRA_CALLS) failures.push(`${row.scenario} panel made ${row.jiraCalls} Jira calls`);
  if (row.resolver === 'issue/get' && row.worklogFetches > 0) failures.push(`${row.scenario} panel fetched worklogs`);
  if (row.p95Ms > RESOLVER_LIMIT_MS / 5) failures.push(`${row.scenario} ${row.resolver} p95 ${row.p95Ms.toFixed(0)} ms is over a fifth of Forge's 25 s`);
  return failures;
}

async function main(): Promise<void> {
  const rows: Measurement[] = [];
  rows.push(...(await benchScenario('small', generateDemo({ seed: 1, size: 'small', today: TODAY }))));
  rows.push(...(await benchScenario('large', generateDemo({ seed: 1, size: 'large', today: TODAY }))));
  rows.push(...(await benchScenario('large, one plan', allLinkedToOnePlan(generateDemo({ seed: 1, size: 'large', today: TODAY })))));
  reportTable(rows);
  const failures = rows.flatMap(targetFailures);
  for (const failure of failures) console.error(`TARGET MISSED: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

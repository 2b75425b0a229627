/**
 * The detailed statement of one period, as the project page reads it (`usage/statement`, then pages of
 * `usage/statementPage`), and closing a period, on the production clients through the local Forge runtime.
 *
 * - On the figures suite's plan site (bench/figures/plan-site.ts: 63 monthly periods) at 10k, 100k and 300k
 *   worklogs with 0, 24 and 60 periods closed (one by one, the plan's refresh run after each close): the current
 *   period's summary and pages, the first open period's and the last closed one's summaries, closing the next
 *   period, the plan-fit advice (`usage/advice`) over the last 12 and 24 complete periods with five candidates, and
 *   the current period's summary replayed over the whole plan (what every statement cost before a
 *   period's own data was stored, and what one still costs while a refresh is pending). Storage reads and read
 *   units (10 KB) as the emulated KVS counts them, the answer's bytes, median and 95th percentile of the server
 *   time. Target: a period's statement costs the same reads and units whatever the number of other (closed)
 *   periods; every answer under 1 MiB.
 * - The demo's `large` set (100,000 worklogs over six months) and its busiest month (21,004 worklog lines): each
 *   kind of page, and a whole export as the CSV download collects it.
 *
 * `STATEMENT_BENCH_SIZES=10000,100000` measures fewer sizes of the plan site.
 */
import { RESOLVER_ANSWER_MAX_BYTES, STATEMENT_PAGE_MAX_ITEMS, type PayloadOf } from '../src/contract';
import { DEMO_USERS } from '../src/jira-simulator/demo/people';
import { collectInvoicedStatement, type PageFetcher } from '../static/project-page/src/statement-pages';
import { caller, LARGE_PLAN_ID, largePlanSite, projectPage, wholeStatement, type LargePlanSite } from '../test/support/large-plan-site';
import { buildPlanSite, closePeriods } from './figures/plan-site';
import { markdownTable } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';
import { timeOf, timingCells, TIMING_COLUMNS, type Timing } from './report/timing';
import { closeCall, currentStatementCalls, eventRefreshCall, replayedStatementCall, updatingStatementCall, type StatementCall } from './statement/period-statements';

const PERIOD = '2026-10';
const SIZES = (process.env.STATEMENT_BENCH_SIZES ?? '10000,100000,300000').split(',').map(Number);
const CLOSED_STEPS = [0, 24, 60] as const;
const SITE_TIMING = { runs: 5, warmUps: 1 };
const REPLAY_TIMING = { runs: 1, warmUps: 0 };
const WARM_UPS = 1;
const RUNS = 5;
const manager = caller(DEMO_USERS.manager);

interface Measurement extends Timing {
  readonly what: string;
  readonly calls: number;
  readonly bytes: number;
  readonly storageReads: number;
  readonly readUnits: number;
}

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** Runs `call` after warm-ups and measures each run: the largest answer's bytes, storage use per run, times. */
async function measure(site: LargePlanSite, what: string, call: () => Promise<{ readonly calls: number; readonly bytes: number }>): Promise<Measurement> {
  for (let run = 0; run < WARM_UPS; run += 1) await call();
  site.runtime.resetKvsUsage();
  let last = { calls: 0, bytes: 0 };
  const timing = await timeOf(async () => {
    last = await call();
  }, RUNS);
  const usage = site.runtime.kvsUsage();
  return { what, ...last, storageReads: usage.reads / RUNS, readUnits: usage.readUnits / RUNS, ...timing };
}

function resolverCall<Name extends 'usage/statement' | 'usage/statementPage'>(site: LargePlanSite, name: Name, payload: PayloadOf<Name>) {
  return async () => {
    const answer = await site.backend.invoker.invoke(name, payload, manager, projectPage);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return { calls: 1, bytes: bytesOf(answer) };
  };
}

/** The whole statement's lines and late adjustments, as the CSV download collects them: the summary, then pages of 2,000. */
function exportCall(site: LargePlanSite) {
  return async () => {
    let calls = 1;
    let bytes = 0;
    const fetchPage: PageFetcher = async (request) => {
      calls += 1;
      const answer = await site.backend.invoker.invoke('usage/statementPage', request, manager, projectPage);
      bytes = Math.max(bytes, bytesOf(answer));
      return answer;
    };
    const summary = await site.backend.invoker.invoke('usage/statement', { planId: LARGE_PLAN_ID, period: PERIOD }, manager, projectPage);
    if (!summary.ok) throw new Error(summary.error.message);
    bytes = Math.max(bytes, bytesOf(summary));
    const whole = await collectInvoicedStatement(summary.data, { planId: LARGE_PLAN_ID, period: PERIOD }, fetchPage);
    if (whole.lines.length !== summary.data.lines.total) throw new Error(`the export has ${whole.lines.length} lines of ${summary.data.lines.total}`);
    return { calls, bytes };
  };
}

async function wholeStatementBytes(site: LargePlanSite): Promise<{ readonly lines: number; readonly bytes: number }> {
  const statement = await wholeStatement(site, PERIOD);
  return { lines: statement.lines.length, bytes: bytesOf({ ok: true, data: statement }) };
}

const mib = (bytes: number): string => `${(bytes / 1_048_576).toFixed(2)} MiB`;
const kib = (bytes: number): string => (bytes >= 1_048_576 ? mib(bytes) : `${(bytes / 1024).toFixed(0)} KiB`);

interface StageRun {
  readonly worklogs: number;
  readonly closed: number;
  readonly calls: readonly StatementCall[];
}

const count = (value: number): string => value.toLocaleString('en-US');

function progress(message: string): void {
  console.log(`[statement] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

/** Every size with 0, 24 and 60 periods closed: the statement calls, the replay, and closing the next period. */
async function planSiteStages(): Promise<StageRun[]> {
  const stages: StageRun[] = [];
  for (const worklogs of SIZES) {
    const site = await buildPlanSite(worklogs);
    progress(`${count(worklogs)} worklogs stored`);
    let closed = 0;
    for (const target of CLOSED_STEPS) {
      // One by one, the refresh after each close run before the next, as closes a month apart are.
      for (; closed < target; closed += 1) await closePeriods(site, closed, closed + 1);
      const calls = [
        ...(await currentStatementCalls(site, closed, SITE_TIMING)),
        await updatingStatementCall(site, SITE_TIMING),
        await replayedStatementCall(site, REPLAY_TIMING),
        await closeCall(site, closed),
        await eventRefreshCall(site),
      ];
      closed += 1;
      stages.push({ worklogs, closed: target, calls });
      progress(`${count(worklogs)} worklogs, ${target} closed: measured`);
    }
  }
  return stages;
}

function stagesTable(stages: readonly StageRun[]): string {
  return markdownTable(
    [
      { title: 'worklogs', align: 'right' },
      { title: 'closed periods', align: 'right' },
      { title: 'call' },
      { title: 'storage reads', align: 'right' },
      { title: 'read units', align: 'right' },
      { title: 'write units', align: 'right' },
      { title: 'answer', align: 'right' },
      ...TIMING_COLUMNS,
    ],
    stages.flatMap((stage) =>
      stage.calls.map((call) => [count(stage.worklogs), String(stage.closed), call.what, String(call.cost.reads), String(call.cost.readUnits), String(call.cost.writeUnits), call.bytes === 0 ? '' : kib(call.bytes), ...timingCells(call.timing)]),
    ),
  );
}

/** A call of each stage, by the start of its description (every stage makes the same calls but the closed-period ones). */
function callOf(stage: StageRun, what: string): StatementCall | undefined {
  return stage.calls.find((call) => call.what.startsWith(what));
}

const CURRENT_SUMMARY = '`usage/statement`, the current period (';
const REPLAYED = '`usage/statement`, the current period, replayed';
const UPDATING = '`usage/statement`, the current period, a refresh pending';
const CLOSING = 'closing ';

/** The current period's summary, the replay and the close, by size and number of closed periods. */
function growthTable(stages: readonly StageRun[]): string {
  const cell = (call: StatementCall | undefined) => (call === undefined ? '' : `${call.cost.reads} / ${count(call.cost.readUnits)} / ${call.timing.medianMs.toFixed(0)} ms`);
  return markdownTable(
    [{ title: 'worklogs', align: 'right' }, { title: 'closed periods', align: 'right' }, { title: 'current period: reads / units / median' }, { title: 'a refresh pending (marked)' }, { title: 'replayed over the plan' }, { title: 'closing the next period' }],
    stages.map((stage) => [count(stage.worklogs), String(stage.closed), cell(callOf(stage, CURRENT_SUMMARY)), cell(callOf(stage, UPDATING)), cell(callOf(stage, REPLAYED)), cell(callOf(stage, CLOSING))]),
  );
}

/** A period's statement must cost the same at every number of closed periods; no answer may reach 1 MiB. */
function stageFailures(stages: readonly StageRun[]): string[] {
  const failures: string[] = [];
  for (const stage of stages) {
    for (const call of stage.calls) if (call.bytes >= RESOLVER_ANSWER_MAX_BYTES) failures.push(`${call.what} answered ${kib(call.bytes)}`);
    const first = stages.find((other) => other.worklogs === stage.worklogs);
    for (const what of [CURRENT_SUMMARY, UPDATING]) {
      const [now, before] = [callOf(stage, what), first && callOf(first, what)];
      if (now !== undefined && before !== undefined && (now.cost.reads > before.cost.reads || now.cost.readUnits > before.cost.readUnits)) {
        failures.push(`at ${count(stage.worklogs)} worklogs and ${stage.closed} closed periods ${now.what} read ${now.cost.reads} / ${now.cost.readUnits} units, ${before.cost.reads} / ${before.cost.readUnits} with none closed`);
      }
    }
  }
  return failures;
}

/** The demo's busiest month: each kind of page, and a whole export. */
async function demoRows(): Promise<{ readonly rows: Measurement[]; readonly lines: number; readonly bytes: number }> {
  const site = await largePlanSite();
  const whole = await wholeStatementBytes(site);
  const ref = { planId: LARGE_PLAN_ID, period: PERIOD };
  const page = (payload: PayloadOf<'usage/statementPage'>) => resolverCall(site, 'usage/statementPage', payload);
  const rows = [
    await measure(site, '`usage/statement`: figures and the first page of each list', resolverCall(site, 'usage/statement', ref)),
    await measure(site, '`usage/statementPage`: 100 more lines ("Show more")', page({ ...ref, list: 'lines', offset: 100 })),
    await measure(site, '`usage/statementPage`: the first 100 lines by billable hours', page({ ...ref, list: 'lines', sort: { key: 'rounded', descending: true } })),
    await measure(site, `\`usage/statementPage\`: ${STATEMENT_PAGE_MAX_ITEMS.toLocaleString('en-US')} lines (an export's page)`, page({ ...ref, list: 'lines', offset: 100, limit: STATEMENT_PAGE_MAX_ITEMS })),
    await measure(site, `\`usage/statementPage\`: the breakdown by issue, ${STATEMENT_PAGE_MAX_ITEMS.toLocaleString('en-US')} rows`, page({ ...ref, list: 'byIssue', limit: STATEMENT_PAGE_MAX_ITEMS })),
    await measure(site, 'the whole statement collected for the CSV (summary, then every page it lacks)', exportCall(site)),
  ];
  return { rows, ...whole };
}

async function main(): Promise<void> {
  const stages = await planSiteStages();
  const demo = await demoRows();
  progress('the demo set measured');
  reportMarkdown(
    `### One period of a plan of 63 monthly periods\n\nThe figures suite's plan site (worklogs spread evenly over 63 monthly periods, about ${count(Math.round((SIZES[SIZES.length - 1] ?? 0) / 63))} a period at ${count(SIZES[SIZES.length - 1] ?? 0)}), with 0, 24 and 60 periods closed one by one (the refresh each close asks for run before the next). With the plan's figures current, a statement is read from its period's own stored data: the period's source (where the ledger's replay resumes) and the ledger's entries of that period, in chunks of at most 128 KiB; a closed period's is its frozen statement. The refresh-pending row asks for a refresh first and does not run it: the statement is then the last refresh's, read the same way and marked updating (decision 0064). The replayed row also drops the period's source (as before the plan's first refresh, or an upgrade): the statement is then replayed over the whole plan and every closed period, as every statement was before. Closing the next period includes writing its frozen statement. The last row is the refresh a worklog event in the current period asks for, which now also writes the period's changed chunks (the last, as work is logged in order) and its source. Called through the local runtime as Forge calls them; per call, after a warm-up: storage reads, read and write units (10 KB), the answer's bytes, median and 95th percentile of ${SITE_TIMING.runs} runs (the replay and the close: one).`,
    stagesTable(stages),
    `#### Growth\n\nReads / read units / median time of the current period's summary, of the same with a refresh pending (marked updating), replayed over the whole plan, and of closing the next period.`,
    growthTable(stages),
    `### The demo's busiest month\n\nThe statement of one period of the demo's \`large\` set linked to one plan (100,000 worklogs over six months): ${PERIOD}, ${demo.lines.toLocaleString('en-US')} worklog lines, whose whole statement is ${mib(demo.bytes)} of JSON, what \`usage/statement\` answered before its lists came in pages (beyond Forge's 5 MB). Bytes of the largest answer, storage reads and read units (10 KB) per call or export, median and 95th percentile of ${RUNS} runs after ${WARM_UPS} warm-up. Every page is cut from the period's statement, which the ledger replays from the period's stored data on each call, so a page costs what the summary costs.`,
    markdownTable(
      [
        { title: 'answer' },
        { title: 'calls', align: 'right' },
        { title: 'largest answer', align: 'right' },
        { title: 'storage reads', align: 'right' },
        { title: 'read units', align: 'right' },
        ...TIMING_COLUMNS,
      ],
      demo.rows.map((row) => [row.what, String(row.calls), kib(row.bytes), row.storageReads.toFixed(0), row.readUnits.toFixed(0), ...timingCells(row)]),
    ),
    `Targets: a period's statement reads the same at 0, 24 and 60 closed periods; every answer under ${mib(RESOLVER_ANSWER_MAX_BYTES)}.`,
  );
  const failures = [...stageFailures(stages), ...demo.rows.filter((row) => row.bytes >= RESOLVER_ANSWER_MAX_BYTES).map((row) => `${row.what} answered ${kib(row.bytes)}`)];
  for (const failure of failures) console.error(`TARGET MISSED: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

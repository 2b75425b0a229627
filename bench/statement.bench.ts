/**
 * The detailed statement of one period of a large plan, as the project page reads it: the demo's `large` set
 * (100,000 worklogs, six months) linked to one plan, and its busiest month, October 2026 (21,004 worklog lines).
 * Per resolver answer: bytes of JSON, storage reads and read units (10 KB), median and 95th percentile of the
 * server time over a few calls after a warm-up. Then a whole export as the page collects it (the summary, then
 * every page of lines it lacks). The whole statement's own size, as `usage/statement` answered it before its lists
 * came in pages, is given for comparison. Target: every answer under 1 MiB.
 */
import { RESOLVER_ANSWER_MAX_BYTES, STATEMENT_PAGE_MAX_ITEMS, type PayloadOf } from '../src/contract';
import { DEMO_USERS } from '../src/jira-simulator/demo/people';
import { collectInvoicedStatement, type PageFetcher } from '../static/project-page/src/statement-pages';
import { caller, LARGE_PLAN_ID, largePlanSite, projectPage, wholeStatement, type LargePlanSite } from '../test/support/large-plan-site';
import { markdownTable } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';
import { timeOf, timingCells, TIMING_COLUMNS, type Timing } from './report/timing';

const PERIOD = '2026-10';
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

async function main(): Promise<void> {
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
  reportMarkdown(
    `The statement of one period of the demo's \`large\` set linked to one plan (100,000 worklogs over six months): ${PERIOD}, ${whole.lines.toLocaleString('en-US')} worklog lines, whose whole statement is ${mib(whole.bytes)} of JSON, what \`usage/statement\` answered before its lists came in pages (beyond Forge's 5 MB). Called through the local runtime as Forge calls them; bytes of the largest answer, storage reads and read units (10 KB) per call or export, median and 95th percentile of ${RUNS} runs after ${WARM_UPS} warm-up. Every page is cut from the statement computed whole, so a page costs what the summary costs.`,
    markdownTable(
      [
        { title: 'answer' },
        { title: 'calls', align: 'right' },
        { title: 'largest answer', align: 'right' },
        { title: 'storage reads', align: 'right' },
        { title: 'read units', align: 'right' },
        ...TIMING_COLUMNS,
      ],
      rows.map((row) => [row.what, String(row.calls), kib(row.bytes), row.storageReads.toFixed(0), row.readUnits.toFixed(0), ...timingCells(row)]),
    ),
    `Target: every answer under ${mib(RESOLVER_ANSWER_MAX_BYTES)}.`,
  );
  const failures = rows.filter((row) => row.bytes >= RESOLVER_ANSWER_MAX_BYTES).map((row) => `${row.what} answered ${kib(row.bytes)}`);
  for (const failure of failures) console.error(`TARGET MISSED: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

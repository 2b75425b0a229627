/**
 * Finding and reading all worklogs of one plan-period over HTTP with 50 ms of simulated
 * latency per call, the access layer's way against the naive way (every linked issue, one
 * worklog call each), at the demo (`small`) and `large` sizes.
 *
 * Minimum calls = search pages needed for the issues with work in the period (100 a page,
 * the most Jira returns with fields) + those issues whose worklog total exceeds the 20 the
 * search embeds. Targets, at the large size: calls ≤ 1.1 × minimum and ≤ 0.1 × naive calls.
 * The small size's ratios are printed too; there one issue is an eighth of the minimum.
 */
import { performance } from 'node:perf_hooks';
import { HttpTransport } from '../src/adapters/jira/http-transport';
import { readIssueWorklogs } from '../src/adapters/jira/issue-worklogs';
import { searchIssueIds } from '../src/adapters/jira/issue-ids';
import { allOf, supportPlanIs } from '../src/app/ports/jql';
import { JiraTestAdapter } from '../test/support/jira-test-adapter';
import { JiraClient } from '../src/adapters/jira/jira-client';
import { PLAN_ISSUES_PAGE_SIZE } from '../src/adapters/jira/plan-issues';
import { SUPPORT_PLAN_PROPERTY_KEY } from '../src/app/ports/jira';
import { generateDemo, type DemoData, type DemoSize } from '../src/jira-simulator/demo/generate';
import { demoState } from '../src/jira-simulator/demo/load';
import { DEMO_PLAN_IDS } from '../src/jira-simulator/demo/plans';
import { DEMO_USERS } from '../src/jira-simulator/demo/people';
import { JiraSimulator } from '../src/jira-simulator/simulator';
import { parseJiraInstant } from '../src/ledger/parse-jira-instant';
import { periodByLabel } from '../src/ledger/period-by-label';
import type { JiraWorklog, Period } from '../src/ledger/types';
import { markdownTable } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';

const LATENCY_MS = 50;
const TODAY = '2026-11-15';
const PERIOD_LABEL = '2026-10';
const PLAN_ID = DEMO_PLAN_IDS.contract;
const EMBEDDED_WORKLOGS = 20;

interface Run {
  readonly calls: number;
  readonly points: number;
  readonly wallMs: number;
  readonly worklogIds: ReadonlySet<string>;
}

interface SizeReport {
  readonly size: DemoSize;
  readonly linkedIssues: number;
  readonly issuesWithWork: number;
  readonly minimumCalls: number;
  readonly ours: Run;
  readonly naive: Run;
}

async function main(): Promise<void> {
  const reports: SizeReport[] = [];
  for (const size of ['small', 'large'] as const) reports.push(await benchSize(size));
  reportTable(reports);
  const failures = reports.flatMap(targetFailures);
  for (const failure of failures) console.error(`TARGET MISSED: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

async function benchSize(size: DemoSize): Promise<SizeReport> {
  const demo = generateDemo({ seed: 1, size, today: TODAY });
  const plan = demo.plans.find((candidate) => candidate.id === PLAN_ID);
  const period = plan && periodByLabel(plan, PERIOD_LABEL);
  if (!period) throw new Error(`the demo has no plan ${PLAN_ID} with a period ${PERIOD_LABEL}`);
  const expected = expectedWork(demo, period);

  const simulator = new JiraSimulator({ state: demoState(demo), clock: { now: () => Date.parse(`${TODAY}T12:00:00Z`) } });
  simulator.faults.latencyMs = LATENCY_MS;
  const server = await simulator.listen({ port: 0, host: '127.0.0.1' });
  try {
    const transport = new HttpTransport({ baseUrl: server.url, email: DEMO_USERS.admin.email, apiToken: DEMO_USERS.admin.apiToken });
    const ours = await measureOurs(new JiraTestAdapter(transport), period);
    const naive = await measureNaive(new JiraClient(transport), period);
    for (const [way, run] of [['access layer', ours], ['naive', naive]] as const) {
      if (!sameIds(run.worklogIds, expected.worklogIds)) {
        throw new Error(`${size}: the ${way} read ${run.worklogIds.size} worklogs, the period has ${expected.worklogIds.size}`);
      }
    }
    return { size, ...expected.counts, ours, naive };
  } finally {
    await server.close();
  }
}

async function measureOurs(adapter: JiraTestAdapter, period: Period): Promise<Run> {
  const started = performance.now();
  const issues = await adapter.findPlanIssues({ planId: PLAN_ID, span: period });
  const wallMs = performance.now() - started;
  const { calls, points } = adapter.stats();
  return { calls, points, wallMs, worklogIds: new Set(issues.flatMap((issue) => issue.worklogs.map((worklog) => worklog.id))) };
}

/** Every linked issue's id, then one worklog read per issue (bounded to the period, like ours). */
async function measureNaive(client: JiraClient, period: Period): Promise<Run> {
  const started = performance.now();
  const issueIds: string[] = [];
  let pageToken: string | null = null;
  do {
    const page = await searchIssueIds(client, allOf(supportPlanIs(PLAN_ID)), pageToken);
    issueIds.push(...page.issueIds);
    pageToken = page.nextPageToken;
  } while (pageToken !== null);
  const worklogs = await Promise.all(issueIds.map((issueId) => readIssueWorklogs(client, issueId, period)));
  const wallMs = performance.now() - started;
  const { calls, points } = client.stats();
  return { calls, points, wallMs, worklogIds: new Set(worklogs.flat().map((worklog) => worklog.id)) };
}

/** What the period holds, read straight from the demo data, and the least calls that can read it. */
function expectedWork(demo: DemoData, period: Period) {
  const linked = new Set(
    demo.issues.filter((issue) => planIdOf(issue.properties[SUPPORT_PLAN_PROPERTY_KEY]) === PLAN_ID).map((issue) => issue.id),
  );
  const worklogsByIssue = new Map<string, Pick<JiraWorklog, 'id' | 'started'>[]>();
  for (const worklog of demo.worklogs) {
    if (!linked.has(worklog.issueId)) continue;
    worklogsByIssue.set(worklog.issueId, [...(worklogsByIssue.get(worklog.issueId) ?? []), worklog]);
  }
  const worklogIds = new Set<string>();
  let issuesWithWork = 0;
  let longIssuesWithWork = 0;
  for (const worklogs of worklogsByIssue.values()) {
    const inPeriod = worklogs.filter(({ id, started }) => {
      const instant = parseJiraInstant(started, `worklog ${id}`);
      return instant >= period.start && instant < period.end;
    });
    if (inPeriod.length === 0) continue;
    issuesWithWork += 1;
    if (worklogs.length > EMBEDDED_WORKLOGS) longIssuesWithWork += 1;
    for (const { id } of inPeriod) worklogIds.add(id);
  }
  const searchPages = Math.max(1, Math.ceil(issuesWithWork / PLAN_ISSUES_PAGE_SIZE));
  return {
    worklogIds,
    counts: { linkedIssues: linked.size, issuesWithWork, minimumCalls: searchPages + longIssuesWithWork },
  };
}

function planIdOf(property: unknown): string | null {
  return typeof property === 'object' && property !== null && 'planId' in property && typeof property.planId === 'string'
    ? property.planId
    : null;
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

function targetFailures(report: SizeReport): string[] {
  if (report.size !== 'large') return [];
  const failures: string[] = [];
  if (report.ours.calls > 1.1 * report.minimumCalls) {
    failures.push(`${report.size}: ${report.ours.calls} calls > 1.1 × the minimum ${report.minimumCalls}`);
  }
  if (report.ours.calls > 0.1 * report.naive.calls) {
    failures.push(`${report.size}: ${report.ours.calls} calls > 0.1 × the naive ${report.naive.calls}`);
  }
  return failures;
}

function reportTable(reports: readonly SizeReport[]): void {
  reportMarkdown(
    `All worklogs of plan \`${PLAN_ID}\` in period ${PERIOD_LABEL}, read over HTTP from the simulator with ${LATENCY_MS} ms latency per call and 4 calls in flight, as the demo admin. "Naive" is every linked issue's id, then one worklog read per issue; both ways return exactly the period's worklogs (checked against the demo data). Minimum calls = search pages for the issues with work in the period (100 a page) + those issues whose worklogs outnumber the ${EMBEDDED_WORKLOGS} the search embeds. Points are Jira's rate-limit cost: 1 a call plus 1 per object returned.`,
    markdownTable(
      [
        { title: 'size' },
        { title: 'linked issues', align: 'right' },
        { title: 'with work in period', align: 'right' },
        { title: 'worklogs in period', align: 'right' },
        { title: 'minimum calls', align: 'right' },
        { title: 'way' },
        { title: 'calls', align: 'right' },
        { title: 'points', align: 'right' },
        { title: 'wall time', align: 'right' },
      ],
      reports.flatMap((report) =>
        ([['access layer', report.ours], ['naive', report.naive]] as const).map(([way, run]) => [
          report.size,
          report.linkedIssues.toLocaleString('en-US'),
          report.issuesWithWork.toLocaleString('en-US'),
          run.worklogIds.size.toLocaleString('en-US'),
          report.minimumCalls.toLocaleString('en-US'),
          way,
          run.calls.toLocaleString('en-US'),
          run.points.toLocaleString('en-US'),
          `${(run.wallMs / 1000).toFixed(2)} s`,
        ]),
      ),
    ),
    reports
      .map((report) => `- ${report.size}: the access layer's calls are ${(report.ours.calls / report.minimumCalls).toFixed(3)} × the minimum and ${(report.ours.calls / report.naive.calls).toFixed(3)} × the naive calls.`)
      .join('\n'),
    'Targets, at the large size: ≤ 1.1 × the minimum and ≤ 0.1 × the naive calls. Call counts repeat run to run; wall times depend on the machine\'s load.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

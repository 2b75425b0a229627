/**
 * Writes the demo inputs under examples/<scenario>/ (plan.json, links.json, worklogs.json, and candidates.json for
 * plan-fit advice where a scenario has candidates).
 * Deterministic: a seeded PRNG, fixed dates, no clock. Run with `npm run examples`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend } from 'date-fns';
import type { CandidatesDocument, IssueLinksDocument, PlanDocument } from '../src/input';
import type { BillingClass } from '../src/ledger';
import { DEMO_CUSTOMERS } from '../src/jira-simulator/demo/customers';
import { seededRandom } from '../src/jira-simulator/prng';

interface Agent {
  readonly accountId: string;
  readonly displayName: string;
  readonly timeZone: string;
}

interface DemoIssue {
  readonly id: string;
  readonly key: string;
  readonly billingClass: BillingClass | 'not-linked';
  /** Relative share of the work logged on this issue. */
  readonly weight: number;
  /** The issue's priority over time, for multiplier rules (the links file's `attributes`). */
  readonly attributes?: NonNullable<IssueLinksDocument[number]['attributes']>;
}

interface Workload {
  /** First local day, inclusive. */
  readonly from: string;
  /** Last local day, exclusive. */
  readonly to: string;
  readonly averageSecondsPerAgentDay: number;
  /** Local hour at which agents start, about (default 8). */
  readonly startHour?: number;
  /** Whether agents work on Saturdays and Sundays too (default: weekdays only). */
  readonly weekends?: boolean;
}

interface Scenario {
  readonly name: string;
  readonly seed: number;
  readonly site: string;
  readonly plan: PlanDocument;
  readonly agents: readonly Agent[];
  readonly issues: readonly DemoIssue[];
  readonly workloads: readonly Workload[];
  /** No work is logged at or after this instant ("today" of the demo). */
  readonly stopAt?: string;
  readonly firstWorklogId: number;
  readonly pages: 'one-page' | 'page-per-issue';
  /** Alternative terms for `support-hours advise`. */
  readonly candidates?: CandidatesDocument;
}

interface JiraUser {
  readonly self: string;
  readonly accountId: string;
  readonly displayName: string;
  readonly active: boolean;
  readonly timeZone: string;
  readonly accountType: string;
}

interface JiraWorklogJson {
  readonly self: string;
  readonly author: JiraUser;
  readonly updateAuthor: JiraUser;
  readonly comment: { readonly type: 'doc'; readonly version: 1; readonly content: readonly unknown[] };
  readonly created: string;
  readonly updated: string;
  readonly started: string;
  readonly timeSpent: string;
  readonly timeSpentSeconds: number;
  readonly id: string;
  readonly issueId: string;
}

interface PageOfWorklogsJson {
  readonly startAt: number;
  readonly maxResults: number;
  readonly total: number;
  readonly worklogs: readonly JiraWorklogJson[];
}

export interface ExampleFiles {
  readonly scenario: string;
  readonly plan: PlanDocument;
  readonly links: IssueLinksDocument;
  readonly worklogs: PageOfWorklogsJson | readonly PageOfWorklogsJson[];
  readonly candidates?: CandidatesDocument;
}

const berlinAgents: readonly Agent[] = [
  { accountId: '712020:0b6f5c4e-1c1d-4f7a-9a55-3f0c2d1e8a01', displayName: 'Mia Krystof', timeZone: 'Europe/Berlin' },
  { accountId: '712020:1d7e6a2b-5c3f-4e8b-8b21-7a9d4c0f2b02', displayName: 'Jonas Weber', timeZone: 'Europe/Berlin' },
  { accountId: '712020:2e8f7b3c-6d4a-4f9c-9c32-8b0e5d1a3c03', displayName: 'Lea Schmidt', timeZone: 'Europe/Berlin' },
  { accountId: '712020:3f9a8c4d-7e5b-4a0d-8d43-9c1f6e2b4d04', displayName: 'Noah Fischer', timeZone: 'Europe/Berlin' },
  { accountId: '712020:4a0b9d5e-8f6c-4b1e-9e54-0d2a7f3c5e05', displayName: 'Emma Wagner', timeZone: 'Europe/Berlin' },
];

const comments = [
  'Investigated the customer report and reproduced it',
  'Call with the customer, next steps agreed',
  'Fixed the configuration and verified with the customer',
  'Reviewed logs, found the root cause',
  'Wrote a workaround and documented it',
  'Followed up by email',
];

function jiraTimestamp(instant: number, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm:ss.SSSxx");
}

function jiraDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return [hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : ''].filter((part) => part !== '').join(' ') || '0m';
}

function pickWeighted<T extends { readonly weight: number }>(items: readonly T[], random: () => number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let point = random() * total;
  for (const item of items) {
    point -= item.weight;
    if (point < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new Error('nothing to pick from');
  return last;
}

interface LoggedWork {
  readonly agent: Agent;
  readonly issue: DemoIssue;
  readonly started: number;
  readonly seconds: number;
  readonly comment: string;
}

function localDay(date: string, timeZone: string): TZDate {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new TZDate(year, month - 1, day, timeZone);
}

/** One working day of one agent: worklogs of 30 min to 3.5 h, back to back with short breaks, from about `startHour`. */
function workOfDay(scenario: Scenario, agent: Agent, day: TZDate, startHour: number, targetSeconds: number, random: () => number): LoggedWork[] {
  const work: LoggedWork[] = [];
  const dayInAgentZone = new TZDate(day.getTime(), agent.timeZone);
  const startOfWork = new TZDate(dayInAgentZone.getFullYear(), dayInAgentZone.getMonth(), dayInAgentZone.getDate(), startHour, 0, agent.timeZone);
  const stopAt = scenario.stopAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(scenario.stopAt);
  let cursor = startOfWork.getTime() + Math.floor(random() * 60) * 60_000;
  let logged = 0;
  while (logged < targetSeconds) {
    const seconds = Math.min(targetSeconds - logged, (30 + Math.floor(random() * 180)) * 60);
    if (cursor + seconds * 1000 > stopAt) break;
    const comment = comments[Math.floor(random() * comments.length)] ?? '';
    work.push({ agent, issue: pickWeighted(scenario.issues, random), started: cursor, seconds, comment });
    logged += seconds;
    cursor += seconds * 1000 + (5 + Math.floor(random() * 40)) * 60_000;
  }
  return work;
}

function logWork(scenario: Scenario, random: () => number): LoggedWork[] {
  const zone = scenario.plan.timeZone;
  const work: LoggedWork[] = [];
  for (const workload of scenario.workloads) {
    const end = localDay(workload.to, zone);
    for (let day = localDay(workload.from, zone); day < end; day = addDays(day, 1)) {
      if (isWeekend(day) && workload.weekends !== true) continue;
      for (const agent of scenario.agents) {
        const target = Math.round((workload.averageSecondsPerAgentDay * (0.6 + random() * 0.8)) / 60) * 60;
        work.push(...workOfDay(scenario, agent, day, workload.startHour ?? 8, target, random));
      }
    }
  }
  return work.sort((a, b) => a.started - b.started);
}

function jiraUser(site: string, agent: Agent): JiraUser {
  return {
    self: `https://${site}.atlassian.net/rest/api/3/user?accountId=${agent.accountId}`,
    accountId: agent.accountId,
    displayName: agent.displayName,
    active: true,
    timeZone: agent.timeZone,
    accountType: 'atlassian',
  };
}

function toJiraWorklog(site: string, work: LoggedWork, id: string): JiraWorklogJson {
  const zone = work.agent.timeZone;
  const loggedAt = jiraTimestamp(work.started + work.seconds * 1000 + 3 * 60_000, zone);
  return {
    self: `https://${site}.atlassian.net/rest/api/3/issue/${work.issue.id}/worklog/${id}`,
    author: jiraUser(site, work.agent),
    updateAuthor: jiraUser(site, work.agent),
    comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: work.comment }] }] },
    created: loggedAt,
    updated: loggedAt,
    started: jiraTimestamp(work.started, zone),
    timeSpent: jiraDuration(work.seconds),
    timeSpentSeconds: work.seconds,
    id,
    issueId: work.issue.id,
  };
}

function page(worklogs: readonly JiraWorklogJson[]): PageOfWorklogsJson {
  return { startAt: 0, maxResults: 5000, total: worklogs.length, worklogs };
}

function generateScenario(scenario: Scenario): ExampleFiles {
  const random = seededRandom(scenario.seed).next;
  const worklogs = logWork(scenario, random).map((work, index) =>
    toJiraWorklog(scenario.site, work, String(scenario.firstWorklogId + index)),
  );
  const links: IssueLinksDocument = scenario.issues.flatMap((issue) =>
    issue.billingClass === 'not-linked'
      ? []
      : [
          {
            issueId: issue.id,
            issueKey: issue.key,
            planId: scenario.plan.id,
            billingClass: issue.billingClass,
            ...(issue.attributes === undefined ? {} : { attributes: issue.attributes }),
          },
        ],
  );
  return {
    scenario: scenario.name,
    plan: scenario.plan,
    links,
    ...(scenario.candidates === undefined ? {} : { candidates: scenario.candidates }),
    worklogs:
      scenario.pages === 'one-page'
        ? page(worklogs)
        : scenario.issues
            .map((issue) => page(worklogs.filter((worklog) => worklog.issueId === issue.id)))
            .filter((issuePage) => issuePage.total > 0),
  };
}

function supportIssues(project: string, firstId: number, classes: readonly (readonly [DemoIssue['billingClass'], number])[]): DemoIssue[] {
  return classes.map(([billingClass, weight], index) => ({
    id: String(firstId + index),
    key: `${project}-${101 + index}`,
    billingClass,
    weight,
  }));
}

const hour = 3600;

/** Acme's terms besides hours and money: the amended example's July version keeps them from April's, and the multipliers example has them. */
const acmeCommonTerms = {
  period: 'month' as const,
  rounding: { incrementSeconds: 900, minimumSeconds: 900 },
  thresholdsPercent: [80, 100],
  extraRateMinor: 14000,
};

const scenarios: readonly Scenario[] = [
  {
    name: 'contract-300h',
    seed: 300,
    site: 'acme-support',
    plan: {
      $schema: '../../schemas/plan.schema.json',
      id: 'acme-300h',
      name: `${DEMO_CUSTOMERS.acme.name}: 300 h a month`,
      kind: 'buckets',
      currency: DEMO_CUSTOMERS.acme.currency,
      timeZone: DEMO_CUSTOMERS.acme.timeZone,
      startDate: '2026-08-01',
      period: 'month',
      rounding: { incrementSeconds: 900, minimumSeconds: 900 },
      thresholdsPercent: [80, 100],
      extraRateMinor: 14000,
      allowance: {
        includedSeconds: 300 * hour,
        fixedFeeMinor: 2400000,
        rollover: { capSeconds: 40 * hour, expiresAfterPeriods: 1 },
      },
      blocks: [],
      overageRateMinor: 9500,
    },
    agents: berlinAgents,
    issues: supportIssues('ACME', 10001, [
      ['covered', 3],
      ['covered', 3],
      ['covered', 2],
      ['covered', 2],
      ['covered', 2],
      ['covered', 1],
      ['covered', 1],
      ['covered', 1],
      ['extra', 1],
      ['non-billable', 0.5],
    ]),
    workloads: [
      { from: '2026-08-01', to: '2026-09-01', averageSecondsPerAgentDay: 2.2 * hour },
      { from: '2026-09-01', to: '2026-10-01', averageSecondsPerAgentDay: 2.1 * hour },
      { from: '2026-10-01', to: '2026-10-21', averageSecondsPerAgentDay: 5.8 * hour },
    ],
    stopAt: '2026-10-20T12:00:00Z',
    firstWorklogId: 300001,
    pages: 'page-per-issue',
  },
  {
    name: 'payg',
    seed: 42,
    site: 'globex',
    plan: {
      $schema: '../../schemas/plan.schema.json',
      id: 'globex-payg',
      name: `${DEMO_CUSTOMERS.globex.name}: pay as you go`,
      kind: 'pay-as-you-go',
      currency: DEMO_CUSTOMERS.globex.currency,
      timeZone: DEMO_CUSTOMERS.globex.timeZone,
      startDate: '2026-03-15',
      period: 'month',
      rounding: { incrementSeconds: 360, minimumSeconds: 900 },
      thresholdsPercent: [],
      extraRateMinor: 16500,
      hourlyRateMinor: 11000,
    },
    agents: berlinAgents.slice(0, 2),
    issues: supportIssues('GLX', 20001, [
      ['covered', 3],
      ['covered', 2],
      ['extra', 1],
      ['not-linked', 0.5],
    ]),
    workloads: [{ from: '2026-09-15', to: '2026-11-15', averageSecondsPerAgentDay: 0.8 * hour }],
    firstWorklogId: 500001,
    pages: 'one-page',
  },
  {
    name: 'mixed',
    seed: 7,
    site: 'initech',
    plan: {
      $schema: '../../schemas/plan.schema.json',
      id: 'initech-mixed',
      name: `${DEMO_CUSTOMERS.initech.name}: 40 h a month, then prepaid hours`,
      kind: 'buckets',
      currency: DEMO_CUSTOMERS.initech.currency,
      timeZone: DEMO_CUSTOMERS.initech.timeZone,
      startDate: '2026-09-01',
      period: 'month',
      rounding: { incrementSeconds: 900, minimumSeconds: 0 },
      thresholdsPercent: [50, 80, 100],
      extraRateMinor: 15000,
      allowance: { includedSeconds: 40 * hour, fixedFeeMinor: 480000 },
      blocks: [
        { id: 'block-2026-09', purchasedOn: '2026-09-01', seconds: 100 * hour, expiresOn: '2027-08-31', priceMinor: 1000000 },
        { id: 'block-2026-10', purchasedOn: '2026-10-15', seconds: 50 * hour, priceMinor: 525000 },
      ],
      overageRateMinor: 13000,
    },
    agents: berlinAgents.slice(1, 4),
    issues: supportIssues('INI', 30001, [
      ['covered', 3],
      ['covered', 2],
      ['covered', 2],
      ['covered', 1],
      ['extra', 1],
      ['extra', 0.5],
      ['non-billable', 0.5],
      ['non-billable', 0.3],
    ]),
    workloads: [
      { from: '2026-09-01', to: '2026-10-01', averageSecondsPerAgentDay: 1.5 * hour },
      { from: '2026-10-01', to: '2026-11-01', averageSecondsPerAgentDay: 2.4 * hour },
    ],
    firstWorklogId: 700001,
    pages: 'page-per-issue',
  },
  {
    name: 'amended',
    seed: 2026,
    site: 'acme-support',
    plan: {
      $schema: '../../schemas/plan.schema.json',
      id: 'acme-amended',
      name: `${DEMO_CUSTOMERS.acme.name}: 20 h a month, 30 h from July`,
      kind: 'buckets',
      currency: DEMO_CUSTOMERS.acme.currency,
      timeZone: DEMO_CUSTOMERS.acme.timeZone,
      startDate: '2026-04-01',
      terms: [
        {
          from: '2026-04',
          ...acmeCommonTerms,
          allowance: { includedSeconds: 20 * hour, fixedFeeMinor: 180000, rollover: { capSeconds: 5 * hour, expiresAfterPeriods: 2 } },
          blocks: [],
          overageRateMinor: 9500,
        },
        {
          from: '2026-07',
          ...acmeCommonTerms,
          allowance: { includedSeconds: 30 * hour, fixedFeeMinor: 255000 },
          blocks: [{ id: 'block-2026-08', purchasedOn: '2026-08-03', seconds: 10 * hour, expiresOn: '2026-12-31', priceMinor: 90000 }],
          overageRateMinor: 9900,
        },
      ],
    },
    agents: berlinAgents.slice(0, 2),
    issues: supportIssues('ACME', 40001, [
      ['covered', 3],
      ['covered', 2],
      ['extra', 0.5],
      ['non-billable', 0.3],
    ]),
    workloads: [
      { from: '2026-04-01', to: '2026-07-01', averageSecondsPerAgentDay: 0.45 * hour },
      { from: '2026-07-01', to: '2026-09-01', averageSecondsPerAgentDay: 0.9 * hour },
    ],
    firstWorklogId: 900001,
    pages: 'one-page',
    candidates: {
      $schema: '../../schemas/candidates.schema.json',
      candidates: [
        { name: '25 h a month', terms: { allowance: { includedSeconds: 25 * hour, fixedFeeMinor: 215000 } } },
        { name: '30 h a month with rollover', terms: { allowance: { includedSeconds: 30 * hour, fixedFeeMinor: 255000, rollover: { capSeconds: 10 * hour, expiresAfterPeriods: 2 } } } },
        { name: 'Blocks of 20 h', terms: { allowance: null, blocks: { topUpSeconds: 20 * hour, priceMinor: 170000 } } },
        { name: 'Pay as you go', terms: { kind: 'pay-as-you-go', hourlyRateMinor: 11000 } },
      ],
    },
  },
];

/** Jira's priority ids: 1 is Highest (a P1 incident), 3 is Medium. */
const HIGHEST = '1';
const MEDIUM = '3';

/** The multipliers example: after hours, weekends, public holidays and P1 incidents count for more. */
const multipliersScenario: Scenario = {
  name: 'multipliers',
  seed: 1515,
  site: 'acme-support',
  plan: {
    $schema: '../../schemas/plan.schema.json',
    id: 'acme-247',
    name: `${DEMO_CUSTOMERS.acme.name}: 60 h a month, around the clock`,
    kind: 'buckets',
    currency: DEMO_CUSTOMERS.acme.currency,
    timeZone: DEMO_CUSTOMERS.acme.timeZone,
    startDate: '2026-10-01',
    ...acmeCommonTerms,
    allowance: { includedSeconds: 60 * hour, fixedFeeMinor: 510000 },
    blocks: [],
    overageRateMinor: 9500,
    multipliers: [
      { name: 'P1 incident', when: { kind: 'priority', values: [HIGHEST] }, factorPermille: 2000, overageRateMinor: 15000 },
      { name: 'Public holiday', when: { kind: 'holidays', dates: ['2026-10-03', '2026-12-25', '2026-12-26'] }, factorPermille: 2000 },
      { name: 'Weekend', when: { kind: 'time-window', days: ['sat', 'sun'], from: '00:00', to: '00:00' }, factorPermille: 1750 },
      { name: 'After hours', when: { kind: 'time-window', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00' }, factorPermille: 1500 },
    ],
  },
  agents: berlinAgents.slice(2, 4),
  issues: [
    { id: '50001', key: 'ACME-201', billingClass: 'covered', weight: 3, attributes: [{ since: '2026-09-28T09:00:00.000+0200', priority: MEDIUM }] },
    {
      id: '50002',
      key: 'ACME-202',
      billingClass: 'covered',
      weight: 2,
      attributes: [
        { since: '2026-09-30T10:00:00.000+0200', priority: MEDIUM },
        { since: '2026-10-14T16:30:00.000+0200', priority: HIGHEST },
      ],
    },
    {
      id: '50003',
      key: 'ACME-203',
      billingClass: 'covered',
      weight: 1,
      attributes: [
        { since: '2026-09-29T08:00:00.000+0200', priority: MEDIUM },
        { since: '2026-10-20T22:15:00.000+0200', priority: HIGHEST },
      ],
    },
    { id: '50004', key: 'ACME-204', billingClass: 'extra', weight: 0.5 },
    { id: '50005', key: 'ACME-205', billingClass: 'non-billable', weight: 0.3 },
  ],
  workloads: [
    { from: '2026-10-01', to: '2026-10-24', averageSecondsPerAgentDay: 2.5 * hour, startHour: 16 },
    // German Unity Day, a Saturday: the holiday (×2) wins over the weekend (×1.75).
    { from: '2026-10-03', to: '2026-10-04', averageSecondsPerAgentDay: 2 * hour, startHour: 10, weekends: true },
    { from: '2026-10-24', to: '2026-11-01', averageSecondsPerAgentDay: 0.6 * hour, startHour: 10, weekends: true },
  ],
  firstWorklogId: 950001,
  pages: 'one-page',
};

export function generateExamples(): ExampleFiles[] {
  return [...scenarios, multipliersScenario].map(generateScenario);
}

export function exampleFileContents(example: ExampleFiles): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = { 'plan.json': json(example.plan), 'links.json': json(example.links), 'worklogs.json': json(example.worklogs) };
  return example.candidates === undefined ? files : { ...files, 'candidates.json': json(example.candidates) };
}

if (require.main === module) {
  for (const example of generateExamples()) {
    const folder = join(__dirname, example.scenario);
    mkdirSync(folder, { recursive: true });
    for (const [file, contents] of Object.entries(exampleFileContents(example))) writeFileSync(join(folder, file), contents);
  }
}

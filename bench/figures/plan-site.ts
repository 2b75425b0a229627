/**
 * One Jira site with one large plan, on the production clients through the local Forge runtime:
 * `KvsStore` over `@forge/kvs` and `ForgeTransport` over `@forge/api`, answered by the emulated KVS
 * (its units counted as Forge counts them, not enforced) and the Jira simulator. The plan's aggregate
 * is written directly with the recompute's chunk writers (test/support/stored-aggregate.ts), as a
 * finished recompute leaves it, instead of being read from Jira; the simulator holds the plan's issues
 * (linked by their property) without their worklogs, so events, the panel and permission checks find
 * what they would on a real site. Unlike test/support/large-plan-site.ts (the demo's six months), the
 * plan's size and history are the bench's to choose, and its clock and queue delays the bench's to run.
 */
import { randomUUID } from 'node:crypto';
import { closePeriod } from '../../src/app/closing/close-period';
import { requestFiguresRefresh } from '../../src/app/figures/request-figures-refresh';
import { createPlan } from '../../src/app/plans/create-plan';
import { internalIdOf } from '../../src/app/plans/plan-repository';
import type { PlanInternalId } from '../../src/app/plans/plan-identity';
import type { PlanIssue } from '../../src/app/ports/jira';
import type { Store } from '../../src/app/ports/store';
import type { SyncDeps } from '../../src/app/sync/sync-deps';
import { advanceWatermark } from '../../src/app/sync/watermark';
import { DEMO_PROJECT, DEMO_USERS } from '../../src/jira-simulator/demo/people';
import type { WorklogEvent } from '../../src/jira-simulator/events';
import { APP_ACCOUNT, emptyState, type SimIssue } from '../../src/jira-simulator/model';
import { JiraSimulator } from '../../src/jira-simulator/simulator';
import type { BillingClass, BucketPlan, JiraWorklog } from '../../src/ledger/types';
import { LocalQueue } from '../../src/local/events/local-queue';
import type { LocalSync } from '../../src/local/events/local-sync';
import type { SurfaceTarget } from '../../src/local/forge-context';
import type { LocalForgeRuntime } from '../../src/local/forge-runtime/local-forge-runtime';
import type { LocalBackend } from '../../src/local/local-backend';
import { localForgeSite } from '../../test/support/local-forge-site';
import { storeAggregate } from '../../test/support/stored-aggregate';
import { adminCall } from '../support/admin-call';
import { BenchClock, ClockGatedQueue } from './clock-gated-queue';

const NOW = Date.parse('2026-11-15T12:00:00Z');
/** 63 monthly periods through November 2026: room for 60 closed ones, each ended more than a day (the closing grace) ago. */
const PLAN_START = '2021-09-01';
export const PLAN_KEY = 'bench-contract';
const TIME_ZONE = 'Europe/Berlin';
const PERIODS = 63;
/** As in the `large` demo set: 100,000 worklogs on 5,000 issues. */
const WORKLOGS_PER_ISSUE = 20;
const DURATIONS_MINUTES = [15, 30, 45, 60, 90, 120] as const;
const AVERAGE_MINUTES = DURATIONS_MINUTES.reduce((sum, minutes) => sum + minutes, 0) / DURATIONS_MINUTES.length;

const PROJECT = { id: DEMO_PROJECT.id, key: DEMO_PROJECT.key };
const ADMIN_CONTEXT = { actor: { accountId: DEMO_USERS.admin.accountId }, project: PROJECT };
export const CALLER = { accountId: DEMO_USERS.agentUs.accountId, locale: 'en-US', timezone: 'America/New_York' };

export interface PlanSite {
  readonly worklogs: number;
  readonly clock: BenchClock;
  readonly queue: ClockGatedQueue;
  readonly runtime: LocalForgeRuntime;
  readonly store: Store;
  readonly backend: LocalBackend;
  readonly sync: LocalSync;
  readonly deps: SyncDeps;
  readonly simulator: JiraSimulator;
  readonly planId: PlanInternalId;
  readonly issues: readonly SimIssue[];
  /** The issue the panel is opened on, and the one single events log work on. */
  readonly panelIssue: SimIssue;
  readonly eventIssue: SimIssue;
  readonly targets: { readonly panel: SurfaceTarget; readonly gadget: SurfaceTarget; readonly projectPage: SurfaceTarget };
  /** Worklog events the simulator emitted and nobody has handled yet (see {@link takeEvents}). */
  readonly pendingEvents: WorklogEvent[];
}

/**
 * Included hours, in whole hours, of this share of the work a month brings (about 630 h at 100,000
 * worklogs): every ended period goes into overage, and the current one, with the work of its first
 * 13 days, crosses the 80 % threshold too, so alert checks find alerts to keep.
 */
const INCLUDED_SHARE_OF_WORK = 0.4;

function contractPlan(worklogs: number): BucketPlan {
  const monthlySeconds = Math.round(((worklogs / PERIODS) * AVERAGE_MINUTES * 60 * INCLUDED_SHARE_OF_WORK) / 3600) * 3600;
  return {
    kind: 'buckets',
    id: PLAN_KEY,
    name: `Bench contract, ${worklogs.toLocaleString('en-US')} worklogs`,
    currency: 'EUR',
    timeZone: TIME_ZONE,
    startDate: PLAN_START,
    period: 'month',
    rounding: { incrementSeconds: 900, minimumSeconds: 900 },
    thresholdsPercent: [80, 100],
    extraRateMinor: 15_000,
    allowance: { includedSeconds: Math.max(3600, monthlySeconds), fixedFeeMinor: 2_400_000, rollover: { capSeconds: Math.max(3600, monthlySeconds / 10), expiresAfterPeriods: 1 } },
    blocks: [],
    overageRateMinor: 12_000,
  };
}

/** One issue in ten is extra work, billed apart from the allowance. */
const billingClassOf = (issueIndex: number): BillingClass => (issueIndex % 10 === 9 ? 'extra' : 'covered');

function issuesOf(worklogs: number): SimIssue[] {
  return Array.from({ length: Math.max(2, Math.ceil(worklogs / WORKLOGS_PER_ISSUE)) }, (_, index) => ({
    id: String(100_000 + index),
    key: `${PROJECT.key}-${index + 1}`,
    projectId: PROJECT.id,
    summary: `Ticket ${index + 1}`,
    issueTypeId: '10001',
    created: Date.parse(PLAN_START),
    updated: NOW,
    properties: { 'support-plan': { planId: PLAN_KEY, billingClass: billingClassOf(index) } },
  }));
}

const jiraInstant = (instant: number): string => `${new Date(instant).toISOString().slice(0, 19)}.000+0000`;

/** `count` worklogs spread evenly from the plan's start to two days ago, round-robin over the issues. */
function planIssues(issues: readonly SimIssue[], count: number): PlanIssue[] {
  const first = Date.parse(`${PLAN_START}T00:00:00Z`);
  const span = NOW - 2 * 86_400_000 - first;
  const worklogs: JiraWorklog[][] = issues.map(() => []);
  for (let index = 0; index < count; index += 1) {
    const issue = issues[index % issues.length];
    if (issue === undefined) continue;
    const minutes = DURATIONS_MINUTES[index % DURATIONS_MINUTES.length] ?? 60;
    const author = index % 3 === 0 ? DEMO_USERS.agentIn : DEMO_USERS.agentUs;
    worklogs[index % issues.length]?.push({
      id: String(10_000_000 + index),
      issueId: issue.id,
      started: jiraInstant(first + Math.floor((index * span) / count)),
      timeSpentSeconds: minutes * 60,
      author: { accountId: author.accountId },
    });
  }
  return issues.map((issue, index) => ({
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    projectId: PROJECT.id,
    projectKey: PROJECT.key,
    link: { issueId: issue.id, planId: PLAN_KEY, billingClass: billingClassOf(index) },
    worklogs: worklogs[index] ?? [],
  }));
}

/**
 * A site with one plan of `worklogs` worklogs over 63 monthly periods, none closed, its figures
 * refreshed (and its alerts checked) once, as a site settles after a recompute.
 */
export async function buildPlanSite(worklogs: number): Promise<PlanSite> {
  const clock = new BenchClock(NOW);
  const issues = issuesOf(worklogs);
  const simulator = new JiraSimulator({ clock, timeZone: TIME_ZONE });
  simulator.load({
    ...emptyState(),
    users: [{ ...APP_ACCOUNT, permissions: {} }, ...Object.values(DEMO_USERS)],
    projects: [DEMO_PROJECT],
    issues,
    nextIssueId: 1_000_000,
    nextWorklogId: 50_000_000,
  });
  const local = new LocalQueue({ mode: 'manual' });
  const queue = new ClockGatedQueue(local, clock);
  const { runtime, store, backend, deps, sync } = localForgeSite({ clock, simulator, queue: local, workQueue: queue });
  const pendingEvents: WorklogEvent[] = [];
  simulator.onEvent((event) => {
    if ('worklog' in event) pendingEvents.push(event);
  });

  const created = await createPlan({ store, clock, queue, newId: randomUUID }, ADMIN_CONTEXT, contractPlan(worklogs));
  if (!created.ok) throw new Error('the bench plan was not stored');
  const planId = internalIdOf(created.data);
  await storeAggregate(store, planId, 1, planIssues(issues, worklogs));
  // Reconciliation has read Jira's changes up to now: every ended period can be closed.
  await advanceWatermark(store, undefined, NOW, NOW);
  await requestFiguresRefresh(deps, planId);
  await queue.settle();

  const [panelIssue, eventIssue] = issues;
  if (panelIssue === undefined || eventIssue === undefined) throw new Error('the bench plan has no issues');
  return {
    worklogs,
    clock,
    queue,
    runtime,
    store,
    backend,
    sync,
    deps,
    simulator,
    planId,
    issues,
    panelIssue,
    eventIssue,
    targets: {
      panel: { surface: 'issuePanel', issue: { id: panelIssue.id, key: panelIssue.key }, project: PROJECT },
      gadget: { surface: 'dashboardGadget', gadgetConfiguration: { projectKey: PROJECT.key, planId: PLAN_KEY } },
      projectPage: { surface: 'projectPage', project: PROJECT },
    },
    pendingEvents,
  };
}

/** The labels of the plan's periods, oldest first: `2021-09` … `2026-11`. */
export function periodLabels(): string[] {
  const [year, month] = PLAN_START.split('-').map(Number);
  return Array.from({ length: PERIODS }, (_, index) => {
    const date = new Date(Date.UTC(year ?? 2021, (month ?? 1) - 1 + index, 1));
    return date.toISOString().slice(0, 7);
  });
}

/** Closes the plan's periods `from` (0-based) up to `to` (exclusive) with the real close, one after the other, then lets the refresh it asks for run. */
export async function closePeriods(site: PlanSite, from: number, to: number): Promise<void> {
  const ports = { store: site.store, clock: site.clock, queue: site.queue, newId: randomUUID };
  for (const label of periodLabels().slice(from, to)) {
    const closed = await closePeriod(ports, ADMIN_CONTEXT, { planId: PLAN_KEY, period: label });
    if (!closed.ok) throw new Error(`closing ${label} was refused: ${JSON.stringify(closed)}`);
  }
  await site.queue.settle();
}

/** Logs `minutes` of work on `issue` through Jira's REST API, started at `started`; the simulator emits its event. */
export async function logWork(site: PlanSite, issue: SimIssue, started: number, minutes: number): Promise<void> {
  await adminCall(site.simulator, 'POST', `/rest/api/3/issue/${issue.id}/worklog`, { timeSpentSeconds: minutes * 60, started: jiraInstant(started) });
  await site.simulator.idle();
}

/** The events emitted since the last call, oldest first. */
export function takeEvents(site: PlanSite): WorklogEvent[] {
  return site.pendingEvents.splice(0, site.pendingEvents.length);
}

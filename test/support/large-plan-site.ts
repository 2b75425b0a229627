/**
 * The demo's largest plan as the app stores it: every issue of the `large` demo (5,000 issues, 100,000 worklogs)
 * linked to the 300 h/month contract, behind the resolvers exactly as Forge calls them, through the local Forge
 * runtime. The aggregate is stored directly from the demo's data, as a finished recompute would have stored it
 * (then its figures are refreshed through the queue, as after a recompute), instead of being read from Jira through
 * the queue (that costs minutes, and the sync suite measures it): what is built here is what reads see.
 */
import { requestFiguresRefresh } from '../../src/app/figures/request-figures-refresh';
import { loadPlan } from '../../src/app/plans/plan-repository';
import { fixedClock } from '../../src/app/ports/clock';
import type { PlanIssue } from '../../src/app/ports/jira';
import type { Store } from '../../src/app/ports/store';
import { internalIdOfKey } from '../../src/app/scope/plan-scope';
import { advanceWatermark } from '../../src/app/sync/watermark';
import { statementFor } from '../../src/app/usage/plan-statements';
import { generateDemo, type DemoData } from '../../src/jira-simulator/demo/generate';
import { demoState } from '../../src/jira-simulator/demo/load';
import { DEMO_PROJECT, DEMO_USERS } from '../../src/jira-simulator/demo/people';
import { DEMO_PLAN_IDS } from '../../src/jira-simulator/demo/plans';
import type { SimIssue, SimWorklog } from '../../src/jira-simulator/model';
import { JiraSimulator } from '../../src/jira-simulator/simulator';
import { periodByLabel } from '../../src/ledger';
import type { Statement } from '../../src/ledger/types';
import type { LocalQueue } from '../../src/local/events/local-queue';
import type { SurfaceTarget } from '../../src/local/forge-context';
import type { LocalForgeRuntime } from '../../src/local/forge-runtime/local-forge-runtime';
import type { LocalBackend } from '../../src/local/local-backend';
import { localForgeSite } from './local-forge-site';
import { storeAggregate } from './stored-aggregate';

/** The demo's day: its six months of work end the day before. */
const LARGE_PLAN_TODAY = '2026-11-15';
const LARGE_PLAN_NOW = Date.parse(`${LARGE_PLAN_TODAY}T12:00:00Z`);
export const LARGE_PLAN_ID = DEMO_PLAN_IDS.contract;

export const LARGE_PLAN_PROJECT = { id: DEMO_PROJECT.id, key: DEMO_PROJECT.key };
export const projectPage: SurfaceTarget = { surface: 'projectPage', project: LARGE_PLAN_PROJECT };
export const projectSettings: SurfaceTarget = { surface: 'projectSettingsPage', project: LARGE_PLAN_PROJECT };
export const caller = (user: { readonly accountId: string }) => ({ accountId: user.accountId, locale: 'en-US', timezone: 'America/New_York' });

export interface LargePlanSite {
  readonly demo: DemoData;
  readonly backend: LocalBackend;
  readonly store: Store;
  /** The local Forge runtime the store and Jira run through, with its count of KVS reads and units. */
  readonly runtime: LocalForgeRuntime;
  readonly queue: LocalQueue;
  readonly simulator: JiraSimulator;
  /** Replaces the plan's stored work with these worklogs of the demo's issues (as a recompute after a change in Jira would). */
  storeWork(worklogs: readonly SimWorklog[]): Promise<void>;
}

function planIssues(demo: DemoData, worklogs: readonly SimWorklog[]): PlanIssue[] {
  const byIssue = new Map<string, SimWorklog[]>();
  for (const worklog of worklogs) {
    const list = byIssue.get(worklog.issueId);
    if (list === undefined) byIssue.set(worklog.issueId, [worklog]);
    else list.push(worklog);
  }
  return demo.issues.map((issue: SimIssue) => ({
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    projectId: issue.projectId,
    projectKey: DEMO_PROJECT.key,
    link: { issueId: issue.id, planId: LARGE_PLAN_ID, billingClass: 'covered' },
    worklogs: (byIssue.get(issue.id) ?? []).map((worklog) => ({
      id: worklog.id,
      issueId: worklog.issueId,
      started: worklog.started,
      timeSpentSeconds: worklog.timeSpentSeconds,
      author: { accountId: worklog.authorAccountId },
      updated: new Date(worklog.updated).toISOString(),
    })),
  }));
}

export interface LargePlanOptions {
  /** The plan's first day (`YYYY-MM-DD`); the demo's own is six months before its day. Work before it is out of the plan. */
  readonly startDate?: string;
  /** Which of the demo's worklogs the site holds, by the worklog and its place in the demo's list (all unless given). */
  readonly keepWorklog?: (worklog: SimWorklog, index: number) => boolean;
}

/** The site, with its plan created by its admin and its work stored; reconciliation caught up to now. */
export async function largePlanSite(options: LargePlanOptions = {}): Promise<LargePlanSite> {
  const generated = generateDemo({ seed: 1, size: 'large', today: LARGE_PLAN_TODAY });
  const demo: DemoData = {
    ...generated,
    issues: generated.issues.map((issue) => ({ ...issue, properties: { 'support-plan': { planId: LARGE_PLAN_ID, billingClass: 'covered' } } })),
    worklogs: options.keepWorklog === undefined ? generated.worklogs : generated.worklogs.filter(options.keepWorklog),
  };
  const clock = fixedClock(LARGE_PLAN_NOW);
  const simulator = new JiraSimulator({ state: demoState(demo), clock });
  const { runtime, store, queue, backend } = localForgeSite({ clock, simulator });
  const demoPlan = demo.plans.find((candidate) => candidate.id === LARGE_PLAN_ID);
  if (demoPlan === undefined) throw new Error(`the demo has no plan ${LARGE_PLAN_ID}`);
  const plan = options.startDate === undefined ? demoPlan : { ...demoPlan, startDate: options.startDate };
  const created = await backend.invoker.invokeWithAnyPayload('plans/create', { plan }, caller(DEMO_USERS.admin), projectSettings);
  if (!created.ok) throw new Error(`the demo plan was not created: ${created.error.message}`);
  const internalId = await internalIdOfKey(store, LARGE_PLAN_ID);
  if (internalId === undefined) throw new Error(`plan ${LARGE_PLAN_ID} was not stored`);
  let generation = 0;
  const storeWork = async (worklogs: readonly SimWorklog[]) => {
    generation += 1;
    await storeAggregate(store, internalId, generation, planIssues(demo, worklogs));
    // What a recompute asks for once it swaps a generation in: the plan's stored figures, computed again.
    await requestFiguresRefresh({ store, queue, clock }, internalId);
    await queue.drain();
  };
  await storeWork(demo.worklogs);
  await advanceWatermark(store, undefined, LARGE_PLAN_NOW, LARGE_PLAN_NOW);
  return { demo, backend, store, runtime, queue, simulator, storeWork };
}

/** The plan's whole statement of `period` (`YYYY-MM`), as `usage/statement` answered it before its lists came in pages. */
export async function wholeStatement(site: LargePlanSite, period: string): Promise<Statement> {
  const stored = await loadPlan(site.store, LARGE_PLAN_ID);
  const found = stored === undefined ? null : periodByLabel(stored.plan, period);
  if (stored === undefined || found === null) throw new Error(`no plan ${LARGE_PLAN_ID} with a period ${period}`);
  return (await statementFor({ store: site.store, clock: fixedClock(LARGE_PLAN_NOW) }, stored, found)).statement;
}

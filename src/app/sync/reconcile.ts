import type { JiraWorklog } from '../../ledger/types';
import { factsOf, worklogIdsOf } from '../aggregates/aggregate-codec';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { refreshFiguresDue } from '../figures/refresh-figures-due';
import { requestFiguresRefresh } from '../figures/request-figures-refresh';
import type { WorklogChange } from '../aggregates/issue-entry';
import { foldLegacyLinkShards } from '../aggregates/issue-links';
import { placeIssue } from '../aggregates/place-issue';
import { ensureHead } from '../aggregates/plan-head';
import type { PlanHead } from '../aggregates/records';
import type { PlanInternalId } from '../plans/plan-identity';
import { removeIssueFromPlan } from '../aggregates/remove-issue';
import { dropPlanAggregates } from '../aggregates/drop-plan-aggregates';
import { resumeStalledPurges } from '../plans/purge-plan';
import { orphanedRecordsOwner, planOfJob } from '../scope/plan-scope';
import type { StoredPlan } from '../../contract';
import { internalIdOf } from '../plans/plan-repository';
import type { LiveGeneration } from './carry-build-events';
import { linkedIssues } from './linked-issues';
import { isAbandoned, requestRecompute } from './request-recompute';
import type { SyncDeps } from './sync-deps';
import { advanceWatermark, readWatermark } from './watermark';

/** The first reconciliation reads this far back; history before it comes from recomputes. */
export const FIRST_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** Jira's change feeds leave out the last minute's changes: a reconciliation catches up to a minute before it started. */
export const CHANGE_FEED_LAG_MS = 60 * 1000;

/**
 * Link shards of earlier releases folded into link records by one reconciliation: about 4,000 links a shard at most,
 * so some 1,300 write units (a third of a minute's budget); all 128 within a day.
 */
export const LEGACY_LINK_SHARDS_PER_RECONCILIATION = 8;

/** `manifest.yml` runs reconciliation every hour. */
export const RECONCILE_INTERVAL_MS = 60 * 60 * 1000;

export interface ReconcileReport {
  readonly since: number;
  readonly until: number;
  readonly plansChecked: number;
  /** Aggregates of plan ids no plan has (made up in an issue property, or a plan deleted), dropped without a Jira call. */
  readonly orphansDropped: number;
  readonly issuesRemoved: number;
  readonly billingClassesFixed: number;
  readonly worklogsDeleted: number;
  readonly worklogsReplayed: number;
  /** Plans a full recompute was started for (issues linked without the app seeing it). */
  readonly recomputesStarted: readonly string[];
  /** Keys of deleted plans whose stalled purge was queued again. */
  readonly purgesResumed: readonly string[];
  /** Link shards of earlier releases moved into link records and deleted. */
  readonly legacyLinkShardsFolded: number;
}

interface PlanRepair {
  readonly issuesRemoved: number;
  readonly billingClassesFixed: number;
  readonly worklogsDeleted: number;
  readonly recomputed: boolean;
}

/**
 * The scheduled repair of whatever events missed. For every plan with aggregates, compares
 * the issues of its project that Jira links to it with the stored ones (issues deleted or re-linked send no worklog
 * events): drops what left, fixes billing classes, and recomputes the plan when issues joined
 * it unseen. Then replays Jira's worklog change feeds from the watermark — deletions and
 * changes alike — and moves the watermark on, noting that the aggregates are caught up to the
 * feeds' horizon when it started. Deletions whose purge stalled are queued again, and a few link shards of
 * earlier releases are folded into link records.
 */
export async function reconcile(deps: SyncDeps): Promise<ReconcileReport> {
  const startedAt = deps.clock.now();
  const stored = await readWatermark(deps.store);
  const since = stored ?? deps.clock.now() - FIRST_LOOKBACK_MS;
  const changed = await deps.jira.worklogsChangedSince(since);
  const deleted = await deps.jira.worklogsDeletedSince(since);
  const deletedIds = new Set(deleted.worklogIds);

  const reader = new AggregateReader(deps.store);
  const planIds: string[] = [];
  const repairs: PlanRepair[] = [];
  const recomputesStarted: string[] = [];
  let orphansDropped = 0;
  for (const planId of await reader.planIds()) {
    const plan = await planOfJob(deps.store, planId);
    if (plan === undefined) {
      if ((await orphanedRecordsOwner(deps.store, planId)) === 'none') {
        await dropPlanAggregates(deps.store, planId);
        orphansDropped += 1;
      }
      continue;
    }
    planIds.push(planId);
    const repair = await repairPlan(deps, plan, deletedIds);
    repairs.push(repair);
    if (repair.recomputed) recomputesStarted.push(planId);
  }
  const worklogsReplayed = await replayChanges(deps, changed.worklogs);
  const purgesResumed = await resumeStalledPurges(deps);
  const legacyLinkShardsFolded = await foldLegacyLinkShards(deps.store, LEGACY_LINK_SHARDS_PER_RECONCILIATION);
  const until = Math.min(changed.until, deleted.until);
  await advanceWatermark(deps.store, stored, until, startedAt - CHANGE_FEED_LAG_MS);
  // A plan whose recompute started here is refreshed at its swap (asked now, the request would read as a change it missed).
  for (const planId of planIds.filter((id) => !recomputesStarted.includes(id))) await requestFiguresRefresh(deps, planId);
  await refreshFiguresDue(deps, new Set(planIds));
  const total = (field: 'issuesRemoved' | 'billingClassesFixed' | 'worklogsDeleted') => repairs.reduce((sum, repair) => sum + repair[field], 0);
  return {
    since,
    until,
    plansChecked: planIds.length,
    orphansDropped,
    issuesRemoved: total('issuesRemoved'),
    billingClassesFixed: total('billingClassesFixed'),
    worklogsDeleted: total('worklogsDeleted'),
    worklogsReplayed,
    recomputesStarted,
    purgesResumed,
    legacyLinkShardsFolded,
  };
}

/**
 * What reconciliation would repair of one plan, right after a full recompute swapped in a generation (`live`, as the
 * swap read it) that changes reached while it was built (`requestRefreshAfterRebuild`): they went to the generation
 * it replaced. Issues linked meanwhile start another recompute (their pages may have been read before they joined),
 * issues that left are dropped and billing classes follow Jira's. Worklog changes meanwhile are carried over by the
 * swap itself (`carryBuildEvents`).
 */
export async function repairAfterRebuild(deps: SyncDeps, plan: StoredPlan, live: LiveGeneration): Promise<void> {
  const repair = await repairPlan(deps, plan, new Set(), live);
  if (repair.issuesRemoved + repair.billingClassesFixed > 0) await requestFiguresRefresh(deps, internalIdOf(plan));
}

/**
 * The plan's aggregates are keyed by its internal id; Jira knows it by its key, in its project. `live`: its live
 * generation, when the caller has just read it.
 */
async function repairPlan(deps: SyncDeps, plan: StoredPlan, deletedIds: ReadonlySet<string>, live?: LiveGeneration): Promise<PlanRepair> {
  const planId = internalIdOf(plan);
  const reader = new AggregateReader(deps.store);
  const head = live?.head ?? (await reader.head(planId));
  const none: PlanRepair = { issuesRemoved: 0, billingClassesFixed: 0, worklogsDeleted: 0, recomputed: false };
  if (head === undefined) return none;
  if (head.building !== undefined) {
    const abandoned = isAbandoned(head.building, deps.clock.now());
    return { ...none, recomputed: abandoned && (await requestRecompute(deps, planId)) };
  }
  const issues = live?.issues ?? (await reader.issues(planId, head.generation));
  const linked = await linkedIssues(deps.jira, { planId: plan.plan.id, projectId: plan.projectId });
  const now = deps.clock.now();
  let issuesRemoved = 0;
  let billingClassesFixed = 0;
  let worklogsDeleted = 0;
  for (const [issueId, entry] of issues) {
    const billingClass = linked.get(issueId);
    linked.delete(issueId);
    if (billingClass === undefined) {
      await removeIssueFromPlan(deps.store, planId, issueId, head);
      issuesRemoved += 1;
      continue;
    }
    const known = factsOf(entry);
    const deletions = worklogIdsOf(entry).filter((worklogId) => deletedIds.has(worklogId));
    if (billingClass === known.billingClass && deletions.length === 0) continue;
    const changes = deletions.map((worklogId): WorklogChange => ({ kind: 'delete', worklogId, deletedAt: now }));
    await placeIssue(deps.store, { issueId, target: { planId, facts: { ...known, billingClass }, head }, changes }, now);
    billingClassesFixed += billingClass === known.billingClass ? 0 : 1;
    worklogsDeleted += deletions.length;
  }
  const recomputed = linked.size > 0 && (await requestRecompute(deps, planId));
  return { issuesRemoved, billingClassesFixed, worklogsDeleted, recomputed };
}

/**
 * Applies changed worklogs of issues the app knows to be linked to a plan that is still there; others belong to no
 * plan. Each plan and its aggregate head are read once, however many of its issues changed.
 */
async function replayChanges(deps: SyncDeps, worklogs: readonly JiraWorklog[]): Promise<number> {
  const reader = new AggregateReader(deps.store);
  const byIssue = new Map<string, JiraWorklog[]>();
  for (const worklog of worklogs) byIssue.set(worklog.issueId, [...(byIssue.get(worklog.issueId) ?? []), worklog]);
  const plans = new Map<string, Promise<{ readonly planId: PlanInternalId; readonly head: PlanHead } | undefined>>();
  const planOf = async (planId: string) => {
    const plan = await planOfJob(deps.store, planId);
    if (plan === undefined) return undefined;
    const internalId = internalIdOf(plan);
    return { planId: internalId, head: await ensureHead(deps.store, internalId) };
  };
  let replayed = 0;
  for (const [issueId, issueWorklogs] of byIssue) {
    const link = await reader.link(issueId);
    if (link === undefined) continue;
    const known = plans.get(link.planId) ?? planOf(link.planId);
    plans.set(link.planId, known);
    const plan = await known;
    if (plan === undefined) continue;
    const facts = { billingClass: link.billingClass, issueKey: link.issueKey ?? '', summary: '' };
    const changes = issueWorklogs.map((worklog): WorklogChange => ({ kind: 'upsert', worklog }));
    const outcome = await placeIssue(deps.store, { issueId, target: { ...plan, facts }, changes }, deps.clock.now());
    replayed += outcome.writes > 0 ? issueWorklogs.length : 0;
  }
  return replayed;
}

import { HttpTransport, JiraAdapter } from '../../src/adapters/jira';
import { MemoryStore } from '../../src/adapters/storage/memory-store';
import { RecordFormatStore } from '../../src/adapters/storage/record-format-store';
import { loadPlanLedgerInput } from '../../src/app/aggregates/load-plan-ledger-input';
import { requestRecompute } from '../../src/app/sync/request-recompute';
import type { SyncDeps } from '../../src/app/sync/sync-deps';
import type { ProductEvent, WorklogEvent } from '../../src/jira-simulator/events';
import { DEFAULT_PRIORITY_ID, REQUEST_TYPE_FIELD_ID, type SimIssue, type SimWorklog } from '../../src/jira-simulator/model';
import type { JiraSimulator } from '../../src/jira-simulator/simulator';
import type { BillingClass, IssueAttributes, IssueLink, JiraWorklog, TimedIssueAttributes } from '../../src/ledger/types';
import { LocalQueue } from '../../src/local/events/local-queue';
import { planKey } from '../../src/app/plans/plan-keys';
import { identityOf } from '../../src/app/plans/plan-repository';
import { toJsonValue } from '../../src/app/plans/to-json-value';
import type { PlanIdentity } from '../../src/app/plans/plan-identity';
import type { Store } from '../../src/app/ports/store';
import { readPlanRecord, type PlanRecordBeforeVersions } from '../../src/app/plans/plan-record';
import { buildPayAsYouGoPlan, buildPlan } from '../../src/ledger/test-builders';
import type { Plan } from '../../src/ledger/types';
import { startLocalSync, type LocalSync } from '../../src/local/events/local-sync';
import { ADMIN, AGENT, APP, SUP, buildIssue, buildState, call, newSimulator, type ManualClock } from '../jira-simulator/site';

/** Jira's feeds leave out the last minute; reconciliation after this long sees everything. */
export const FEED_LAG_MS = 61_000;

/** The simulator, a memory store and the sync side wired as the local runtime wires them. */
export interface SyncSite {
  readonly simulator: JiraSimulator;
  readonly clock: ManualClock;
  /** The store as the app uses it, every record in its format. */
  readonly store: Store;
  /** The bytes underneath, with the usage meter. */
  readonly storage: MemoryStore;
  readonly jira: JiraAdapter;
  readonly queue: LocalQueue;
  readonly deps: SyncDeps;
  readonly sync: LocalSync;
  /** Delivers pending events, then runs every queued job. */
  settle(): Promise<void>;
  /** Advances past Jira's feed lag, reconciles and runs what it queued. */
  reconcile(): Promise<void>;
  recompute(planId: string): Promise<void>;
  logWork(issueId: string, seconds: number, started?: string): Promise<string>;
  editWork(issueId: string, worklogId: string, seconds: number): Promise<void>;
  deleteWork(issueId: string, worklogId: string): Promise<void>;
  link(issueId: string, planId: string | null, billingClass?: BillingClass): Promise<void>;
  deleteIssue(issueId: string): Promise<void>;
  createIssue(summary: string): Promise<string>;
}

/** The `support-plan` property linking an issue to a plan. */
export const linkedTo = (planId: string, billingClass: BillingClass = 'covered') => ({ 'support-plan': { planId, billingClass } });

/** Two issues linked to plan `gold` and one linked to nothing. */
export const GOLD_ISSUES = {
  first: buildIssue(1, { properties: linkedTo('gold') }),
  second: buildIssue(2, { properties: linkedTo('gold') }),
  unlinked: buildIssue(3),
} as const;

/** A site with {@link GOLD_ISSUES}, plan `gold` recomputed so its aggregate exists. */
export async function startGoldSite(): Promise<SyncSite> {
  const site = await startSyncSite(Object.values(GOLD_ISSUES));
  await site.recompute('gold');
  return site;
}

/**
 * How the sync tests' plans are stored: as releases before internal ids and term versions stored them, so their
 * internal id is their key (which keeps those lazy migration paths under test).
 */
export const storedAs = (planId: string): PlanIdentity => identityOf(readPlanRecord(supPlanRecord(buildPlan({ id: planId }))));

/** Stores the plan as SUP's (version 1): a `support-plan` property counts only for a plan of the issue's project. */
export async function storeSupPlan(store: Store, plan: Plan): Promise<void> {
  await store.set(planKey(plan.id), toJsonValue(supPlanRecord(plan)));
}

function supPlanRecord(plan: Plan): PlanRecordBeforeVersions {
  return { plan, projectId: SUP.id, projectKey: SUP.key, status: 'active', version: 1, createdAt: 0, createdBy: ADMIN.accountId, updatedAt: 0, updatedBy: ADMIN.accountId };
}

/** The plans the sync tests link SUP's issues to. */
export const SUP_PLANS: readonly Plan[] = [buildPlan({ id: 'gold', startDate: '2026-09-01' }), buildPayAsYouGoPlan({ id: 'silver', startDate: '2026-09-01' })];

/** A site with the issues and worklogs, and SUP's plans `gold` and `silver` stored. */
export async function startSyncSite(issues: readonly SimIssue[] = [], worklogs: readonly SimWorklog[] = []): Promise<SyncSite> {
  const { simulator, clock } = newSimulator(buildState(issues, worklogs));
  const storage = new MemoryStore({ retryDelayMs: () => 0 });
  const store = new RecordFormatStore(storage);
  for (const plan of SUP_PLANS) await storeSupPlan(store, plan);
  const jira = new JiraAdapter(
    new HttpTransport({ baseUrl: 'http://jira.test', email: APP.email, apiToken: APP.apiToken, fetch: (request) => simulator.handle(request) }),
  );
  const queue = new LocalQueue({ mode: 'manual' });
  const deps: SyncDeps = { jira, store, queue, clock };
  const sync = startLocalSync({ deps, queue, subscribe: (listener) => simulator.onEvent(listener) });

  const expectOk = async (method: string, path: string, body?: unknown, caller = AGENT, alsoFine = 0): Promise<unknown> => {
    clock.advance(1000);
    const answer = await call(simulator, caller, method, path, body);
    if (answer.status >= 300 && answer.status !== alsoFine) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const settle = async () => {
    await simulator.idle();
    await queue.drain();
  };

  return {
    simulator,
    clock,
    store,
    storage,
    jira,
    queue,
    deps,
    sync,
    settle,
    async reconcile() {
      await settle();
      clock.advance(FEED_LAG_MS);
      await sync.handlers.onReconcile();
      await queue.drain();
    },
    async recompute(planId) {
      await requestRecompute(deps, storedAs(planId).internalId);
      await queue.drain();
    },
    async logWork(issueId, seconds, started = '2026-10-05T09:00:00.000+0200') {
      const body = await expectOk('POST', `/rest/api/3/issue/${issueId}/worklog`, { timeSpentSeconds: seconds, started });
      return idOf(body);
    },
    async editWork(issueId, worklogId, seconds) {
      await expectOk('PUT', `/rest/api/3/issue/${issueId}/worklog/${worklogId}`, { timeSpentSeconds: seconds });
    },
    async deleteWork(issueId, worklogId) {
      await expectOk('DELETE', `/rest/api/3/issue/${issueId}/worklog/${worklogId}`);
    },
    async link(issueId, planId, billingClass = 'covered') {
      const path = `/rest/api/3/issue/${issueId}/properties/support-plan`;
      if (planId === null) await expectOk('DELETE', path, undefined, ADMIN, 404);
      else await expectOk('PUT', path, { planId, billingClass }, ADMIN);
    },
    async deleteIssue(issueId) {
      await expectOk('DELETE', `/rest/api/3/issue/${issueId}`, undefined, ADMIN);
    },
    async createIssue(summary) {
      const fields = { project: { id: SUP.id }, issuetype: { id: '10003' }, summary };
      return idOf(await expectOk('POST', '/rest/api/3/issue', { fields }, ADMIN));
    },
  };
}

function idOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string') return body.id;
  throw new Error(`Expected an answer with an id, got ${JSON.stringify(body)}`);
}

/** The ledger's input for the plan read straight from the simulator's state: the truth aggregates must match. */
export function simulatorLedgerInput(simulator: JiraSimulator, planId: string): { links: IssueLink[]; worklogs: JiraWorklog[] } {
  const state = simulator.snapshot();
  const links = state.issues.flatMap((issue): IssueLink[] => {
    const property = issue.properties['support-plan'];
    if (typeof property !== 'object' || property === null || !('planId' in property) || property.planId !== planId) return [];
    const billingClass = 'billingClass' in property && isBillingClass(property.billingClass) ? property.billingClass : 'covered';
    return [{ issueId: issue.id, issueKey: issue.key, planId, billingClass, attributes: attributesOverTime(issue) }];
  });
  const linked = new Set(links.map((link) => link.issueId));
  const worklogs = state.worklogs
    .filter((worklog) => linked.has(worklog.issueId))
    .map((worklog): JiraWorklog => ({
      id: worklog.id,
      issueId: worklog.issueId,
      started: worklog.started,
      timeSpentSeconds: worklog.timeSpentSeconds,
      author: { accountId: worklog.authorAccountId },
    }));
  return { links, worklogs };
}

const ATTRIBUTE_OF_FIELD: Readonly<Record<string, keyof IssueAttributes>> = { priority: 'priority', issuetype: 'issueType', [REQUEST_TYPE_FIELD_ID]: 'requestType' };

/** The issue's priority and types over time, read from its changelog backwards from its values now. */
export function attributesOverTime(issue: SimIssue): TimedIssueAttributes[] {
  const now: Record<string, string | undefined> = { priority: issue.priorityId ?? DEFAULT_PRIORITY_ID, issueType: issue.issueTypeId, requestType: issue.requestTypeId };
  const snapshots: TimedIssueAttributes[] = [];
  const values = { ...now };
  for (const entry of [...(issue.changelog ?? [])].reverse()) {
    const items = entry.items.filter((item) => ATTRIBUTE_OF_FIELD[item.fieldId] !== undefined);
    if (items.length === 0) continue;
    snapshots.unshift(snapshotOf(entry.created, values));
    for (const item of items) values[ATTRIBUTE_OF_FIELD[item.fieldId] ?? ''] = item.from ?? undefined;
  }
  snapshots.unshift(snapshotOf(0, values));
  return snapshots;
}

function snapshotOf(since: number, values: Readonly<Record<string, string | undefined>>): TimedIssueAttributes {
  const { priority, issueType, requestType } = values;
  return { since, ...(priority === undefined ? {} : { priority }), ...(issueType === undefined ? {} : { issueType }), ...(requestType === undefined ? {} : { requestType }) };
}

/**
 * Links without their summaries: display only, and an issue linked from an event before any recompute has
 * none yet, so they are no part of convergence.
 */
export function withoutSummaries(links: readonly IssueLink[]): IssueLink[] {
  return links.map(({ issueSummary: _issueSummary, ...link }) => link);
}

/** The aggregated input in a canonical order, without the `updated` bookkeeping or summaries, for comparison with the truth. */
export async function aggregatedLedgerInput(site: SyncSite, planId: string): Promise<{ links: IssueLink[]; worklogs: JiraWorklog[] }> {
  const input = await loadPlanLedgerInput(site.store, storedAs(planId));
  return {
    links: withoutSummaries(input.links).sort(byId((link) => link.issueId)),
    worklogs: input.worklogs.map(({ updated: _updated, ...worklog }) => worklog).sort(byId((worklog) => worklog.id)),
  };
}

export function sortedTruth(simulator: JiraSimulator, planId: string): { links: IssueLink[]; worklogs: JiraWorklog[] } {
  const truth = simulatorLedgerInput(simulator, planId);
  return { links: truth.links.sort(byId((link) => link.issueId)), worklogs: truth.worklogs.sort(byId((worklog) => worklog.id)) };
}

function byId<T>(idOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => Number(idOf(a)) - Number(idOf(b));
}

function isBillingClass(value: unknown): value is BillingClass {
  return value === 'covered' || value === 'extra' || value === 'non-billable';
}

/** Stops automatic delivery and keeps the events, to hand them over in an order of the test's choosing. */
export function captureEvents(site: SyncSite): ProductEvent[] {
  site.sync.stop();
  const captured: ProductEvent[] = [];
  site.simulator.onEvent((event) => {
    captured.push(event);
  });
  return captured;
}

export function worklogEvents(events: readonly ProductEvent[]): WorklogEvent[] {
  return events.filter((event): event is WorklogEvent => 'worklog' in event);
}

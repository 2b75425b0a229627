/**
 * A small Jira site in the simulator, the local Forge runtime (its KVS in memory), the manual local
 * queue with the sync side's consumer, and the resolvers wired as the local runtime wires them: over
 * `KvsStore` and `ForgeTransport`, the production clients.
 */
import type { PayloadOf } from '../../../src/contract';
import type { JiraClientOptions } from '../../../src/adapters/jira';
import type { KvsStore } from '../../../src/adapters/storage/kvs-store';
import { transactInBatches } from '../../../src/app/aggregates/transact-in-batches';
import { listAll } from '../../../src/app/plans/list-all';
import { fixedClock, type Clock } from '../../../src/app/ports/clock';
import type { Store, StoreEntry } from '../../../src/app/ports/store';
import { APP_ACCOUNT, emptyState, type PermissionKey, type SimIssue, type SimOrganization, type SimUser, type SimWorklog, type SimulatorState } from '../../../src/jira-simulator/model';
import { JiraSimulator } from '../../../src/jira-simulator/simulator';
import { startLocalSync } from '../../../src/local/events/local-sync';
import { LocalQueue } from '../../../src/local/events/local-queue';
import type { SurfaceTarget } from '../../../src/local/forge-context';
import { localForge } from '../../../src/local/forge-runtime/local-forge';
import { LocalForgeRuntime } from '../../../src/local/forge-runtime/local-forge-runtime';
import { createLocalBackend, type LocalBackend } from '../../../src/local/local-backend';

export const NOW = Date.parse('2026-10-20T12:00:00Z');

export const PROJECT = { id: '10000', key: 'SUP' } as const;
export const OTHER_PROJECT = { id: '20000', key: 'OTH' } as const;

const ALL: readonly PermissionKey[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'WORK_ON_ISSUES', 'TRANSITION_ISSUES'];

function user(slug: string, permissions: Readonly<Record<string, readonly PermissionKey[]>>): SimUser {
  return { accountId: `acc-${slug}`, email: `${slug}@example.test`, apiToken: `${slug}-token`, displayName: slug, timeZone: 'UTC', accountType: 'atlassian', permissions };
}

export const USERS = {
  admin: user('admin', { [PROJECT.id]: ALL }),
  agent: user('agent', { [PROJECT.id]: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'WORK_ON_ISSUES', 'TRANSITION_ISSUES'] }),
  manager: user('manager', { [PROJECT.id]: ['BROWSE_PROJECTS'] }),
  /** Administers the other project and cannot see this one. */
  outsider: user('outsider', { [OTHER_PROJECT.id]: ALL }),
  /** Administers this project and may only browse the other one (not edit its issues). */
  browsingAdmin: user('browsing-admin', { [PROJECT.id]: ALL, [OTHER_PROJECT.id]: ['BROWSE_PROJECTS'] }),
  /** Administers this project without Jira's Edit issues permission in it. */
  nonEditingAdmin: user('non-editing-admin', { [PROJECT.id]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'] }),
} as const;

function issue(id: string, key: string, projectId: string): SimIssue {
  return { id, key, projectId, summary: `Issue ${key}`, issueTypeId: '10001', created: NOW - 60 * 86_400_000, updated: NOW, properties: {} };
}

function customer(slug: string): SimUser {
  return { accountId: `cust-${slug}`, email: `${slug}@customer.test`, apiToken: `${slug}-token`, displayName: `Customer ${slug}`, timeZone: 'UTC', accountType: 'customer', permissions: {} };
}

/** The service desk's customers (with {@link FixtureOptions.serviceDesk}): Acme's, Globex's, and one in no organisation. */
export const CUSTOMERS = {
  acme: customer('acme'),
  globex: customer('globex'),
  none: customer('none'),
} as const;


export const ISSUES = {
  sup1: issue('10001', 'SUP-1', PROJECT.id),
  sup2: issue('10002', 'SUP-2', PROJECT.id),
  sup3: issue('10003', 'SUP-3', PROJECT.id),
  oth1: issue('20001', 'OTH-1', OTHER_PROJECT.id),
} as const;

function worklog(id: string, issueId: string, started: string, timeSpentSeconds: number): SimWorklog {
  const at = Date.parse(started);
  return { id, issueId, authorAccountId: USERS.agent.accountId, updateAuthorAccountId: USERS.agent.accountId, started, timeSpentSeconds, created: at, updated: at };
}

/** SUP-1: 2 h and 1.5 h in October; SUP-2: 3 h in September and 7 h in October (Europe/Berlin). */
export const WORKLOGS: readonly SimWorklog[] = [
  worklog('50001', ISSUES.sup1.id, '2026-10-05T09:00:00.000+0200', 2 * 3600),
  worklog('50002', ISSUES.sup1.id, '2026-10-12T14:00:00.000+0200', 5400),
  worklog('50003', ISSUES.sup2.id, '2026-09-20T10:00:00.000+0200', 3 * 3600),
  worklog('50004', ISSUES.sup2.id, '2026-10-14T10:00:00.000+0200', 7 * 3600),
];

/** A valid plan as the settings form sends it; 10 h a month from September 2026 in Berlin. */
type BucketPlanInput = Extract<PayloadOf<'plans/create'>['plan'], { kind: 'buckets' }>;

export function planInput(overrides: Partial<BucketPlanInput> = {}): BucketPlanInput {
  return {
    kind: 'buckets',
    id: 'acme-gold',
    name: 'Acme Gold',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    startDate: '2026-09-01',
    period: 'month',
    rounding: { incrementSeconds: 900, minimumSeconds: 900 },
    thresholdsPercent: [80, 100],
    extraRateMinor: 15_000,
    allowance: { includedSeconds: 10 * 3600, fixedFeeMinor: 100_000 },
    blocks: [],
    overageRateMinor: 12_000,
    ...overrides,
  };
}

export const on = {
  issue: (target: SimIssue): SurfaceTarget => ({
    surface: 'issuePanel',
    issue: { id: target.id, key: target.key },
    project: target.projectId === PROJECT.id ? PROJECT : OTHER_PROJECT,
  }),
  settings: (project: { readonly id: string; readonly key: string } = PROJECT): SurfaceTarget => ({ surface: 'projectSettingsPage', project }),
  projectPage: (project: { readonly id: string; readonly key: string } = PROJECT): SurfaceTarget => ({ surface: 'projectPage', project }),
  gadget: (gadgetConfiguration?: Readonly<Record<string, unknown>>): SurfaceTarget =>
    gadgetConfiguration === undefined ? { surface: 'dashboardGadget' } : { surface: 'dashboardGadget', gadgetConfiguration },
  /** A request in the customer portal of the service desk (with {@link FixtureOptions.serviceDesk}). */
  portalRequest: (request: SimIssue): SurfaceTarget => ({ surface: 'portalRequestPanel', requestKey: request.key, portalId: SERVICE_DESK.id }),
  helpCenter: (): SurfaceTarget => ({ surface: 'portalFooter', page: 'help_center' }),
};

export const as = (who: SimUser) => ({ accountId: who.accountId, locale: 'en-GB', timezone: 'Europe/Berlin' });

export interface BackendFixture extends LocalBackend {
  readonly simulator: JiraSimulator;
  /** The store as the app uses it, every record in its format. */
  readonly store: Store;
  /** `KvsStore` underneath, holding the bytes as Forge's key-value store does (envelopes and all), with its usage meter. */
  readonly storage: KvsStore;
  /** The local Forge runtime the clients reach: its emulated KVS counts units as Forge does. */
  readonly runtime: LocalForgeRuntime;
  readonly queue: LocalQueue;
  /** Runs the hourly reconciliation now (at the fixture's clock) and the jobs it queues. */
  reconcile(): Promise<void>;
  /** Every stored entry and the simulator's whole state, to prove a call changed nothing. */
  snapshot(): Promise<{ readonly store: readonly StoreEntry[]; readonly jira: string }>;
}

export interface FixtureOptions {
  /** More issues in the project, `SUP-100` onwards, summary "Bulk n", without work. */
  readonly extraIssues?: number;
  /** Fixed at {@link NOW} by default. */
  readonly clock?: Clock;
  /** The Jira access layer's options (its pause between retries, say). */
  readonly jiraClient?: JiraClientOptions;
  /** Makes `SUP` a JSM service project with the organisations of {@link ORGANIZATIONS} (the other project stays none). */
  readonly serviceDesk?: boolean;
  /** With {@link serviceDesk}: SUP-1 shared with Acme and SUP-2 with Globex, as requests raised by the agent. */
  readonly sharedRequests?: boolean;
  /** Whether the emulated KVS refuses requests over a minute's 4,000 units (default); usage is counted either way. */
  readonly enforceKvsBudget?: boolean;
  /** Jira as another fixture's `snapshot()` took it, instead of the fixture's own site (`fixtureFrom`). */
  readonly jiraState?: SimulatorState;
}

export type FixtureSnapshot = Awaited<ReturnType<BackendFixture['snapshot']>>;

/** The service desk: its project's id is not its own (as in Jira). */
const SERVICE_DESK = { id: '7', projectId: PROJECT.id } as const;

/** The organisations of `SUP`'s service desk, when the fixture has one; one more exists that is not added to it. */
export const ORGANIZATIONS = { acme: '1', globex: '2', initech: '3', elsewhere: '4' } as const;

/** Acme's and Globex's members are {@link CUSTOMERS}' (the customer in none belongs to none). */
function serviceDeskOf() {
  const desk = SERVICE_DESK;
  const members: Readonly<Record<string, readonly SimUser[]>> = { [ORGANIZATIONS.acme]: [CUSTOMERS.acme], [ORGANIZATIONS.globex]: [CUSTOMERS.globex] };
  const organization = (id: string, name: string, serviceDeskIds: readonly string[]): SimOrganization => ({
    id,
    name,
    created: NOW - 86_400_000,
    memberAccountIds: (members[id] ?? []).map((member) => member.accountId),
    serviceDeskIds,
  });
  return {
    serviceDesks: [desk],
    organizations: [
      organization(ORGANIZATIONS.acme, 'Acme Corp', [desk.id]),
      organization(ORGANIZATIONS.globex, 'Globex', [desk.id]),
      organization(ORGANIZATIONS.initech, 'Initech', [desk.id]),
      organization(ORGANIZATIONS.elsewhere, 'Elsewhere Ltd', []),
    ],
  };
}

/** The issues, SUP-1 and SUP-2 shared with Acme and Globex when {@link FixtureOptions.sharedRequests} asks. */
function siteIssues(options: FixtureOptions): SimIssue[] {
  const issues = [...Object.values(ISSUES), ...extraIssues(options.extraIssues ?? 0)];
  if (options.sharedRequests !== true) return issues;
  const shared: Readonly<Record<string, readonly string[]>> = { [ISSUES.sup1.id]: [ORGANIZATIONS.acme], [ISSUES.sup2.id]: [ORGANIZATIONS.globex] };
  return issues.map((issue) => (shared[issue.id] === undefined ? issue : { ...issue, organizationIds: shared[issue.id], reporterAccountId: USERS.agent.accountId }));
}

function extraIssues(count: number): SimIssue[] {
  return Array.from({ length: count }, (_, index) => ({ ...issue(String(11000 + index), `SUP-${100 + index}`, PROJECT.id), summary: `Bulk ${index}` }));
}

const customersOf = (options: FixtureOptions): SimUser[] => (options.serviceDesk === true ? Object.values(CUSTOMERS) : []);

/** The fixture's own Jira: its users, the two projects, their issues and worklogs, and the service desk when asked for. */
function ownSite(options: FixtureOptions): SimulatorState {
  return {
    ...emptyState(),
    users: [{ ...APP_ACCOUNT, permissions: {} }, ...Object.values(USERS), ...customersOf(options)],
    projects: [{ ...PROJECT, name: 'Support' }, { ...OTHER_PROJECT, name: 'Other' }],
    issues: siteIssues(options),
    worklogs: [...WORKLOGS],
    nextIssueId: 30000,
    nextWorklogId: 60000,
    ...(options.serviceDesk === true ? serviceDeskOf() : {}),
  };
}

/** A fixture that starts where another's `snapshot()` was taken: its Jira and every stored record (built with the same `options`). */
export async function fixtureFrom(snapshot: FixtureSnapshot, options: FixtureOptions = {}): Promise<BackendFixture> {
  const fixture = backendFixture({ ...options, jiraState: JSON.parse(snapshot.jira) as SimulatorState });
  await transactInBatches(fixture.store, snapshot.store.map(({ key, value }) => ({ set: { key, value } })));
  return fixture;
}

export function backendFixture(options: FixtureOptions = {}): BackendFixture {
  const clock = options.clock ?? fixedClock(NOW);
  const simulator = new JiraSimulator({ clock, timeZone: 'Europe/Berlin' });
  simulator.load(options.jiraState ?? ownSite(options));
  const runtime = LocalForgeRuntime.inMemory({ clock, enforceBudget: options.enforceKvsBudget ?? true, jira: { baseUrl: 'http://jira.test', fetch: simulator.fetch, users: [...Object.values(USERS), ...customersOf(options)], app: APP_ACCOUNT } });
  const { store, storage, jira } = localForge(runtime, { storeOptions: { retryDelayMs: () => 0 }, ...(options.jiraClient === undefined ? {} : { jiraClient: options.jiraClient }) });
  const queue = new LocalQueue({ mode: 'manual' });
  const backend = createLocalBackend({ store, clock, queue, jira });
  const sync = startLocalSync({ deps: { jira: backend.jira.app, store, queue, clock }, queue, subscribe: (listener) => simulator.onEvent(listener) });
  return {
    ...backend,
    simulator,
    store,
    storage,
    runtime,
    queue,
    async reconcile() {
      await sync.handlers.onReconcile();
      await queue.drain();
    },
    async snapshot() {
      return { store: await listAll(store, ''), jira: JSON.stringify(simulator.snapshot()) };
    },
  };
}

/**
 * The authorisation matrix: every resolver the contract names × seven roles (four Jira users, two service desk
 * customers, an anonymous portal visitor) × a payload naming
 * the caller's own project's things or another project's. Each cell's expected outcome comes
 * from two small tables below (which guard a resolver uses, and what that guard answers each
 * role); a refusal must write nothing, and another project's id must be answered exactly as an
 * id nothing has.
 */
import { contract, type ErrorCode, type ResolverName } from '../../src/contract';
import type { LocalCaller, SurfaceTarget } from '../../src/local/forge-context';
import { as, backendFixture, CUSTOMERS, fixtureFrom, ISSUES, on, OTHER_PROJECT, planInput, USERS, type BackendFixture, type FixtureOptions, type FixtureSnapshot } from '../backend/support/backend-fixture';
import { countTokenOf, previewThenLink } from './support/bulk-link';

const ROLES = {
  'project admin': as(USERS.admin),
  'agent (browse + edit issues)': as(USERS.agent),
  'read-only (browse only)': as(USERS.manager),
  'outsider (no access to the project)': as(USERS.outsider),
  'customer of the request\'s organisation': as(CUSTOMERS.acme),
  'customer of another organisation': as(CUSTOMERS.globex),
  // Forge calls a portal module for a visitor who is not signed in without an account.
  'anonymous visitor': { locale: 'en-GB' },
} satisfies Record<string, LocalCaller>;
type Role = keyof typeof ROLES;
const roles = Object.keys(ROLES) as Role[];

/** Which guard a resolver passes its caller through. */
type Guard = 'project reader' | 'project admin' | 'issue viewer' | 'issue editor' | 'any signed-in user' | 'gadget project reader' | 'portal request viewer';

type Expected = 'allowed' | ErrorCode;

/** What each guard answers each role, on the project (or its issue) the call comes from. */
/** Roles that are neither licensed in the project nor signed in: refused alike by every project and issue guard. */
const REFUSED_OUTSIDE = (expected: Expected) => ({
  'customer of the request\'s organisation': expected,
  'customer of another organisation': expected,
  // No account: refused before any guard, as Forge would never call with one the app trusts.
  'anonymous visitor': 'FORBIDDEN',
}) as const;

/** What each guard answers each role, on the project (or its issue or request) the call comes from. */
const GUARDS: Readonly<Record<Guard, Readonly<Record<Role, Expected>>>> = {
  'project reader': { 'project admin': 'allowed', 'agent (browse + edit issues)': 'allowed', 'read-only (browse only)': 'allowed', 'outsider (no access to the project)': 'FORBIDDEN', ...REFUSED_OUTSIDE('FORBIDDEN') },
  'project admin': { 'project admin': 'allowed', 'agent (browse + edit issues)': 'FORBIDDEN', 'read-only (browse only)': 'FORBIDDEN', 'outsider (no access to the project)': 'FORBIDDEN', ...REFUSED_OUTSIDE('FORBIDDEN') },
  // Like Jira: an issue the caller cannot browse does not exist for them.
  'issue viewer': { 'project admin': 'allowed', 'agent (browse + edit issues)': 'allowed', 'read-only (browse only)': 'allowed', 'outsider (no access to the project)': 'NOT_FOUND', ...REFUSED_OUTSIDE('NOT_FOUND') },
  'issue editor': { 'project admin': 'allowed', 'agent (browse + edit issues)': 'allowed', 'read-only (browse only)': 'FORBIDDEN', 'outsider (no access to the project)': 'NOT_FOUND', ...REFUSED_OUTSIDE('NOT_FOUND') },
  'any signed-in user': {
    'project admin': 'allowed',
    'agent (browse + edit issues)': 'allowed',
    'read-only (browse only)': 'allowed',
    'outsider (no access to the project)': 'allowed',
    'customer of the request\'s organisation': 'allowed',
    'customer of another organisation': 'allowed',
    'anonymous visitor': 'FORBIDDEN',
  },
  'gadget project reader': { 'project admin': 'allowed', 'agent (browse + edit issues)': 'allowed', 'read-only (browse only)': 'allowed', 'outsider (no access to the project)': 'FORBIDDEN', ...REFUSED_OUTSIDE('FORBIDDEN') },
  // Jira, asked as the caller, decides: the service desk's agents and the customers the request is shared with.
  'portal request viewer': {
    'project admin': 'allowed',
    'agent (browse + edit issues)': 'allowed',
    'read-only (browse only)': 'allowed',
    'outsider (no access to the project)': 'NOT_FOUND',
    'customer of the request\'s organisation': 'allowed',
    'customer of another organisation': 'NOT_FOUND',
    'anonymous visitor': 'FORBIDDEN',
  },
};

/** The ids a payload names: the caller's project's, another project's, or ones nothing has. */
interface Refs {
  readonly plan: string;
  /** A plan whose September 2026 is closed. */
  readonly closedPlan: string;
  readonly job: string;
  readonly jql: string;
  /** The id a new plan asks for. */
  readonly newPlan: string;
  /** What bulk/link sends besides its query and plan: the admin's count token for `BULK_JQL`, if previews hand one out. */
  readonly bulkCount: Readonly<Record<string, string>>;
}

/**
 * What the payload refers to, and so what a caller who passed the guard gets for another
 * project's ids: `plan` and `job` ids are answered as absent; a new plan's id is unique across
 * the site (CONFLICT); JQL is narrowed to the project, so another project's issues match nothing;
 * `none` means the payload names nothing, so there is no foreign variant.
 */
type Names = 'plan' | 'job' | 'new plan id' | 'jql' | 'none';

const FOREIGN_ANSWER: Readonly<Record<Exclude<Names, 'none'>, Expected>> = {
  plan: 'PLAN_NOT_FOUND',
  job: 'NOT_FOUND',
  'new plan id': 'CONFLICT',
  jql: 'allowed',
};

interface Row {
  readonly guard: Guard;
  /** A read: even when allowed it writes nothing (bulk/preview is not one: it stores a count token), so its cells share one site. */
  readonly read?: true;
  readonly names: Names;
  readonly target: (refs: Refs) => SurfaceTarget;
  readonly payload: (refs: Refs) => unknown;
}

const settings = (): SurfaceTarget => on.settings();
const projectPage = (): SurfaceTarget => on.projectPage();
const issuePanel = (): SurfaceTarget => on.issue(ISSUES.sup1);
/** SUP-1, shared with Acme, on the plan shared with Acme's customer. */
const portalRequest = (): SurfaceTarget => on.portalRequest(ISSUES.sup1);
const nothing = (): unknown => ({});
const BULK_JQL = 'key = SUP-3';
const september = (planId: string) => ({ planId, period: '2026-09' });

/** One row per resolver; a resolver added to the contract without a row fails the first test. */
const MATRIX: Readonly<Record<ResolverName, Row>> = {
  'plans/list': { read: true, guard: 'project reader', names: 'none', target: settings, payload: nothing },
  'plans/get': { read: true, guard: 'project reader', names: 'plan', target: settings, payload: (refs) => ({ planId: refs.plan }) },
  'plans/create': { guard: 'project admin', names: 'new plan id', target: settings, payload: (refs) => ({ plan: planInput({ id: refs.newPlan }) }) },
  'plans/update': { guard: 'project admin', names: 'plan', target: settings, payload: (refs) => ({ planId: refs.plan, expectedVersion: 1, plan: planInput({ id: refs.plan, name: 'Renamed' }) }) },
  'plans/setCustomerAccess': {
    guard: 'project admin',
    names: 'plan',
    target: settings,
    payload: (refs) => ({ planId: refs.plan, expectedVersion: 1, customerAccess: { audience: 'organizations', accountIds: [], showAmounts: true, showAgentNames: false } }),
  },
  'plans/setOrganizations': { guard: 'project admin', names: 'plan', target: settings, payload: (refs) => ({ planId: refs.plan, expectedVersion: 1, organizationIds: [] }) },
  'plans/setHardStop': { guard: 'project admin', names: 'plan', target: settings, payload: (refs) => ({ planId: refs.plan, expectedVersion: 1, hardStop: { mode: 'stop', whenUnknown: 'allow' } }) },
  'plans/organizationChoices': { read: true, guard: 'project reader', names: 'none', target: settings, payload: nothing },
  'plans/attributeChoices': { read: true, guard: 'project reader', names: 'none', target: settings, payload: nothing },
  'plans/archive': { guard: 'project admin', names: 'plan', target: settings, payload: (refs) => ({ planId: refs.plan, expectedVersion: 1 }) },
  'plans/delete': { guard: 'project admin', names: 'plan', target: settings, payload: (refs) => ({ planId: refs.plan, expectedVersion: 1 }) },
  'settings/get': { read: true, guard: 'project reader', names: 'none', target: settings, payload: nothing },
  'settings/update': { guard: 'project admin', names: 'plan', target: settings, payload: (refs) => ({ defaultPlanId: refs.plan, expectedVersion: 0 }) },
  'settings/invalidLinks': { read: true, guard: 'project admin', names: 'none', target: settings, payload: nothing },
  'settings/problems': { read: true, guard: 'project admin', names: 'none', target: settings, payload: nothing },
  'settings/clearProblems': { guard: 'project admin', names: 'none', target: settings, payload: () => ({ seenUpTo: 0 }) },
  'issue/get': { read: true, guard: 'issue viewer', names: 'none', target: issuePanel, payload: nothing },
  'issue/plans': { read: true, guard: 'issue editor', names: 'none', target: issuePanel, payload: nothing },
  'issue/setLink': { guard: 'issue editor', names: 'plan', target: issuePanel, payload: (refs) => ({ planId: refs.plan, billingClass: 'extra' }) },
  'issue/clearLink': { guard: 'issue editor', names: 'none', target: issuePanel, payload: nothing },
  'usage/statement': { read: true, guard: 'project reader', names: 'plan', target: projectPage, payload: (refs) => ({ planId: refs.plan }) },
  'usage/statementPage': { read: true, guard: 'project reader', names: 'plan', target: projectPage, payload: (refs) => ({ planId: refs.plan, period: '2026-10', list: 'lines' }) },
  'usage/history': { read: true, guard: 'project reader', names: 'plan', target: projectPage, payload: (refs) => ({ planId: refs.plan, periods: 3 }) },
  'usage/advice': {
    read: true,
    guard: 'project reader',
    names: 'plan',
    target: projectPage,
    payload: (refs) => ({ planId: refs.plan, periods: 2, candidates: [{ name: '20 h', terms: { allowance: { includedSeconds: 72_000, fixedFeeMinor: 0 } } }] }),
  },
  'usage/overview': { read: true, guard: 'project reader', names: 'none', target: projectPage, payload: nothing },
  'usage/gadget': { read: true, guard: 'gadget project reader', names: 'plan', target: (refs) => on.gadget({ projectKey: 'SUP', planId: refs.plan }), payload: nothing },
  'gadget/options': { read: true, guard: 'any signed-in user', names: 'none', target: () => on.gadget(), payload: nothing },
  'bulk/preview': { guard: 'project admin', names: 'jql', target: settings, payload: (refs) => ({ jql: refs.jql }) },
  'bulk/link': { guard: 'project admin', names: 'plan', target: settings, payload: (refs) => ({ jql: BULK_JQL, planId: refs.plan, billingClass: 'covered', ...refs.bulkCount }) },
  'bulk/status': { read: true, guard: 'project admin', names: 'job', target: settings, payload: (refs) => ({ jobId: refs.job }) },
  'closing/list': { read: true, guard: 'project reader', names: 'plan', target: projectPage, payload: (refs) => ({ planId: refs.plan }) },
  'closing/close': { guard: 'project admin', names: 'plan', target: projectPage, payload: (refs) => september(refs.plan) },
  'closing/reopen': { guard: 'project admin', names: 'plan', target: projectPage, payload: (refs) => ({ ...september(refs.closedPlan), reason: 'a late worklog' }) },
  'closing/version': { read: true, guard: 'project reader', names: 'plan', target: projectPage, payload: (refs) => ({ ...september(refs.closedPlan), version: 1 }) },
  'people/names': { read: true, guard: 'project reader', names: 'none', target: projectPage, payload: () => ({ accountIds: [USERS.agent.accountId, USERS.outsider.accountId] }) },
  'portal/request': { read: true, guard: 'portal request viewer', names: 'none', target: portalRequest, payload: nothing },
  'portal/plans': { read: true, guard: 'any signed-in user', names: 'none', target: () => on.helpCenter(), payload: nothing },
};

/** The plan shared in the portal with Acme's customer by name: no portal answer names it to anyone else. */
const SHARED_NAME = 'Acme Closed';
const SHARED_WITH: Role = 'customer of the request\'s organisation';

const FOREIGN_NAME = 'Confidential Customer';
const OWN: Refs = { plan: 'acme-gold', closedPlan: 'acme-closed', job: '', jql: 'key = SUP-1', newPlan: 'acme-new', bulkCount: {} };
const FOREIGN: Refs = { plan: 'other-plan', closedPlan: 'other-plan', job: '', jql: 'project = OTH', newPlan: 'other-plan', bulkCount: {} };
const ABSENT: Refs = { plan: 'ghost-plan', closedPlan: 'ghost-plan', job: 'ghost-job', jql: 'project = OTH', newPlan: 'ghost-plan', bulkCount: {} };

/** A fresh site: two plans in SUP (one with a closed September), one in OTH (closed September), a finished bulk job in each. */
interface Site {
  readonly fixture: BackendFixture;
  readonly own: Refs;
  readonly foreign: Refs;
}

// Hundreds of cells share one site at one frozen instant, each listing every record twice: the minute's KVS budget
// (what calls minutes apart each have) is not what this test checks, so it is counted, not enforced.
const FIXTURE: FixtureOptions = { serviceDesk: true, sharedRequests: true, enforceKvsBudget: false };

async function site(): Promise<Site> {
  const fixture = backendFixture(FIXTURE);
  const admin = as(USERS.admin);
  const outsider = as(USERS.outsider);
  await fixture.reconcile();
  const setup = [
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, admin, on.settings()),
    await fixture.invoker.invoke('plans/create', { plan: planInput({ id: OWN.closedPlan, name: 'Acme Closed' }) }, admin, on.settings()),
    await fixture.invoker.invoke('plans/create', { plan: planInput({ id: FOREIGN.plan, name: FOREIGN_NAME }) }, outsider, on.settings(OTHER_PROJECT)),
    await fixture.invoker.invoke('closing/close', september(OWN.closedPlan), admin, on.projectPage()),
    await fixture.invoker.invoke('closing/close', september(FOREIGN.plan), outsider, on.projectPage(OTHER_PROJECT)),
  ];
  const shared = await fixture.invoker.invoke('plans/get', { planId: OWN.closedPlan }, admin, on.settings());
  const portal = [
    await fixture.invoker.invoke('issue/setLink', { planId: OWN.closedPlan, billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1)),
    await fixture.invoker.invoke(
      'plans/setCustomerAccess',
      { planId: OWN.closedPlan, expectedVersion: shared.ok ? shared.data.plan.version : 0, customerAccess: { audience: 'named-customers', accountIds: [CUSTOMERS.acme.accountId], showAmounts: true, showAgentNames: true } },
      admin,
      on.settings(),
    ),
  ];
  const ownJob = await previewThenLink(fixture, { jql: 'key = SUP-2', planId: OWN.closedPlan }, admin, on.settings());
  const foreignJob = await previewThenLink(fixture, { jql: 'key = OTH-1', planId: FOREIGN.plan }, outsider, on.settings(OTHER_PROJECT));
  await fixture.queue.drain();
  const bulkCount = countTokenOf(await fixture.invoker.invoke('bulk/preview', { jql: BULK_JQL }, admin, on.settings()));
  if (!ownJob.ok || !foreignJob.ok || [...setup, ...portal].some((step) => !step.ok)) throw new Error(`site setup failed: ${JSON.stringify([...setup, ownJob, foreignJob])}`);
  return { fixture, own: { ...OWN, job: ownJob.data.jobId, bulkCount }, foreign: { ...FOREIGN, job: foreignJob.data.jobId, bulkCount } };
}

function expectedFor(row: Row, role: Role, variant: 'own' | 'foreign'): Expected {
  const own = GUARDS[row.guard][role];
  if (variant === 'own' || own !== 'allowed' || row.names === 'none') return own;
  return FOREIGN_ANSWER[row.names];
}

/** The answer with another project's ids written as the absent ones, to compare byte for byte. */
function asIfAbsent(answer: unknown, foreign: Refs): string {
  return [foreign.plan, foreign.job].reduce((json, id) => json.replaceAll(id, id === foreign.job ? ABSENT.job : ABSENT.plan), JSON.stringify(answer));
}

interface Cell {
  readonly resolver: ResolverName;
  readonly role: Role;
  readonly variant: 'own' | 'foreign';
  readonly expected: Expected;
}

const cells: Cell[] = (Object.keys(MATRIX) as ResolverName[]).flatMap((resolver) =>
  roles.flatMap((role) =>
    (MATRIX[resolver].names === 'none' ? (['own'] as const) : (['own', 'foreign'] as const)).map((variant) => ({ resolver, role, variant, expected: expectedFor(MATRIX[resolver], role, variant) })),
  ),
);

describe('the authorisation matrix', () => {
  // Refusals and reads write nothing (each cell proves it), so their cells share one site; an allowed write gets its
  // own, a copy of that site as it was built (Jira and every record), which takes a fraction of building one.
  let shared: Promise<{ readonly site: Site; readonly built: FixtureSnapshot }> | undefined;
  const sharedSite = () =>
    (shared ??= site().then(async (built) => ({ site: built, built: await built.fixture.snapshot() })));
  const siteFor = async (expected: Expected, row: Row): Promise<Site> => {
    const { site: built, built: snapshot } = await sharedSite();
    return expected === 'allowed' && row.read !== true ? { ...built, fixture: await fixtureFrom(snapshot, FIXTURE) } : built;
  };

  it('has a row for every resolver the contract names, and none it does not', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(cells.map((cell) => [cell.resolver, cell.role, cell.variant, cell.expected, cell] as const))(
    '%s as %s with %s-project ids: %s',
    async (_resolver, _role, _variant, _expected, { resolver, role, variant, expected }) => {
      const row = MATRIX[resolver];
      const { fixture, own, foreign } = await siteFor(expected, row);
      const refs = variant === 'own' ? own : foreign;
      const call = (with_: Refs) => fixture.invoker.invokeWithAnyPayload(resolver, row.payload(with_), ROLES[role], row.target(with_));

      const before = await fixture.snapshot();
      const answer = await call(refs);
      await fixture.queue.drain();

      expect(answer.ok ? 'allowed' : answer.error.code).toBe(expected);
      if (role !== 'outsider (no access to the project)') expect(JSON.stringify(answer)).not.toContain(FOREIGN_NAME);
      if (resolver.startsWith('portal/')) expect(JSON.stringify(answer).includes(SHARED_NAME)).toBe(role === SHARED_WITH);
      if (answer.ok && row.read !== true) return;
      expect(await fixture.snapshot()).toStrictEqual(before);
      if (answer.ok) return;
      // A new plan's id is site-unique by design: taken and free cannot answer alike.
      if (variant === 'foreign' && row.names !== 'new plan id') {
        const absent = await call({ ...ABSENT, bulkCount: refs.bulkCount });
        expect(asIfAbsent(answer, foreign)).toBe(JSON.stringify(absent));
        expect(await fixture.snapshot()).toStrictEqual(before);
      }
    },
  );
});

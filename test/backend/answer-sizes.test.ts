/**
 * Every resolver's answer stays under 1 MB (Forge refuses answers over 5 MB), however much work a plan holds. The
 * plan is the demo's largest (5,000 issues) linked to the 300 h/month contract from October 2026, holding a fifth
 * of the demo's work from October on and a fortieth of the work before (out of the plan, only counted): October is
 * closed, then given late changes that November books as late adjustments. That is enough for every list a statement
 * pages through to outgrow the largest page, and for each statement, answered whole as before its lists came in
 * pages, to pass 1 MB: the first tests check both, so the plan can't shrink below what this test needs. (The demo's
 * whole 100,000-worklog plan is measured by `npm run bench -- statement`; building and reading it here cost some 35
 * CPU-seconds a run.) Each resolver is called as its surface calls it, with the payload that makes its answer
 * largest (the most items a page may hold); every answer must be a success, so a refusal can't pass for small.
 */
import { MAX_ADVICE_CANDIDATES, MAX_ADVICE_PERIODS } from '../../src/input/limits';
import { contract, MAX_NAMED_CUSTOMERS, RESOLVER_ANSWER_MAX_BYTES, STATEMENT_PAGE_MAX_ITEMS, type Outcome, type ResolverName } from '../../src/contract';
import { DEMO_PROJECT, DEMO_USERS } from '../../src/jira-simulator/demo/people';
import { MAX_ORGANIZATION_CHOICES } from '../../src/app/plans/organization-choices';
import type { SimWorklog } from '../../src/jira-simulator/model';
import type { SurfaceTarget } from '../../src/local/forge-context';
import type { Statement } from '../../src/ledger/types';
import { caller, LARGE_PLAN_ID, LARGE_PLAN_PROJECT, largePlanSite, projectPage, projectSettings, wholeStatement, type LargePlanSite } from '../support/large-plan-site';

const admin = caller(DEMO_USERS.admin);
const agent = caller(DEMO_USERS.agentUs);
const manager = caller(DEMO_USERS.manager);
/** More than the largest page holds. */
const LATE_CHANGES = STATEMENT_PAGE_MAX_ITEMS + 500;
const OCTOBER = '2026-10';
const NOVEMBER = '2026-11';
/** Of the demo's worklogs, every fifth from October on and every fortieth before (out of the plan, only counted). */
const keepWorklog = (worklog: SimWorklog, index: number) => index % (worklog.started >= OCTOBER ? 5 : 40) === 0;
/** The offset of the page of November's lines read at its largest. */
const LINES_OFFSET = 100;

type Call = (site: LargePlanSite) => Promise<Outcome<unknown>[]>;

/** What a call learns that a later one asks about: the bulk link's job. */
const learned = { bulkJobId: '' };

const busiestIssue = (site: LargePlanSite) => {
  const counts = new Map<string, number>();
  for (const worklog of site.demo.worklogs) counts.set(worklog.issueId, (counts.get(worklog.issueId) ?? 0) + 1);
  const [issue] = [...site.demo.issues].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  if (issue === undefined) throw new Error('the demo has no issues');
  return issue;
};
const issuePanel = (site: LargePlanSite): SurfaceTarget => {
  const issue = busiestIssue(site);
  return { surface: 'issuePanel', issue: { id: issue.id, key: issue.key }, project: LARGE_PLAN_PROJECT };
};
const gadget: SurfaceTarget = { surface: 'dashboardGadget', gadgetConfiguration: { projectKey: DEMO_PROJECT.key, planId: LARGE_PLAN_ID } };
const pages = { limit: STATEMENT_PAGE_MAX_ITEMS } as const;
const smallPlan = (site: LargePlanSite, id: string) => ({ ...site.demo.plans.find((plan) => plan.id !== LARGE_PLAN_ID), id, name: `Small plan ${id}` });

/** October's worklogs again under new ids, as if logged late after October was closed. */
function lateOctoberWork(site: LargePlanSite): SimWorklog[] {
  const october = site.demo.worklogs.filter((worklog) => worklog.started.startsWith(OCTOBER));
  return october.slice(0, LATE_CHANGES).map((worklog, index) => ({ ...worklog, id: String(9_000_000 + index) }));
}

/**
 * The calls, in the order they run (reads, then the close and what it makes large, then the other writes), each
 * giving the answers whose largest counts. A resolver added to the contract without a call fails the first test.
 */
const CALLS: Readonly<Record<ResolverName, Call>> = {
  'plans/list': async (site) => [await site.backend.invoker.invoke('plans/list', { includeArchived: true }, admin, projectSettings)],
  'plans/get': async (site) => [await site.backend.invoker.invoke('plans/get', { planId: LARGE_PLAN_ID }, admin, projectSettings)],
  'settings/get': async (site) => [await site.backend.invoker.invoke('settings/get', {}, admin, projectSettings)],
  'settings/invalidLinks': async (site) => [await site.backend.invoker.invoke('settings/invalidLinks', {}, admin, projectSettings)],
  'settings/problems': async (site) => [await site.backend.invoker.invoke('settings/problems', {}, admin, projectSettings)],
  'gadget/options': async (site) => [await site.backend.invoker.invoke('gadget/options', {}, manager, { surface: 'dashboardGadget', entryPoint: 'edit' })],
  'usage/overview': async (site) => [await site.backend.invoker.invoke('usage/overview', {}, manager, projectPage)],
  'usage/gadget': async (site) => [await site.backend.invoker.invoke('usage/gadget', {}, manager, gadget)],
  'usage/history': async (site) => [await site.backend.invoker.invoke('usage/history', { planId: LARGE_PLAN_ID, periods: 36 }, manager, projectPage)],
  // Every period's charge lines of the most candidates over the most periods: no list that grows with the work.
  'usage/advice': async (site) => {
    const candidates = Array.from({ length: MAX_ADVICE_CANDIDATES }, (_unused, index) => ({ name: `${index + 1} blocks`, terms: { kind: 'buckets' as const, blocks: { topUpSeconds: (index + 1) * 3600, priceMinor: 1000 } } }));
    return [await site.backend.invoker.invoke('usage/advice', { planId: LARGE_PLAN_ID, periods: MAX_ADVICE_PERIODS, candidates }, manager, projectPage)];
  },
  'issue/get': async (site) => [await site.backend.invoker.invoke('issue/get', {}, agent, issuePanel(site))],
  // A plan's figures and names only, whatever the plan's size (test/backend/portal.test.ts shows what they hold).
  'portal/plans': async (site) => [await site.backend.invoker.invoke('portal/plans', {}, manager, { surface: 'portalFooter', page: 'help_center' })],
  'portal/request': async (site) => {
    const request = site.demo.serviceDesk.requests[0];
    if (request === undefined) throw new Error('the demo has no service desk requests');
    return [await site.backend.invoker.invoke('portal/request', {}, agent, { surface: 'portalRequestPanel', requestKey: request.key, portalId: site.demo.serviceDesk.serviceDesk.id })];
  },
  'people/names': async (site) => {
    const accountIds = [...Object.values(DEMO_USERS).map((user) => user.accountId), ...Array.from({ length: 100 }, (_, index) => `former-${index}`)].slice(0, 100);
    return [await site.backend.invoker.invoke('people/names', { accountIds }, manager, projectPage)];
  },
  'issue/plans': async (site) => [await site.backend.invoker.invoke('issue/plans', {}, agent, issuePanel(site))],
  'closing/close': async (site) => [await site.backend.invoker.invoke('closing/close', { planId: LARGE_PLAN_ID, period: OCTOBER }, admin, projectPage)],
  'closing/list': async (site) => [await site.backend.invoker.invoke('closing/list', { planId: LARGE_PLAN_ID }, manager, projectPage)],
  'closing/version': async (site) => [await site.backend.invoker.invoke('closing/version', { planId: LARGE_PLAN_ID, period: OCTOBER, version: 1 }, manager, projectPage)],
  'usage/statement': async (site) => {
    const october = await site.backend.invoker.invoke('usage/statement', { planId: LARGE_PLAN_ID, period: OCTOBER }, manager, projectPage);
    await site.storeWork([...site.demo.worklogs, ...lateOctoberWork(site)]);
    return [october, await site.backend.invoker.invoke('usage/statement', { planId: LARGE_PLAN_ID }, manager, projectPage)];
  },
  'usage/statementPage': async (site) => {
    const page = (payload: Record<string, unknown>) => site.backend.invoker.invokeWithAnyPayload('usage/statementPage', { planId: LARGE_PLAN_ID, ...pages, ...payload }, manager, projectPage);
    // The lists that grow with the work, at the most items a page may hold; the breakdown by person has five rows.
    return [
      await page({ period: NOVEMBER, list: 'lines', offset: LINES_OFFSET, sort: { key: 'rounded', descending: true } }),
      await page({ period: NOVEMBER, list: 'lateAdjustments' }),
      await page({ period: NOVEMBER, list: 'byIssue' }),
      await page({ period: OCTOBER, version: 1, list: 'lines' }),
    ];
  },
  'closing/reopen': async (site) => [await site.backend.invoker.invoke('closing/reopen', { planId: LARGE_PLAN_ID, period: OCTOBER, reason: 'Late work' }, admin, projectPage)],
  'settings/update': async (site) => [await site.backend.invoker.invoke('settings/update', { defaultPlanId: LARGE_PLAN_ID, expectedVersion: 0 }, admin, projectSettings)],
  'settings/clearProblems': async (site) => [await site.backend.invoker.invoke('settings/clearProblems', { seenUpTo: 0 }, admin, projectSettings)],
  'plans/setCustomerAccess': async (site) => {
    const customerAccess = { audience: 'named-customers', accountIds: Array.from({ length: MAX_NAMED_CUSTOMERS }, (_, index) => `customer-${index}`), showAmounts: true, showAgentNames: true } as const;
    const plan = await site.backend.invoker.invoke('plans/get', { planId: LARGE_PLAN_ID }, admin, projectSettings);
    if (!plan.ok) return [plan];
    return [await site.backend.invoker.invoke('plans/setCustomerAccess', { planId: LARGE_PLAN_ID, expectedVersion: plan.data.plan.version, customerAccess }, admin, projectSettings)];
  },
  // Jira's priorities, the project's issue types and request types: lists of Jira's own, a few dozen at most.
  'plans/attributeChoices': async (site) => [await site.backend.invoker.invoke('plans/attributeChoices', {}, admin, projectSettings)],
  'plans/organizationChoices': async (site) => {
    // The most a picker lists, each organisation with a name as long as JSM allows (200 characters).
    const state = site.simulator.snapshot();
    const desk = { id: '900', projectId: DEMO_PROJECT.id };
    const organizations = Array.from({ length: MAX_ORGANIZATION_CHOICES + 1 }, (_, index) => ({
      id: String(900_000_000_000_000 + index),
      name: `${String(index)}-`.padEnd(200, 'x'),
      created: 0,
      memberAccountIds: [],
      serviceDeskIds: [desk.id],
    }));
    site.simulator.load({ ...state, serviceDesks: [...(state.serviceDesks ?? []), desk], organizations: [...(state.organizations ?? []), ...organizations] });
    const answer = await site.backend.invoker.invoke('plans/organizationChoices', {}, admin, projectSettings);
    site.simulator.load(state);
    return [answer];
  },
  'plans/setOrganizations': async (site) => {
    const plan = await site.backend.invoker.invoke('plans/get', { planId: LARGE_PLAN_ID }, admin, projectSettings);
    if (!plan.ok) return [plan];
    return [await site.backend.invoker.invoke('plans/setOrganizations', { planId: LARGE_PLAN_ID, expectedVersion: plan.data.plan.version, organizationIds: [] }, admin, projectSettings)];
  },
  'plans/setHardStop': async (site) => {
    const plan = await site.backend.invoker.invoke('plans/get', { planId: LARGE_PLAN_ID }, admin, projectSettings);
    if (!plan.ok) return [plan];
    return [await site.backend.invoker.invoke('plans/setHardStop', { planId: LARGE_PLAN_ID, expectedVersion: plan.data.plan.version, hardStop: { mode: 'stop', whenUnknown: 'refuse' } }, admin, projectSettings)];
  },
  'plans/create': async (site) => [await site.backend.invoker.invokeWithAnyPayload('plans/create', { plan: smallPlan(site, 'small-a') }, admin, projectSettings)],
  // The panel's answer, as issue/get's (measured above on the largest plan); linked to the small plan, it costs no replay of the large one.
  'issue/setLink': async (site) => [await site.backend.invoker.invoke('issue/setLink', { planId: 'small-a', billingClass: 'extra' }, agent, issuePanel(site))],
  'issue/clearLink': async (site) => [await site.backend.invoker.invoke('issue/clearLink', {}, agent, issuePanel(site))],
  'bulk/preview': async (site) => [await site.backend.invoker.invoke('bulk/preview', { jql: 'project = SUP' }, admin, projectSettings)],
  // A job record of fixed shape, whatever the query matches (bulk/preview above answers for the whole project).
  'bulk/link': async (site) => {
    const jql = 'key = SUP-1';
    const preview = await site.backend.invoker.invoke('bulk/preview', { jql }, admin, projectSettings);
    const countToken = preview.ok && 'countToken' in preview.data ? preview.data.countToken : '';
    const link = await site.backend.invoker.invoke('bulk/link', { jql, planId: LARGE_PLAN_ID, countToken }, admin, projectSettings);
    learned.bulkJobId = link.ok ? link.data.jobId : '';
    return [link];
  },
  'bulk/status': async (site) => [await site.backend.invoker.invoke('bulk/status', { jobId: learned.bulkJobId }, admin, projectSettings)],
  'plans/update': async (site) => [
    await site.backend.invoker.invokeWithAnyPayload('plans/update', { planId: 'small-a', expectedVersion: 1, plan: { ...smallPlan(site, 'small-a'), name: 'Renamed' } }, admin, projectSettings),
  ],
  'plans/archive': async (site) => [await site.backend.invoker.invoke('plans/archive', { planId: 'small-a', expectedVersion: 2 }, admin, projectSettings)],
  'plans/delete': async (site) => {
    await site.backend.invoker.invokeWithAnyPayload('plans/create', { plan: smallPlan(site, 'small-b') }, admin, projectSettings);
    return [await site.backend.invoker.invoke('plans/delete', { planId: 'small-b', expectedVersion: 1 }, admin, projectSettings)];
  },
};

const names = Object.keys(CALLS) as ResolverName[];

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

describe("resolver answers at a plan with a fifth of the demo's largest plan's recent work", () => {
  const answers = new Map<ResolverName, Outcome<unknown>[]>();
  const whole = new Map<string, Statement>();
  beforeAll(async () => {
    const site = await largePlanSite({ startDate: '2026-10-01', keepWorklog });
    for (const name of names) answers.set(name, await CALLS[name](site));
    for (const period of [OCTOBER, NOVEMBER]) whole.set(period, await wholeStatement(site, period));
  }, 600_000);

  it('calls every resolver of the contract', () => {
    expect([...names].sort()).toEqual(Object.keys(contract).sort());
  });

  it('has lists longer than the largest page, and statements too large to answer whole', () => {
    const [october, november] = (answers.get('usage/statement') ?? []).map((answer) => (answer.ok ? contract['usage/statement'].result.parse(answer.data) : undefined));
    const listTotals = (summary: typeof october) => [summary?.lines.total ?? 0, summary?.lateAdjustments.total ?? 0, summary?.outOfPlanCount ?? 0];
    const [octoberLines = 0, octoberAdjustments] = listTotals(october);
    expect([octoberLines > STATEMENT_PAGE_MAX_ITEMS, octoberAdjustments]).toEqual([true, 0]);
    const [novemberLines = 0, novemberAdjustments = 0, outOfPlan = 0] = listTotals(november);
    expect([novemberLines > LINES_OFFSET + STATEMENT_PAGE_MAX_ITEMS, novemberAdjustments >= LATE_CHANGES, outOfPlan > 0]).toEqual([true, true, true]);
    // Either statement whole would pass 1 MB.
    const wholeSizes = [OCTOBER, NOVEMBER].map((period) => bytesOf({ ok: true, data: whole.get(period) }));
    expect(wholeSizes.map((size) => size > RESOLVER_ANSWER_MAX_BYTES)).toEqual([true, true]);
  });

  it('reads the pages of the long lists at their largest: each is full, with more after it', () => {
    const pages = (answers.get('usage/statementPage') ?? []).map((answer) => (answer.ok ? contract['usage/statementPage'].result.parse(answer.data) : undefined));
    const [novemberLines, novemberAdjustments, , octoberLines] = pages;
    expect([novemberLines, novemberAdjustments, octoberLines].map((page) => [page?.list, page?.page.nextOffset !== null])).toEqual([
      ['lines', true],
      ['lateAdjustments', true],
      ['lines', true],
    ]);
  });

  it.each(names)('%s answers with success in under 1 MB', (name) => {
    const outcomes = answers.get(name) ?? [];
    expect(outcomes.length).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expect(outcome.ok ? 'ok' : outcome.error.message).toBe('ok');
      expect(bytesOf(outcome)).toBeLessThan(RESOLVER_ANSWER_MAX_BYTES);
    }
  });
});

/**
 * Hostile text, run through every place it can land: JQL through the bulk resolvers, formula
 * starts through the CLI's CSV, markup through the printable statement, prototype keys through
 * payloads and stored JSON, and oversized or deeply nested payloads. Each must be refused or
 * rendered harmless, and a refusal writes nothing.
 */
import { formatStatementCsv } from '../../src/cli/format-csv';
import { authorNamesOf } from '../../src/cli/statement-view';
import type { ResolverName } from '../../src/contract';
import { buildStatement, type JiraWorklog } from '../../src/ledger';
import { buildLink, buildPlan, buildWorklog, HOUR } from '../../src/ledger/test-builders';
import type { SurfaceTarget } from '../../src/local/forge-context';
import { renderPrintableStatement } from '../../src/statement-print';
import { escapeHtml } from '../../src/statement-print/escape-html';
import { csvRecords } from '../support/csv';
import { call } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, on, OTHER_PROJECT, planInput, PROJECT, USERS, type BackendFixture } from '../backend/support/backend-fixture';
import { previewThenLink } from './support/bulk-link';

const admin = as(USERS.admin);

/** The admin may also browse the other project (but not edit it): what a JQL escape would reach. */
function grantAdminBrowseOnOtherProject(fixture: BackendFixture): void {
  const state = fixture.simulator.snapshot();
  const users = state.users.map((user) =>
    user.accountId === USERS.admin.accountId ? { ...user, permissions: { ...user.permissions, [OTHER_PROJECT.id]: ['BROWSE_PROJECTS' as const] } } : user,
  );
  fixture.simulator.load({ ...state, users });
}

/** Each is meant to reach issues of OTH from SUP's settings page; none matches an issue of SUP. */
const JQL_ESCAPES = [
  'key = NOPE-1) OR (project = OTH',
  'key = NOPE-1) OR project = OTH OR (key = NOPE-2',
  'summary ~ "x") OR (project = OTH',
  "summary ~ 'x') OR (project = OTH",
  'summary ~ "Ünïcødé ☃ \u202E") OR (project = OTH',
  'summary ~ "x\\") OR (project = OTH"',
  'key = NOPE-1) OR (project = OTH) ORDER BY (key',
  'key = NOPE-1 ORDER BY key) OR (project = OTH',
  'key = NOPE-1 ）OR（ project = OTH',
  'key = NOPE-1\u200B) OR (project = OTH',
  'project = OTH',
  'project in (OTH, SUP) AND key = OTH-1',
];

describe('JQL from the settings page', () => {
  it.each(JQL_ESCAPES)('%j counts and links nothing outside the project', async (jql) => {
    const fixture = backendFixture();
    grantAdminBrowseOnOtherProject(fixture);
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, admin, on.settings());
    expect(created.ok).toBe(true);
    const otherIssueBefore = JSON.stringify(fixture.simulator.snapshot().issues.find((issue) => issue.id === ISSUES.oth1.id));

    const preview = await fixture.invoker.invoke('bulk/preview', { jql }, admin, on.settings());
    expect(preview.ok ? preview.data.count : preview.error.code).toEqual(preview.ok ? 0 : 'VALIDATION_FAILED');

    const linked = await previewThenLink(fixture, { jql, planId: 'acme-gold' }, admin, on.settings());
    await fixture.queue.drain();
    const issues = fixture.simulator.snapshot().issues;
    expect(JSON.stringify(issues.find((issue) => issue.id === ISSUES.oth1.id))).toBe(otherIssueBefore);
    expect(issues.filter((issue) => Object.keys(issue.properties).length > 0).map((issue) => issue.key)).toEqual([]);
    if (!linked.ok) expect(linked.error.code).toBe('VALIDATION_FAILED');
  });

  it.each(['acme") OR (project = OTH', "acme' OR 1=1", 'acme-gold ORDER BY key', 'ａｃｍｅ'])('refuses the plan id %j before anything is written', async (planId) => {
    const fixture = backendFixture();
    const before = await fixture.snapshot();
    const answers = [
      await fixture.invoker.invokeWithAnyPayload('bulk/link', { jql: 'key = SUP-1', planId, billingClass: 'covered' }, admin, on.settings()),
      await fixture.invoker.invokeWithAnyPayload('issue/setLink', { planId }, as(USERS.agent), on.issue(ISSUES.sup1)),
      await fixture.invoker.invokeWithAnyPayload('plans/get', { planId }, admin, on.settings()),
    ];
    await fixture.queue.drain();
    expect(answers.map((answer) => (answer.ok ? 'allowed' : answer.error.code))).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED']);
    expect(await fixture.snapshot()).toStrictEqual(before);
  });
});

/** Each starts a formula in some spreadsheet. */
const FORMULA_STARTS = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', '\n=1+1', '\uFEFF=1+1', '\uFEFF@SUM(A1)', '＝1+1', '＋1+1', '－1+1', '＠SUM(A1)', '=HYPERLINK("http://evil.example","x")'];

describe('the CLI statement CSV', () => {
  it.each(FORMULA_STARTS)('shows %j in a summary, a plan name and a display name as text', (hostile) => {
    const plan = buildPlan({ name: hostile, timeZone: 'Europe/Berlin' });
    const links = [buildLink({ issueId: '1', issueKey: 'SUP-1', issueSummary: hostile })];
    const worklogs: JiraWorklog[] = [buildWorklog({ id: '1', issueId: '1', started: '2026-10-05T09:00:00.000+0200', timeSpentSeconds: HOUR, author: { accountId: 'a', displayName: hostile } })];
    const statement = buildStatement({ plan, links, worklogs, period: '2026-10' });
    const row = csvRecords(formatStatementCsv({ statement, plan, authorNames: authorNamesOf(worklogs) })).find((record) => record.record === 'worklog');
    expect([row?.issue_summary, row?.author_name]).toEqual([`'${hostile}`, `'${hostile}`]);
  });
});

/** Markup that would run or load something if it reached the document unescaped. */
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</title><script>alert(1)</script>',
  '<style>@import url(//evil.example)</style>',
  '<meta http-equiv="refresh" content="0;url=//evil.example">',
  '&lt;script&gt;',
  '＜script＞alert(1)＜/script＞',
];

describe('the printable statement', () => {
  it.each(MARKUP)('prints %j in a plan name, a summary, a customer and an author as text', (hostile) => {
    const plan = buildPlan({ name: hostile, timeZone: 'Europe/Berlin' });
    const links = [buildLink({ issueId: '1', issueKey: 'SUP-1', issueSummary: hostile })];
    const worklogs: JiraWorklog[] = [buildWorklog({ id: '1', issueId: '1', started: '2026-10-05T09:00:00.000+0200', timeSpentSeconds: HOUR, author: { accountId: 'a' } })];
    const statement = buildStatement({ plan, links, worklogs, period: '2026-10' });
    const html = renderPrintableStatement({
      statement,
      plan,
      customer: { name: hostile, reference: hostile, addressLines: [hostile] },
      locale: 'en-GB',
      authorNames: new Map([['a', hostile]]),
    });
    expect(html).not.toMatch(/<(script|img|svg|iframe|style>@import|meta http-equiv="refresh")/);
    expect(html.split('<meta http-equiv').length).toBe(2);
    if (/[<>&"']/.test(hostile)) expect(html).not.toContain(hostile);
    expect(html.split(escapeHtml(hostile)).length - 1).toBeGreaterThanOrEqual(5);
  });
});

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

function polluted(): boolean {
  return ['polluted', 'isAdmin'].some((key) => key in {});
}

describe('prototype keys', () => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = backendFixture();
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, admin, on.settings());
    expect(created.ok).toBe(true);
    // The new plan's figures are refreshed through the queue: settle it, so each case starts from rest.
    await fixture.queue.drain();
  });
  afterEach(() => {
    expect(polluted()).toBe(false);
  });

  const inPayloads: readonly (readonly [string, ResolverName, (key: string) => string, SurfaceTarget])[] = [
    ['at the top of a payload', 'plans/list', (key) => `{"${key}":{"isAdmin":true}}`, on.settings()],
    ['in a plan', 'plans/create', (key) => JSON.stringify({ plan: planInput({ id: 'acme-new' }) }).replace('"kind"', `"${key}":{"polluted":true},"kind"`), on.settings()],
    ['in a plan\'s allowance', 'plans/create', (key) => JSON.stringify({ plan: planInput({ id: 'acme-new' }) }).replace('"includedSeconds"', `"${key}":{"polluted":true},"includedSeconds"`), on.settings()],
    ['in an issue link', 'issue/setLink', (key) => `{"planId":"acme-gold","${key}":{"billingClass":"extra","polluted":true}}`, on.issue(ISSUES.sup1)],
    ['in a settings change', 'settings/update', (key) => `{"defaultPlanId":"acme-gold","expectedVersion":0,"${key}":{"polluted":true}}`, on.settings()],
  ];

  it.each(PROTOTYPE_KEYS.flatMap((key) => inPayloads.map(([where, name, json, target]) => [key, where, name, json(key), target] as const)))(
    'refuses %j %s (%s) with VALIDATION_FAILED and writes nothing',
    async (_key, _where, name, json, target) => {
      const before = await fixture.snapshot();
      const answer = await fixture.invoker.invokeWithAnyPayload(name, JSON.parse(json), name === 'issue/setLink' ? as(USERS.agent) : admin, target);
      await fixture.queue.drain();
      expect(answer.ok ? 'allowed' : answer.error.code).toBe('VALIDATION_FAILED');
      expect(await fixture.snapshot()).toStrictEqual(before);
    },
  );

  it.each(['constructor', 'prototype', 'to-string', 'has-own-property', 'value-of'])('treats a plan id %j as any other id', async (planId) => {
    const absent = await fixture.invoker.invoke('plans/get', { planId }, admin, on.settings());
    const ghost = await fixture.invoker.invoke('plans/get', { planId: 'ghost-plan' }, admin, on.settings());
    expect(JSON.stringify(absent).replaceAll(planId, 'ghost-plan')).toBe(JSON.stringify(ghost));
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput({ id: planId, name: planId }) }, admin, on.settings());
    expect(created.ok && created.data.plan.id).toBe(planId);
    const read = await fixture.invoker.invoke('plans/get', { planId }, admin, on.settings());
    expect(read.ok && read.data.plan.plan.name).toBe(planId);
    const linked = await fixture.invoker.invoke('issue/setLink', { planId }, as(USERS.agent), on.issue(ISSUES.sup1));
    expect(linked.ok && linked.data.link).toEqual({ planId, billingClass: 'covered' });
  });

  it.each(PROTOTYPE_KEYS)('refuses a gadget configuration holding %j (stored by Jira) without naming the plan', async (key) => {
    const configuration = JSON.parse(`{"projectKey":"SUP","planId":"acme-gold","${key}":{"projectKey":"OTH","polluted":true}}`) as Record<string, unknown>;
    const answer = await fixture.invoker.invoke('usage/gadget', {}, as(USERS.admin), on.gadget(configuration));
    expect(answer.ok ? 'allowed' : answer.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(answer)).not.toMatch(/Acme Gold|polluted/);
  });

  it.each(PROTOTYPE_KEYS)('reads an issue property holding %j (written to Jira by anyone who may edit the issue) as its plan link only', async (key) => {
    const property: unknown = JSON.parse(`{"planId":"acme-gold","billingClass":"covered","${key}":{"billingClass":"extra","polluted":true}}`);
    const written = await call(fixture.simulator, USERS.agent, 'PUT', `/rest/api/3/issue/${ISSUES.sup1.id}/properties/support-plan`, property);
    expect(written.status).toBe(201);
    const link = await fixture.jira.app.getIssueLink(ISSUES.sup1.id);
    expect(link).toStrictEqual({ issueId: ISSUES.sup1.id, planId: 'acme-gold', billingClass: 'covered', linkedBy: 'hand' });
    expect(Object.getPrototypeOf(link)).toBe(Object.prototype);
  });
});

function nested(levels: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < levels; level += 1) value = { next: value };
  return value;
}

describe('oversized and deeply nested payloads', () => {
  const big = 'x'.repeat(1_000_000);
  const cases: readonly (readonly [string, ResolverName, unknown, SurfaceTarget])[] = [
    ['a megabyte plan name', 'plans/create', { plan: planInput({ id: 'acme-new', name: big }) }, on.settings()],
    ['100,000 thresholds', 'plans/create', { plan: planInput({ id: 'acme-new', thresholdsPercent: Array.from({ length: 100_000 }, (_, index) => index % 100) }) }, on.settings()],
    ['a megabyte reopening reason', 'closing/reopen', { planId: 'acme-gold', period: '2026-09', reason: big }, on.projectPage()],
    ['a megabyte JQL', 'bulk/preview', { jql: big }, on.settings()],
    ['a plan nested 10,000 levels deep', 'plans/create', { plan: nested(10_000) }, on.settings()],
    ['an allowance nested 10,000 levels deep', 'plans/create', { plan: { ...planInput({ id: 'acme-new' }), allowance: nested(10_000) } }, on.settings()],
    ['a settings change nested 10,000 levels deep', 'settings/update', { defaultPlanId: nested(10_000), expectedVersion: 0 }, on.settings()],
    ['an unknown field nested 10,000 levels deep', 'plans/list', { includeArchived: false, extra: nested(10_000) }, on.settings()],
  ];

  it.each(cases)('refuses %s (%s) with VALIDATION_FAILED and writes nothing', async (_title, name, payload, target) => {
    const fixture = backendFixture();
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, admin, on.settings());
    expect(created.ok).toBe(true);
    await fixture.queue.drain();
    const before = await fixture.snapshot();
    const answer = await fixture.invoker.invokeWithAnyPayload(name, payload, admin, target);
    await fixture.queue.drain();
    expect(answer.ok ? 'allowed' : answer.error.code).toBe('VALIDATION_FAILED');
    expect(await fixture.snapshot()).toStrictEqual(before);
  });

  it('refuses them for every role alike: the project is never asked first', async () => {
    const fixture = backendFixture();
    const answers = await Promise.all(
      [USERS.admin, USERS.manager, USERS.outsider].map((who) => fixture.invoker.invokeWithAnyPayload('plans/create', { plan: nested(10_000) }, as(who), on.settings(PROJECT))),
    );
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  });
});

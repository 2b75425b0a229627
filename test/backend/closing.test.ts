import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { BULK_QUEUE_KEY } from '../../src/app/bulk/bulk-job';
import { canonicalJson } from '../../src/app/closing/canonical-json';
import { readClosedVersion } from '../../src/app/closing/closed-statements';
import { call } from '../jira-simulator/site';
import { as, backendFixture, ISSUES, on, planInput, PROJECT, USERS, type BackendFixture } from './support/backend-fixture';

const closingEntries = async (fixture: BackendFixture) => (await fixture.snapshot()).store.filter((entry) => entry.key.startsWith('closing-'));

async function linkedFixture(): Promise<BackendFixture> {
  const fixture = backendFixture();
  await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
  for (const issue of [ISSUES.sup1, ISSUES.sup2]) {
    await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(issue));
  }
  await fixture.queue.drain();
  await fixture.reconcile();
  return fixture;
}

async function jira(fixture: BackendFixture, method: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await call(fixture.simulator, USERS.agent, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}`);
  await fixture.simulator.idle();
  await fixture.queue.drain();
  return answer.body;
}

describe('closing periods', () => {
  let fixture: BackendFixture;
  let firstHash = '';
  beforeAll(async () => {
    fixture = await linkedFixture();
  });

  const close = (period: string, who = USERS.admin) => fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period }, as(who), on.projectPage());
  const list = () => fixture.invoker.invoke('closing/list', { planId: 'acme-gold' }, as(USERS.manager), on.projectPage());
  const version = (period: string, n: number) => fixture.invoker.invoke('closing/version', { planId: 'acme-gold', period, version: n }, as(USERS.manager), on.projectPage());
  /** The SHA-256 of the frozen statement as the store gives it back whole (resolvers answer it in pages). */
  const frozenHash = async (period: string, n: number) => {
    const frozen = await readClosedVersion(fixture.store, PROJECT, { planId: 'acme-gold', period, version: n });
    return frozen.ok ? createHash('sha256').update(canonicalJson(frozen.data.statement)).digest('hex') : frozen.refusal.kind;
  };

  it('lists every period started so far, open, the ended one closable', async () => {
    const periods = await list();
    expect(periods.ok && periods.data.periods.map((state) => [state.period.label, state.status, state.version, state.closable, state.reopenable, state.blocker?.reason ?? null])).toEqual([
      ['2026-09', 'open', 0, true, false, null],
      ['2026-10', 'open', 0, false, false, 'period-not-ended'],
    ]);
    expect(periods.ok && periods.data.periods[1]?.blocker).toEqual({
      reason: 'period-not-ended',
      message: 'The period 2026-10 has not ended yet; it can be closed from about 2026-11-02 01:00 (Europe/Berlin).',
      closableFrom: Date.parse('2026-11-02T00:00:00Z'),
    });
    expect(periods.ok && [periods.data.audit, periods.data.canAdminister]).toEqual([[], false]);
  });

  it('refuses, writing nothing: a non-admin, a period not ended, a month with no period, a malformed payload', async () => {
    const before = await fixture.snapshot();
    expect(await close('2026-09', USERS.manager)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only administrators of this project can change its support plans and settings.' },
    });
    expect(await close('2026-10')).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The period 2026-10 has not ended yet; it can be closed from 2026-11-01.',
        fields: [{ path: 'period', message: 'has not ended yet (it ends on 2026-11-01)' }],
      },
    });
    expect(await close('2026-08')).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The plan "Acme Gold" has no period starting in 2026-08.', fields: [{ path: 'period', message: 'no period of this plan starts in 2026-08' }] },
    });
    const malformed = await fixture.invoker.invokeWithAnyPayload('closing/close', { planId: 'acme-gold', period: 'Sept', projectId: '10000' }, as(USERS.admin), on.projectPage());
    expect(!malformed.ok && malformed.error.code).toBe('VALIDATION_FAILED');
    expect(!malformed.ok && malformed.error.fields?.map((field) => field.path).sort()).toEqual(['period', 'projectId']);
    const noReason = await fixture.invoker.invoke('closing/reopen', { planId: 'acme-gold', period: '2026-09', reason: '   ' }, as(USERS.admin), on.projectPage());
    expect(!noReason.ok && noReason.error.fields).toEqual([{ path: 'reason', message: 'must say why the period is reopened' }]);
    const openPeriod = await fixture.invoker.invoke('closing/reopen', { planId: 'acme-gold', period: '2026-09', reason: 'Typo' }, as(USERS.admin), on.projectPage());
    expect(openPeriod).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'The period 2026-09 is open; only a closed period can be reopened.' } });
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('freezes the statement with its totals, hash, who and when', async () => {
    const closed = await close('2026-09');
    if (!closed.ok) throw new Error(closed.error.message);
    expect([closed.data.version, closed.data.closedBy, closed.data.closedAt, closed.data.lineCount, closed.data.chunkCount]).toEqual([1, 'acc-admin', Date.parse('2026-10-20T12:00:00Z'), 1, 3]);
    expect([closed.data.totals.usedCoveredSeconds, closed.data.totals.remainingSeconds, closed.data.totals.totalMinor]).toEqual([10_800, 25_200, 100_000]);
    const frozen = await version('2026-09', 1);
    if (!frozen.ok) throw new Error(frozen.error.message);
    expect(frozen.data.statement.lines.items.map((line) => line.worklogId)).toEqual(['50003']);
    expect(frozen.data.statement.closedVersion).toBe(1);
    expect(await frozenHash('2026-09', 1)).toBe(closed.data.contentHash);
    expect(frozen.data.version).toEqual(closed.data);
    firstHash = closed.data.contentHash;
  });

  it('refuses to close a closed period again, writing nothing', async () => {
    const before = await fixture.snapshot();
    expect(await close('2026-09')).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'The period 2026-09 is already closed (version 1).' } });
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('never changes a closed statement: work added, edited and deleted later leaves it byte-identical', async () => {
    const before = await closingEntries(fixture);
    await jira(fixture, 'POST', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog`, { timeSpentSeconds: 3600, started: '2026-09-10T09:00:00.000+0200' });
    await jira(fixture, 'PUT', `/rest/api/3/issue/${ISSUES.sup2.id}/worklog/50003`, { timeSpentSeconds: 4 * 3600 });
    await jira(fixture, 'DELETE', `/rest/api/3/issue/${ISSUES.sup1.id}/worklog/50001`);
    expect(await closingEntries(fixture)).toEqual(before);
    const september = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold', period: '2026-09' }, as(USERS.manager), on.projectPage());
    expect(september.ok && [september.data.usedCoveredSeconds, september.data.closedVersion, september.data.lines.items.map((line) => line.worklogId)]).toEqual([10_800, 1, ['50003']]);
    const frozen = await version('2026-09', 1);
    expect([frozen.ok && frozen.data.version.contentHash, await frozenHash('2026-09', 1)]).toEqual([firstHash, firstHash]);
  });

  it('shows September\'s late work on October, the first open period', async () => {
    const october = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold' }, as(USERS.manager), on.projectPage());
    if (!october.ok) throw new Error(october.error.message);
    expect(october.data.closedVersion).toBeNull();
    expect(october.data.lateAdjustments.items.map((adjustment) => [adjustment.periodLabel, adjustment.kind, adjustment.roundedSeconds])).toEqual([
      ['2026-09', 'added', 3600],
      ['2026-09', 'changed', 3600],
    ]);
  });

  it('reopens with a reason (admins only), keeps version 1 readable, and closing again gives version 2', async () => {
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('closing/reopen', { planId: 'acme-gold', period: '2026-09', reason: 'Late work' }, as(USERS.manager), on.projectPage());
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(await fixture.snapshot()).toEqual(before);

    const reopened = await fixture.invoker.invoke('closing/reopen', { planId: 'acme-gold', period: '2026-09', reason: '  Late work by the night shift  ' }, as(USERS.admin), on.projectPage());
    expect(reopened.ok && [reopened.data.action, reopened.data.version, reopened.data.reason, reopened.data.by]).toEqual(['reopened', 1, 'Late work by the night shift', 'acc-admin']);
    const open = await list();
    expect(open.ok && open.data.periods.map((state) => [state.period.label, state.status, state.version, state.closable])).toEqual([
      ['2026-09', 'open', 1, true],
      ['2026-10', 'open', 0, false],
    ]);
    const september = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold', period: '2026-09' }, as(USERS.manager), on.projectPage());
    expect(september.ok && [september.data.usedCoveredSeconds, september.data.closedVersion]).toEqual([18_000, null]);

    const again = await close('2026-09');
    if (!again.ok) throw new Error(again.error.message);
    expect([again.data.version, again.data.totals.usedCoveredSeconds]).toEqual([2, 18_000]);
    const v1 = await version('2026-09', 1);
    expect(v1.ok && [v1.data.version.contentHash, v1.data.statement.usedCoveredSeconds]).toEqual([firstHash, 10_800]);
    expect(v1.ok && v1.data.version.contentHash !== again.data.contentHash).toBe(true);
    const listed = await list();
    expect(listed.ok && listed.data.periods[0]?.versions.map((closedVersion) => closedVersion.version)).toEqual([1, 2]);
    expect(listed.ok && listed.data.audit.map((entry) => [entry.periodLabel, entry.version, entry.action, entry.reason ?? null])).toEqual([
      ['2026-09', 1, 'closed', null],
      ['2026-09', 1, 'reopened', 'Late work by the night shift'],
      ['2026-09', 2, 'closed', null],
    ]);
    const missing = await version('2026-09', 3);
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'The period 2026-09 has no closed version 3.' } });
  });
});

describe('closing in order', () => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = await linkedFixture();
    await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'acme-silver', name: 'Acme Silver', startDate: '2026-07-01' }) }, as(USERS.admin), on.settings());
  });
  const act = (resolver: 'closing/close' | 'closing/reopen', period: string) =>
    resolver === 'closing/close'
      ? fixture.invoker.invoke('closing/close', { planId: 'acme-silver', period }, as(USERS.admin), on.projectPage())
      : fixture.invoker.invoke('closing/reopen', { planId: 'acme-silver', period, reason: 'Correction' }, as(USERS.admin), on.projectPage());

  it('closes a period only after every earlier one, and reopens only the last closed one, writing nothing when refused', async () => {
    const before = await fixture.snapshot();
    expect(await act('closing/close', '2026-08')).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Close 2026-07 first: periods are closed in order.' } });
    expect(await fixture.snapshot()).toEqual(before);
    expect((await act('closing/close', '2026-07')).ok).toBe(true);
    expect((await act('closing/close', '2026-08')).ok).toBe(true);
    const closedTwo = await fixture.snapshot();
    expect(await act('closing/reopen', '2026-07')).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Reopen 2026-08 first: only the last closed period can be reopened.' } });
    expect(await fixture.snapshot()).toEqual(closedTwo);
    const listed = await fixture.invoker.invoke('closing/list', { planId: 'acme-silver' }, as(USERS.admin), on.projectPage());
    expect(listed.ok && [listed.data.canAdminister, listed.data.periods.map((state) => [state.period.label, state.status, state.closable, state.reopenable])]).toEqual([
      true,
      [
        ['2026-07', 'closed', false, false],
        ['2026-08', 'closed', false, true],
        ['2026-09', 'open', true, false],
        ['2026-10', 'open', false, false],
      ],
    ]);
  });

  it('answers another project\'s plan as absent', async () => {
    const other = await fixture.invoker.invoke('closing/list', { planId: 'acme-silver' }, as(USERS.outsider), on.projectPage({ id: '20000', key: 'OTH' }));
    expect(other).toEqual({
      ok: false,
      error: { code: 'PLAN_NOT_FOUND', message: 'There is no plan "acme-silver" in this project.', fields: [{ path: 'planId', message: 'is not a plan of this project' }] },
    });
  });
});

describe('closing at the same moment', () => {
  it('lets exactly one of two simultaneous closes win; the loser leaves no chunk behind', async () => {
    const fixture = await linkedFixture();
    const answers = await Promise.all(
      [USERS.admin, USERS.admin].map((who) => fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period: '2026-09' }, as(who), on.projectPage())),
    );
    expect(answers.map((answer) => (answer.ok ? 'ok' : answer.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    const winner = answers.find((answer) => answer.ok);
    const entries = await closingEntries(fixture);
    expect([winner?.ok && winner.data.chunkCount, entries.filter((entry) => entry.key.startsWith('closing-chunk:')).length]).toEqual([3, 3]);
    // Keyed by the plan's internal id (a UUID), chunks also by the close's write id (another).
    expect(entries.map((entry) => entry.key.replace(/^([a-z-]+):[0-9a-f-]{36}:/, '$1:<plan>:').replace(/:[0-9a-f-]{36}:/, ':<writeId>:'))).toEqual([
      'closing-audit:<plan>:2026-09:000001:closed',
      'closing-chunk:<plan>:2026-09:<writeId>:00000',
      'closing-chunk:<plan>:2026-09:<writeId>:00001',
      'closing-chunk:<plan>:2026-09:<writeId>:00002',
      'closing-period:<plan>:2026-09',
      'closing-version:<plan>:2026-09:000001',
    ]);
  });
});

describe('a rejected close or reopen', () => {
  const fixture = backendFixture();
  beforeAll(async () => {
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
  });

  /** Each closing write with a payload an admin could send, or one with a field dropped, replaced by any JSON, or added. */
  const payloads: readonly (readonly ['closing/close' | 'closing/reopen', Readonly<Record<string, unknown>>])[] = [
    ['closing/close', { planId: 'acme-gold', period: '2026-10' }],
    ['closing/reopen', { planId: 'acme-gold', period: '2026-09', reason: 'Correction' }],
  ];
  const mutated = (payload: Readonly<Record<string, unknown>>): fc.Arbitrary<unknown> => {
    const keys = Object.keys(payload);
    return fc.oneof(
      fc.constant(payload),
      fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(payload).filter(([name]) => name !== key))),
      fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([key, value]) => ({ ...payload, [key]: value })),
      fc.tuple(fc.string({ minLength: 1 }), fc.jsonValue()).map(([key, value]) => ({ [key]: value, ...payload })),
    );
  };
  const calls = fc.constantFrom(...payloads).chain(([name, payload]) => fc.tuple(fc.constant(name), mutated(payload)));

  it('writes nothing, whoever sends whatever payload', async () => {
    await fc.assert(
      fc.asyncProperty(calls, fc.constantFrom(USERS.admin, USERS.agent, USERS.manager, USERS.outsider), async ([name, payload], who) => {
        const before = await fixture.snapshot();
        const answer = await fixture.invoker.invokeWithAnyPayload(name, payload, as(who), on.projectPage());
        expect(answer.ok).toBe(false);
        expect(await fixture.snapshot()).toEqual(before);
      }),
      { numRuns: 100, seed: 20261126 },
    );
  });
});

describe('closing only complete figures', () => {
  const SEPTEMBER_HOURS = 30;

  /** 30 issues without a plan, each with 1 h of September work; linked to the plan by one bulk link. */
  async function bulkLinkedFixture(): Promise<BackendFixture> {
    const fixture = backendFixture({ extraIssues: SEPTEMBER_HOURS });
    for (let index = 0; index < SEPTEMBER_HOURS; index += 1) {
      const answer = await call(fixture.simulator, USERS.agent, 'POST', `/rest/api/3/issue/${11000 + index}/worklog`, { timeSpentSeconds: 3600, started: '2026-09-15T10:00:00.000+0200' });
      if (answer.status !== 201) throw new Error(`logging work answered ${answer.status}`);
    }
    await fixture.simulator.idle();
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    await fixture.reconcile();
    const counted = await fixture.invoker.invoke('bulk/preview', { jql: 'summary ~ "Bulk"' }, as(USERS.admin), on.settings());
    if (!counted.ok) throw new Error(counted.error.message);
    const started = await fixture.invoker.invoke('bulk/link', { jql: 'summary ~ "Bulk"', planId: 'acme-gold', countToken: counted.data.countToken }, as(USERS.admin), on.settings());
    if (!started.ok) throw new Error(started.error.message);
    return fixture;
  }

  it('refuses to close September while a bulk link and the recompute it starts run, then freezes all 30 h', async () => {
    const fixture = await bulkLinkedFixture();
    const list = () => fixture.invoker.invoke('closing/list', { planId: 'acme-gold' }, as(USERS.admin), on.projectPage());
    const close = () => fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period: '2026-09' }, as(USERS.admin), on.projectPage());

    const linking = await list();
    expect(linking.ok && linking.data.periods[0]?.blocker).toEqual({
      reason: 'bulk-link-running',
      message: 'Issues are being linked to the plan in bulk (started 2026-10-20 14:00 (Europe/Berlin), 0 of 30 done); 2026-09 can be closed once the linking and the recompute it starts have finished.',
      closableFrom: null,
    });
    // The links are written; the recompute they started waits in the sync queue.
    await fixture.queue.drain([BULK_QUEUE_KEY]);
    const pending = await list();
    expect(pending.ok && pending.data.periods.map((state) => [state.period.label, state.closable, state.blocker?.reason, state.blocker?.closableFrom])).toEqual([
      ['2026-09', false, 'build-running', null],
      ['2026-10', false, 'period-not-ended', Date.parse('2026-11-02T00:00:00Z')],
    ]);
    const before = await fixture.snapshot();
    expect(await close()).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'The plan\'s figures are still being built from Jira (started 2026-10-20 14:00 (Europe/Berlin)); 2026-09 can be closed once the build has finished.',
      },
    });
    expect(await fixture.snapshot()).toEqual(before);

    await fixture.queue.drain();
    expect((await fixture.snapshot()).store.filter((entry) => entry.key.startsWith('bulk-plan:'))).toEqual([]);
    const closed = await close();
    if (!closed.ok) throw new Error(closed.error.message);
    expect([closed.data.totals.usedCoveredSeconds, closed.data.totals.overageSeconds, closed.data.totals.totalMinor]).toEqual([SEPTEMBER_HOURS * 3600, 20 * 3600, 100_000 + 20 * 12_000]);
    const october = await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold' }, as(USERS.manager), on.projectPage());
    expect(october.ok && [october.data.lateAdjustments.total, october.data.adjustmentCharges.length]).toEqual([0, 0]);
  });

  it('waits for reconciliation to read Jira past the period\'s end and a day\'s grace', async () => {
    let now = Date.parse('2026-10-01T12:00:00Z');
    const fixture = backendFixture({ clock: { now: () => now } });
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    const september = async () => {
      const listed = await fixture.invoker.invoke('closing/list', { planId: 'acme-gold' }, as(USERS.admin), on.projectPage());
      return listed.ok ? listed.data.periods[0] : undefined;
    };

    expect((await september())?.blocker).toEqual({
      reason: 'reconciliation-behind',
      message:
        'Closing 2026-09 waits until reconciliation with Jira has read every worklog change up to 2026-10-02 00:00 (Europe/Berlin) (a day after the period\'s end); it has not run yet. It can be closed from about 2026-10-02 01:00 (Europe/Berlin).',
      closableFrom: Date.parse('2026-10-01T23:00:00Z'),
    });
    await fixture.reconcile();
    expect((await september())?.blocker?.message).toContain('it has read Jira\'s worklog changes up to 2026-10-01 13:59 (Europe/Berlin)');
    const refused = await fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period: '2026-09' }, as(USERS.admin), on.projectPage());
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');

    now = Date.parse('2026-10-01T22:30:00Z');
    await fixture.reconcile();
    expect((await september())?.closable).toBe(true);
    const closed = await fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period: '2026-09' }, as(USERS.admin), on.projectPage());
    expect(closed.ok).toBe(true);
  });
});

/**
 * A plan's identity is permanent: its records are keyed by an internal id, deleting it purges
 * them all, and its key is free again only then. Whoever takes the key next starts empty.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolverError } from '../../src/contract';
import { runPurgeChunk, STALLED_PURGE_MS } from '../../src/app/plans/purge-plan';
import { fixedClock } from '../../src/app/ports/clock';
import { reconcile } from '../../src/app/sync/reconcile';
import { isJsonObject, type StoreEntry } from '../../src/app/ports/store';
import { as, backendFixture, ISSUES, NOW, on, OTHER_PROJECT, planInput, USERS, type BackendFixture } from './support/backend-fixture';

const admin = as(USERS.admin);
const outsider = as(USERS.outsider);

function ok<T>(answer: { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ResolverError }): T {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

async function settle(fixture: BackendFixture): Promise<void> {
  await fixture.simulator.idle();
  await fixture.queue.drain();
}

/** Deletes SUP's acme-gold (nothing links to it any more) and runs the purge. */
async function deleteAcmeGold(fixture: BackendFixture): Promise<void> {
  const { plan } = ok(await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, admin, on.settings()));
  ok(await fixture.invoker.invoke('plans/delete', { planId: 'acme-gold', expectedVersion: plan.version }, admin, on.settings()));
  const taken = await fixture.invoker.invoke('plans/create', { plan: planInput({ name: 'Newcomer' }) }, outsider, on.settings(OTHER_PROJECT));
  expect(!taken.ok && [taken.error.code, taken.error.fields]).toEqual(['CONFLICT', [{ path: 'plan.id', message: 'is already used by another plan' }]]);
  await settle(fixture);
}

/** What OTH's new acme-gold shows: it must be empty of everything the old plan had. */
async function expectFreshPlan(fixture: BackendFixture, oldInternalId: string): Promise<void> {
  const created = ok(await fixture.invoker.invoke('plans/create', { plan: planInput({ name: 'Newcomer' }) }, outsider, on.settings(OTHER_PROJECT)));
  expect(created.internalId).not.toBe(oldInternalId);

  const periods = ok(await fixture.invoker.invoke('closing/list', { planId: 'acme-gold' }, outsider, on.projectPage(OTHER_PROJECT)));
  expect([periods.audit, periods.periods.flatMap((state) => [state.status, ...state.versions])]).toEqual([[], ['open', 'open']]);
  const frozen = await fixture.invoker.invoke('closing/version', { planId: 'acme-gold', period: '2026-09', version: 1 }, outsider, on.projectPage(OTHER_PROJECT));
  expect(!frozen.ok && frozen.error.code).toBe('NOT_FOUND');
  for (const period of ['2026-09', '2026-10']) {
    const statement = ok(await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold', period }, outsider, on.projectPage(OTHER_PROJECT)));
    expect([statement.lines.total, statement.lateAdjustments.total, statement.usedCoveredSeconds]).toEqual([0, 0, 0]);
  }
  const overview = ok(await fixture.invoker.invoke('usage/overview', {}, outsider, on.projectPage(OTHER_PROJECT)));
  expect(overview.cards.map((card) => [card.planId, card.activeAlerts])).toEqual([['acme-gold', []]]);
  const history = ok(await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, outsider, on.settings(OTHER_PROJECT))).history;
  expect(history.map((entry) => [entry.version, entry.action, entry.by])).toEqual([[1, 'created', USERS.outsider.accountId]]);
  expect(JSON.stringify((await fixture.snapshot()).store)).not.toContain(oldInternalId);
}

describe('deleting a plan and taking its key in another project', () => {
  it('leaves nothing of the old plan readable or counted: no statement, alert, history or late adjustment', async () => {
    const fixture = backendFixture();
    const old = ok(await fixture.invoker.invoke('plans/create', { plan: planInput() }, admin, on.settings()));
    for (const issue of [ISSUES.sup1, ISSUES.sup2]) ok(await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(issue)));
    await settle(fixture);
    await fixture.reconcile();
    ok(await fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period: '2026-09' }, admin, on.projectPage()));
    await settle(fixture);
    const card = ok(await fixture.invoker.invoke('usage/overview', {}, admin, on.projectPage())).cards[0];
    expect(card?.activeAlerts?.map((alert) => alert.percent)).toEqual([80, 100]);
    for (const issue of [ISSUES.sup1, ISSUES.sup2]) ok(await fixture.invoker.invoke('issue/clearLink', {}, as(USERS.agent), on.issue(issue)));
    await settle(fixture);

    await deleteAcmeGold(fixture);

    expect(ok(await fixture.invoker.invoke('plans/list', {}, admin, on.settings())).plans).toEqual([]);
    if (old.internalId === undefined) throw new Error('a new plan has an internal id');
    await expectFreshPlan(fixture, old.internalId);
  });
});

describe('a store written before internal ids', () => {
  /** Written by the release before this one: SUP's acme-gold with SUP-1 and SUP-2 aggregated, 2026-09 closed, October's alerts raised. */
  const before = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'store-before-plan-ids.json'), 'utf8')) as StoreEntry[];

  async function legacyFixture(): Promise<BackendFixture> {
    const fixture = backendFixture();
    for (const entry of before) await fixture.store.set(entry.key, entry.value);
    return fixture;
  }

  it('keeps working: the plan, its history, its frozen statement, its figures and its alerts read as before', async () => {
    const fixture = await legacyFixture();
    const got = ok(await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, admin, on.settings()));
    expect([got.plan.internalId, got.history.map((entry) => entry.action)]).toEqual([undefined, ['created']]);
    const frozen = ok(await fixture.invoker.invoke('closing/version', { planId: 'acme-gold', period: '2026-09', version: 1 }, admin, on.projectPage()));
    expect(frozen.statement.lines.items.map((line) => line.issueKey)).toEqual(['SUP-2']);
    const statement = ok(await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold' }, admin, on.projectPage()));
    expect(statement.usedCoveredSeconds).toBe(37_800);
    const card = ok(await fixture.invoker.invoke('usage/overview', {}, admin, on.projectPage())).cards[0];
    expect(card?.activeAlerts?.map((alert) => alert.percent)).toEqual([80, 100]);
  });

  it('purges every record of a deleted plan, so its key starts empty in another project', async () => {
    const fixture = await legacyFixture();
    await deleteAcmeGold(fixture);
    // Only emptied issue → plan link shards are left (an empty shard reads as no shard).
    expect((await fixture.snapshot()).store.filter((entry) => JSON.stringify(entry.value) !== '{}')).toEqual([]);
    await expectFreshPlan(fixture, 'acme-gold:');
  });
});

describe('the purge of a deleted plan', () => {
  it('runs in bounded chunks, each resumable from what is left', async () => {
    const fixture = backendFixture();
    for (const entry of JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'store-before-plan-ids.json'), 'utf8')) as StoreEntry[]) {
      await fixture.store.set(entry.key, entry.value);
    }
    const queued: unknown[] = [];
    const deps = { jira: fixture.jira.app, store: fixture.store, clock: fixture.services.clock, queue: { push: async (_queue: string, body: unknown) => String(queued.push(body)) } };
    const job = { kind: 'purge-plan' as const, internalId: 'acme-gold', planKey: 'acme-gold', projectId: '10000' };
    const outcomes = [];
    for (let chunk = 0; chunk < 10; chunk += 1) {
      const outcome = await runPurgeChunk(deps, job, 4);
      outcomes.push(outcome);
      if (outcome.status === 'purged') break;
    }
    // 11 owned records (2 parts, 3 chunks, a manifest, a state, an audit, 2 alerts, a history entry) in chunks of at most 4; the last also drops the head and the record.
    expect(outcomes).toEqual([
      { status: 'continued', deleted: 4 },
      { status: 'continued', deleted: 4 },
      { status: 'purged', deleted: 3 },
    ]);
    expect(queued).toEqual([job, job]);
    expect((await fixture.snapshot()).store.filter((entry) => JSON.stringify(entry.value) !== '{}')).toEqual([]);
  });
});

describe('a deletion whose purge was lost', () => {
  it('is queued again by the reconciliation once it is stalled, and then finishes', async () => {
    const fixture = backendFixture();
    for (const entry of JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'store-before-plan-ids.json'), 'utf8')) as StoreEntry[]) {
      const { key, value } = entry;
      await fixture.store.set(key, key === 'plan:acme-gold' && isJsonObject(value) ? { ...value, status: 'deleting', updatedAt: NOW } : value);
    }
    const reconcileAt = (at: number) => reconcile({ jira: fixture.jira.app, store: fixture.store, queue: fixture.queue, clock: fixedClock(at) });

    expect((await reconcileAt(NOW + STALLED_PURGE_MS - 1)).purgesResumed).toEqual([]);
    await fixture.queue.drain();
    expect((await fixture.snapshot()).store.some((entry) => entry.key === 'plan:acme-gold')).toBe(true);

    expect((await reconcileAt(NOW + STALLED_PURGE_MS)).purgesResumed).toEqual(['acme-gold']);
    await fixture.queue.drain();
    expect(JSON.stringify((await fixture.snapshot()).store)).not.toContain('acme-gold');
  });
});

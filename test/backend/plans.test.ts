import { expect } from '@jest/globals';
import { as, backendFixture, ISSUES, on, OTHER_PROJECT, planInput, PROJECT, USERS, type BackendFixture } from './support/backend-fixture';

async function createAcmeGold(fixture: BackendFixture) {
  const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
  if (!created.ok) throw new Error(created.error.message);
  return created.data;
}

describe('plans resolvers', () => {
  let fixture: BackendFixture;
  beforeEach(() => {
    fixture = backendFixture();
  });

  it('creates a plan owned by the context project, at version 1, with who and when', async () => {
    const stored = await createAcmeGold(fixture);
    expect(stored).toEqual({
      plan: expect.objectContaining({ id: 'acme-gold', name: 'Acme Gold', kind: 'buckets' }),
      terms: [{ version: 1, from: '2026-09', madeAt: Date.parse('2026-10-20T12:00:00Z'), madeBy: USERS.admin.accountId, planVersion: 1 }],
      internalId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      projectId: PROJECT.id,
      projectKey: PROJECT.key,
      status: 'active',
      version: 1,
      createdAt: Date.parse('2026-10-20T12:00:00Z'),
      createdBy: USERS.admin.accountId,
      updatedAt: Date.parse('2026-10-20T12:00:00Z'),
      updatedBy: USERS.admin.accountId,
    });
  });

  it('lists and gets plans for anyone who can browse the project, with the audit trail', async () => {
    await createAcmeGold(fixture);
    const list = await fixture.invoker.invoke('plans/list', {}, as(USERS.manager), on.projectPage());
    expect(list.ok && list.data.plans.map((stored) => stored.plan.id)).toEqual(['acme-gold']);
    const got = await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, as(USERS.manager), on.projectPage());
    expect(got.ok && got.data.history.map((entry) => [entry.version, entry.action, entry.by])).toEqual([[1, 'created', USERS.admin.accountId]]);
  });

  it('tells the settings page whether the caller administers the project, from the one permission call', async () => {
    await createAcmeGold(fixture);
    const listedFor = async (who: (typeof USERS)[keyof typeof USERS]) => {
      fixture.jira.resetStats();
      const list = await fixture.invoker.invoke('plans/list', { includeArchived: true }, as(who), on.settings());
      return [list.ok && list.data.canAdminister, list.ok && list.data.plans.length, fixture.jira.forUser(who.accountId).stats().calls];
    };
    expect(await listedFor(USERS.admin)).toEqual([true, 1, 1]);
    expect(await listedFor(USERS.agent)).toEqual([false, 1, 1]);
    expect(await listedFor(USERS.manager)).toEqual([false, 1, 1]);
    const outsider = await fixture.invoker.invoke('plans/list', {}, as(USERS.outsider), on.settings());
    expect(outsider).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'You need permission to browse this project to see its support plans.' } });
  });

  it('updates with the version read, recording each changed field', async () => {
    await createAcmeGold(fixture);
    const updated = await fixture.invoker.invoke(
      'plans/update',
      { planId: 'acme-gold', expectedVersion: 1, plan: planInput({ name: 'Acme Platinum', allowance: { includedSeconds: 20 * 3600, fixedFeeMinor: 100_000 } }) },
      as(USERS.admin),
      on.settings(),
    );
    expect(updated.ok && [updated.data.version, updated.data.plan.name]).toEqual([2, 'Acme Platinum']);
    const got = await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, as(USERS.admin), on.settings());
    expect(got.ok && got.data.history[1]).toEqual({
      version: 2,
      action: 'updated',
      at: Date.parse('2026-10-20T12:00:00Z'),
      by: USERS.admin.accountId,
      changes: [
        { path: 'allowance.includedSeconds', before: 36_000, after: 72_000 },
        { path: 'name', before: 'Acme Gold', after: 'Acme Platinum' },
      ],
      effectiveFrom: '2026-10',
    });
  });

  it('refuses a stale version with STALE_VERSION and changes nothing', async () => {
    await createAcmeGold(fixture);
    await fixture.invoker.invoke('plans/update', { planId: 'acme-gold', expectedVersion: 1, plan: planInput({ name: 'Second' }) }, as(USERS.admin), on.settings());
    const before = await fixture.snapshot();
    const stale = await fixture.invoker.invoke('plans/update', { planId: 'acme-gold', expectedVersion: 1, plan: planInput({ name: 'Third' }) }, as(USERS.admin), on.settings());
    expect(stale).toEqual({
      ok: false,
      error: {
        code: 'STALE_VERSION',
        message: 'The plan was changed since you read it (you have version 1, it is now at version 2). Reload it and apply your change again.',
        fields: [{ path: 'expectedVersion', message: "must be 2, the plan's current version" }],
      },
    });
    expect(await fixture.snapshot()).toEqual(before);
  });

  it('lets exactly one of two simultaneous saves of the same version win', async () => {
    await createAcmeGold(fixture);
    const save = (name: string) =>
      fixture.invoker.invoke('plans/update', { planId: 'acme-gold', expectedVersion: 1, plan: planInput({ name }) }, as(USERS.admin), on.settings());
    const answers = await Promise.all([save('First'), save('Second')]);
    expect(answers.map((answer) => (answer.ok ? 'saved' : answer.error.code)).sort()).toEqual(['STALE_VERSION', 'saved']);
    const got = await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, as(USERS.admin), on.settings());
    expect(got.ok && got.data.history.map((entry) => entry.version)).toEqual([1, 2]);
  });

  it('lets exactly one of two simultaneous creations of the same id win', async () => {
    const create = () => fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    const answers = await Promise.all([create(), create()]);
    expect(answers.map((answer) => (answer.ok ? 'created' : answer.error.code)).sort()).toEqual(['CONFLICT', 'created']);
  });

  it('keeps plan ids unique across the site', async () => {
    await createAcmeGold(fixture);
    const again = await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(!again.ok && [again.error.code, again.error.fields]).toEqual(['CONFLICT', [{ path: 'plan.id', message: 'is already used by another plan' }]]);
  });

  it('hides another project\'s plan behind PLAN_NOT_FOUND', async () => {
    await createAcmeGold(fixture);
    const got = await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, as(USERS.outsider), on.projectPage(OTHER_PROJECT));
    expect(!got.ok && got.error.code).toBe('PLAN_NOT_FOUND');
  });

  it('archives: the plan stays readable, listed only on request', async () => {
    await createAcmeGold(fixture);
    await fixture.queue.drain();
    const archived = await fixture.invoker.invoke('plans/archive', { planId: 'acme-gold', expectedVersion: 1 }, as(USERS.admin), on.settings());
    expect(archived.ok && [archived.data.status, archived.data.version]).toEqual(['archived', 2]);
    const active = await fixture.invoker.invoke('plans/list', {}, as(USERS.admin), on.settings());
    const all = await fixture.invoker.invoke('plans/list', { includeArchived: true }, as(USERS.admin), on.settings());
    expect([active.ok && active.data.plans.length, all.ok && all.data.plans.length]).toEqual([0, 1]);
    // Its card is not left saying "Updating" under figures computed for the version before: the write asked for a refresh.
    await fixture.queue.drain();
    const overview = await fixture.invoker.invoke('usage/overview', {}, as(USERS.manager), on.projectPage());
    expect(overview.ok && overview.data.cards.map((card) => [card.status, card.refreshing])).toEqual([['archived', false]]);
  });

  it('deletes an unused plan with its history: being deleted at once, gone once its purge has run', async () => {
    await createAcmeGold(fixture);
    const deleted = await fixture.invoker.invoke('plans/delete', { planId: 'acme-gold', expectedVersion: 1 }, as(USERS.admin), on.settings());
    expect(deleted).toEqual({ ok: true, data: { planId: 'acme-gold' } });
    const listed = await fixture.invoker.invoke('plans/list', {}, as(USERS.admin), on.settings());
    expect(listed.ok && listed.data.plans.map((stored) => [stored.plan.id, stored.status])).toEqual([['acme-gold', 'deleting']]);
    const got = await fixture.invoker.invoke('plans/get', { planId: 'acme-gold' }, as(USERS.admin), on.settings());
    expect(!got.ok && got.error.code).toBe('PLAN_NOT_FOUND');
    await fixture.queue.drain();
    expect((await fixture.snapshot()).store).toEqual([]);
  });

  it('refuses to delete a plan while an issue links to it, and changes nothing', async () => {
    await createAcmeGold(fixture);
    await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup3));
    await fixture.queue.drain();
    const before = await fixture.snapshot();
    const refused = await fixture.invoker.invoke('plans/delete', { planId: 'acme-gold', expectedVersion: 1 }, as(USERS.admin), on.settings());
    expect(!refused.ok && [refused.error.code, refused.error.message]).toEqual([
      'PLAN_IN_USE',
      '1 issue still counts against this plan. Link them to another plan or clear their plan first, or archive the plan instead.',
    ]);
    expect(await fixture.snapshot()).toEqual(before);
  });

  describe('a non-admin', () => {
    const attempts = {
      create: (fixture: BackendFixture) => fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'other-plan' }) }, as(USERS.agent), on.settings()),
      update: (fixture: BackendFixture) =>
        fixture.invoker.invoke('plans/update', { planId: 'acme-gold', expectedVersion: 1, plan: planInput({ name: 'Hijacked' }) }, as(USERS.agent), on.settings()),
      archive: (fixture: BackendFixture) => fixture.invoker.invoke('plans/archive', { planId: 'acme-gold', expectedVersion: 1 }, as(USERS.manager), on.settings()),
      delete: (fixture: BackendFixture) => fixture.invoker.invoke('plans/delete', { planId: 'acme-gold', expectedVersion: 1 }, as(USERS.manager), on.settings()),
      'change settings': (fixture: BackendFixture) =>
        fixture.invoker.invoke('settings/update', { defaultPlanId: 'acme-gold', expectedVersion: 0 }, as(USERS.agent), on.settings()),
    };

    it.each(Object.entries(attempts))('cannot %s, and nothing changes', async (_name, attempt) => {
      await createAcmeGold(fixture);
      const before = await fixture.snapshot();
      const refused = await attempt(fixture);
      expect(refused).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Only administrators of this project can change its support plans and settings.' },
      });
      expect(await fixture.snapshot()).toEqual(before);
    });
  });

  it('sets the project\'s default plan (admins), readable by browsers', async () => {
    await createAcmeGold(fixture);
    const updated = await fixture.invoker.invoke('settings/update', { defaultPlanId: 'acme-gold', expectedVersion: 0 }, as(USERS.admin), on.settings());
    expect(updated).toEqual({ ok: true, data: { defaultPlanId: 'acme-gold', version: 1 } });
    const read = await fixture.invoker.invoke('settings/get', {}, as(USERS.manager), on.projectPage());
    expect(read).toEqual({ ok: true, data: { defaultPlanId: 'acme-gold', version: 1 } });
    const deleting = await fixture.invoker.invoke('plans/delete', { planId: 'acme-gold', expectedVersion: 1 }, as(USERS.admin), on.settings());
    expect(!deleting.ok && deleting.error.code).toBe('PLAN_IN_USE');
  });
});

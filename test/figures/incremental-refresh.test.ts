/**
 * The refresh after worklog events reads only those events' issues when it can tell that nothing else changed
 * (decision 0067), and stores exactly what a full refresh stores; everything else reads the whole plan, each
 * for its reason.
 */
import { earlierWorkKey, entryChunkKey, figuresHeadKey, issueUsageKey, statementSourceKey } from '../../src/app/figures/figures-keys';
import { earlierWorkSchema, figuresHeadOf, REQUEST_ISSUES_MAX, statementSourceSchema } from '../../src/app/figures/figures-records';
import { ISSUES_PER_SHARD } from '../../src/app/figures/refresh-plan-figures';
import { planKey } from '../../src/app/plans/plan-keys';
import { toJsonValue } from '../../src/app/plans/to-json-value';
import { requestFiguresRefresh } from '../../src/app/figures/request-figures-refresh';
import { runFiguresRefresh, type FiguresRefreshOutcome } from '../../src/app/figures/run-figures-refresh';
import { buildIssue } from '../jira-simulator/site';
import { GOLD_ISSUES, linkedTo, startGoldSite, startSyncSite, type SyncSite } from '../sync/sync-site';
import { expectFullRefreshFindsStored } from './refresh-now';

const REFRESH = { kind: 'refresh-figures', planId: 'gold' } as const;
/** The site's clock starts on 1 October 2026, 12:00 UTC: October is the reporting period, November the next. */
const OCTOBER = '2026-10-01T09:00:00.000+0200';
const NOVEMBER = '2026-11-03T09:00:00.000+0100';
const SEPTEMBER = '2026-09-15T09:00:00.000+0200';

async function head(site: SyncSite) {
  return figuresHeadOf(await site.store.get(figuresHeadKey('gold')));
}

/** A site whose figures were refreshed over work in September and October on both issues. */
async function refreshedSite(site?: SyncSite): Promise<SyncSite> {
  site ??= await startGoldSite();
  await site.logWork(GOLD_ISSUES.first.id, 3 * 3600, SEPTEMBER);
  await site.logWork(GOLD_ISSUES.first.id, 2 * 3600, OCTOBER);
  await site.logWork(GOLD_ISSUES.second.id, 5 * 3600, OCTOBER);
  await site.settle();
  return site;
}

/** Delivers the events and runs the refresh they asked for, as the queue would. */
async function refreshAfterEvents(site: SyncSite): Promise<FiguresRefreshOutcome> {
  await site.simulator.idle();
  return runFiguresRefresh(site.deps, REFRESH);
}

describe('a refresh after worklog events', () => {
  it('reads only their issues when they changed the reporting period or the next, and stores what a full refresh stores', async () => {
    const site = await refreshedSite();
    const before = await head(site);
    const logged = await site.logWork(GOLD_ISSUES.second.id, 3600, OCTOBER);
    await site.logWork(GOLD_ISSUES.first.id, 1800, NOVEMBER);
    await site.simulator.idle();
    expect((await head(site)).request?.issues).toEqual([GOLD_ISSUES.second.id, GOLD_ISSUES.first.id]);

    expect(await runFiguresRefresh(site.deps, REFRESH)).toMatchObject({ status: 'refreshed', read: { scope: 'issues' } });
    const after = await head(site);
    expect(after.request).toBeNull();
    expect(after.refreshed?.worklogCount).toBe((before.refreshed?.worklogCount ?? 0) + 2);
    await expectFullRefreshFindsStored(site.deps, 'gold');

    // Edited and deleted too: the issue's work in the period is replaced, whatever it was.
    await site.editWork(GOLD_ISSUES.second.id, logged, 7200);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'issues' } });
    await expectFullRefreshFindsStored(site.deps, 'gold');
    await site.deleteWork(GOLD_ISSUES.second.id, logged);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'issues' } });
    await expectFullRefreshFindsStored(site.deps, 'gold');
  });

  it("updates the usage of other issues when the allowance runs out at another line", async () => {
    const site = await refreshedSite();
    // October's 10 hours run out during the second issue's 4 hours at noon.
    await site.logWork(GOLD_ISSUES.second.id, 4 * 3600, '2026-10-01T12:00:00.000+0200');
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'issues' } });
    const overageBefore = (await head(site)).refreshed?.recent[0]?.overageSeconds;
    // Work started earlier on the first issue: the allowance runs out an hour sooner, in the second issue's work.
    await site.logWork(GOLD_ISSUES.first.id, 3600, '2026-10-01T06:00:00.000+0200');
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'issues' } });
    expect((await head(site)).refreshed?.recent[0]?.overageSeconds).toBe((overageBefore ?? 0) + 3600);
    await expectFullRefreshFindsStored(site.deps, 'gold');
  });

  it('reads the whole plan when an event changed a period before the reporting period', async () => {
    const site = await refreshedSite();
    await site.logWork(GOLD_ISSUES.first.id, 3600, SEPTEMBER);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'plan', because: 'earlier-work-changed' } });
    await expectFullRefreshFindsStored(site.deps, 'gold');
  });

  it('reads the whole plan when the reporting period is not the one the last refresh stored', async () => {
    const site = await refreshedSite();
    await site.logWork(GOLD_ISSUES.first.id, 3600, OCTOBER);
    await site.simulator.idle();
    site.clock.advance(31 * 24 * 3600_000);
    expect(await runFiguresRefresh(site.deps, REFRESH)).toMatchObject({ read: { scope: 'plan', because: 'period-changed' } });
  });

  it('reads the whole plan when anything but a worklog event asked for the refresh', async () => {
    const site = await refreshedSite();
    await site.logWork(GOLD_ISSUES.first.id, 3600, OCTOBER);
    await site.simulator.idle();
    await requestFiguresRefresh(site.deps, 'gold');
    expect((await head(site)).request?.issues).toBeUndefined();
    expect(await runFiguresRefresh(site.deps, REFRESH)).toMatchObject({ read: { scope: 'plan', because: 'asked' } });
  });

  it.each([
    ['no-earlier-work', 'what the last refresh saw before the period is not stored (a release before it)', (site: SyncSite) => site.store.delete(earlierWorkKey('gold'))],
    ['no-statement-source', 'the reporting period has no statement source', (site: SyncSite) => site.store.delete(statementSourceKey('gold', '2026-10'))],
    [
      'record-missing',
      'an entry chunk of the reporting period is gone',
      async (site: SyncSite) => {
        const source = statementSourceSchema.parse(await site.store.get(statementSourceKey('gold', '2026-10')));
        for (const id of source.periods[0]?.chunks ?? []) await site.store.delete(entryChunkKey('gold', '2026-10', id));
      },
    ],
    ['record-missing', "an issue shard of the plan's figures is gone", (site: SyncSite) => site.store.delete(issueUsageKey('gold', 1, 0))],
    [
      'aggregate-rebuilt',
      'the aggregate was rebuilt since the last refresh saw it',
      (site: SyncSite) => site.store.update(earlierWorkKey('gold'), (value) => {
        const earlier = earlierWorkSchema.parse(value);
        return toJsonValue({ ...earlier, generation: earlier.generation + 1 });
      }),
    ],
    [
      'plan-edited',
      'the plan is not the version the last refresh read',
      (site: SyncSite) => site.store.update(planKey('gold'), (value) => toJsonValue({ ...(value as Record<string, never>), version: 2 })),
    ],
  ] as const)('reads the whole plan (%s) when %s', async (reason, _when, lose) => {
    const site = await refreshedSite();
    await lose(site);
    await site.logWork(GOLD_ISSUES.first.id, 3600, OCTOBER);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'plan', because: reason } });
    // The full refresh stored them again: the next event's refresh reads its issue only.
    await site.logWork(GOLD_ISSUES.first.id, 600, OCTOBER);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'issues' } });
  });

  it('drops the request when the plan is gone', async () => {
    const site = await refreshedSite();
    await site.logWork(GOLD_ISSUES.first.id, 3600, OCTOBER);
    await site.store.delete(planKey('gold'));
    expect(await refreshAfterEvents(site)).toEqual({ status: 'plan-gone' });
  });

  it('reads the whole plan when an issue id is not one the figures can hold in order', async () => {
    // Jira's issue ids are numbers; one from 2^32 - 1 on is no array index, so the issue shards would list it out of order.
    const large = buildIssue(9, { id: String(2 ** 32 - 1), properties: linkedTo('gold') });
    const site = await refreshedSite(await startSyncSite([...Object.values(GOLD_ISSUES), large]));
    await site.recompute('gold');
    await site.logWork(large.id, 3600, OCTOBER);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'plan', because: 'issue-id' } });
    await expectFullRefreshFindsStored(site.deps, 'gold');
  });

  it('reads the whole plan while the issue shards change their count, and only the issues once they have', async () => {
    const linked = Array.from({ length: ISSUES_PER_SHARD + 1 }, (_, index) => buildIssue(100 + index, { properties: linkedTo('gold') }));
    const site = await startSyncSite(linked);
    await site.recompute('gold');
    for (const issue of linked.slice(0, ISSUES_PER_SHARD)) await site.logWork(issue.id, 600, OCTOBER);
    await site.settle();
    expect((await head(site)).refreshed?.issueShardCount).toBe(1);

    const last = linked[ISSUES_PER_SHARD]?.id ?? '';
    await site.logWork(last, 600, OCTOBER);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'plan', because: 'issue-shards-resized' } });
    expect((await head(site)).refreshed?.issueShardCount).toBe(2);
    // The refresh after the one that resized deletes the shards of the count before.
    await site.logWork(last, 600, OCTOBER);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'plan', because: 'issue-shards-resized' } });
    expect(await site.store.get(issueUsageKey('gold', 1, 0))).toBeUndefined();
    await site.logWork(last, 600, OCTOBER);
    expect(await refreshAfterEvents(site)).toMatchObject({ read: { scope: 'issues' } });
    await expectFullRefreshFindsStored(site.deps, 'gold');
  });
});

describe('a refresh request of worklog events', () => {
  it('writes nothing for an issue it names already, and asks for the whole plan past its bound', async () => {
    const site = await refreshedSite();
    await requestFiguresRefresh(site.deps, 'gold', { issueId: '1' });
    site.storage.resetUsage();
    await requestFiguresRefresh(site.deps, 'gold', { issueId: '1' });
    expect(site.storage.usage()).toMatchObject({ reads: 1, writes: 0 });

    for (let issue = 2; issue <= REQUEST_ISSUES_MAX; issue += 1) await requestFiguresRefresh(site.deps, 'gold', { issueId: String(issue) });
    expect((await head(site)).request?.issues).toHaveLength(REQUEST_ISSUES_MAX);
    await requestFiguresRefresh(site.deps, 'gold', { issueId: String(REQUEST_ISSUES_MAX + 1) });
    expect((await head(site)).request).toEqual({ requestedAt: expect.any(Number) as number });
    // Once it asks for the whole plan, an event's request adds nothing.
    site.storage.resetUsage();
    await requestFiguresRefresh(site.deps, 'gold', { issueId: '1' });
    expect(site.storage.usage()).toMatchObject({ writes: 0 });
  });
});

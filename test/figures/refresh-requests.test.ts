/**
 * Refresh requests live in the plan's figures head, beside the figures the last refresh stored: requests
 * coalesce, and neither a request nor the refresh loses the other's write of the head.
 */
import { figuresHeadKey } from '../../src/app/figures/figures-keys';
import { figuresHeadOf } from '../../src/app/figures/figures-records';
import { checkPlanAlerts } from '../../src/app/alerts/check-plan-alerts';
import { toJsonValue } from '../../src/app/plans/to-json-value';
import { COALESCE_SECONDS, fullRefreshDueAt, requestFiguresRefresh, SPACING_MS_PER_1000_WORKLOGS } from '../../src/app/figures/request-figures-refresh';
import { runFiguresRefresh } from '../../src/app/figures/run-figures-refresh';
import type { Store } from '../../src/app/ports/store';
import { SYNC_QUEUE_KEY } from '../../src/app/sync/sync-deps';
import { GOLD_ISSUES, startGoldSite, type SyncSite } from '../sync/sync-site';

const HEAD = figuresHeadKey('gold');
const REFRESH = { kind: 'refresh-figures', planId: 'gold' } as const;

async function head(site: SyncSite) {
  return figuresHeadOf(await site.store.get(HEAD));
}

/** The site's store, but `meanwhile` runs just before the `nth` update of the head (by default a refresh's commit, after its take). */
function racingStore(site: SyncSite, meanwhile: () => Promise<unknown>, nth = 2): Store {
  const store = site.store;
  let headUpdates = 0;
  return {
    get: (key) => store.get(key),
    getVersioned: (key) => store.getVersioned(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    listByPrefix: (prefix, options) => store.listByPrefix(prefix, options),
    transact: (operations) => store.transact(operations),
    async update(key, updater, options) {
      if (key === HEAD && ++headUpdates === nth) await meanwhile();
      return store.update(key, updater, options);
    },
  };
}

describe('refresh requests in the figures head', () => {
  it('coalesce: a request while one waits reads the head once, writes nothing and queues nothing', async () => {
    const site = await startGoldSite();
    expect(await requestFiguresRefresh(site.deps, 'gold')).toBe(true);
    const pushed = jest.spyOn(site.queue, 'push');
    site.storage.resetUsage();

    expect(await requestFiguresRefresh(site.deps, 'gold')).toBe(false);
    expect(site.storage.usage()).toMatchObject({ reads: 1, writes: 0 });
    expect(pushed).not.toHaveBeenCalled();
    // The figures stay readable beside the request: a card says they are being updated.
    expect((await head(site)).refreshed?.planKey).toBe('gold');
  });

  it('keep a request made while the refresh runs: the refresh keeps it and runs again', async () => {
    const site = await startGoldSite();
    await site.logWork(GOLD_ISSUES.first.id, 3600);
    await site.simulator.idle();
    const requestMeanwhile = () => requestFiguresRefresh(site.deps, 'gold');

    // The event asked for a refresh; it runs now, and a request comes in after it took the request, before it writes the head.
    expect(await runFiguresRefresh({ ...site.deps, store: racingStore(site, requestMeanwhile) }, REFRESH)).toMatchObject({ status: 'refreshed', again: true });
    const kept = await head(site);
    expect(kept.request).toEqual({ requestedAt: expect.any(Number) as number });
    expect(kept.refreshed?.worklogCount).toBe(1);

    // The refresh queued itself again; once it ran, nothing is asked any more.
    await site.queue.drain([SYNC_QUEUE_KEY]);
    expect((await head(site)).request).toBeNull();
  });

  it('keep a request made while an alert check writes the period\'s active alerts into the head', async () => {
    const site = await startGoldSite();
    // As a release before alerts in the head left it: the check writes them.
    const { alerts: _alerts, ...withoutAlerts } = await head(site);
    await site.store.set(HEAD, toJsonValue(withoutAlerts));
    const requestMeanwhile = () => requestFiguresRefresh(site.deps, 'gold');

    await checkPlanAlerts({ ...site.deps, store: racingStore(site, requestMeanwhile, 1) }, 'gold');
    const kept = await head(site);
    expect([kept.request, kept.alerts]).toEqual([{ requestedAt: expect.any(Number) as number }, { periodLabel: '2026-10', active: [] }]);
  });

  it('clear the request a refresh took when nobody asked again', async () => {
    const site = await startGoldSite();
    await requestFiguresRefresh(site.deps, 'gold');
    expect(await runFiguresRefresh(site.deps, REFRESH)).toMatchObject({ status: 'refreshed', again: false });
    expect((await head(site)).request).toBeNull();
    expect(await runFiguresRefresh(site.deps, REFRESH)).toEqual({ status: 'nothing-asked' });
  });
});

describe('refreshes of a large plan', () => {
  const OCTOBER = '2026-10-05T09:00:00.000+0200';
  const SEPTEMBER = '2026-09-15T09:00:00.000+0200';
  /** The plan's spacing once its head says it has 100,000 worklogs: a minute between readings of the whole plan. */
  const SPACING_MS = 100 * SPACING_MS_PER_1000_WORKLOGS;

  /** A site whose last refresh just counted 100,000 worklogs, and a record of the delays jobs are queued with. */
  async function largePlan() {
    const site = await startGoldSite();
    await site.logWork(GOLD_ISSUES.first.id, 3600, OCTOBER);
    await site.settle();
    await site.store.update(HEAD, (current) => {
      const stored = figuresHeadOf(current);
      return toJsonValue({ ...stored, refreshed: stored.refreshed && { ...stored.refreshed, worklogCount: 100_000 } });
    });
    const refreshedAt = (await head(site)).refreshed?.refreshedAt ?? 0;
    const delays: number[] = [];
    jest.spyOn(site.queue, 'push').mockImplementation((_queueKey, _body, options) => {
      delays.push(options?.delayInSeconds ?? 0);
      return Promise.resolve('job');
    });
    return { site, refreshedAt, delays };
  }

  it("refresh an event's issues within seconds, and wait the plan's spacing for a refresh of the whole plan", async () => {
    const { site, refreshedAt, delays } = await largePlan();
    await site.logWork(GOLD_ISSUES.second.id, 1800, OCTOBER);
    await site.simulator.idle();
    expect(delays).toEqual([COALESCE_SECONDS]);
    expect(await runFiguresRefresh(site.deps, REFRESH)).toMatchObject({ status: 'refreshed', read: { scope: 'issues' } });

    delays.length = 0;
    await requestFiguresRefresh(site.deps, 'gold');
    const refreshed = (await head(site)).refreshed;
    expect(refreshed?.refreshedAt).toBeGreaterThan(refreshedAt);
    expect(delays).toEqual([Math.ceil((fullRefreshDueAt(refreshed ?? null) - site.clock.now()) / 1000)]);
    expect(delays[0]).toBeGreaterThanOrEqual(SPACING_MS / 1000 - 1);
  });

  it('defer, once, a refresh that must read the whole plan sooner than its spacing: its job runs when the queue runs it again', async () => {
    const { site, refreshedAt, delays } = await largePlan();
    // Work in an earlier period: the event's refresh must read the whole plan.
    await site.logWork(GOLD_ISSUES.second.id, 1800, SEPTEMBER);
    await site.simulator.idle();
    delays.length = 0;
    site.storage.resetUsage();
    expect(await runFiguresRefresh(site.deps, REFRESH)).toEqual({ status: 'deferred', dueAt: refreshedAt + SPACING_MS });
    // The head only: the request taken, then left for later.
    expect(site.storage.usage()).toMatchObject({ writes: 2, writeUnits: 2 });
    expect(delays).toEqual([Math.ceil((refreshedAt + SPACING_MS - site.clock.now()) / 1000)]);
    expect((await head(site)).request).toEqual({ requestedAt: expect.any(Number) as number, deferred: true });
    expect((await head(site)).refreshed?.refreshedAt).toBe(refreshedAt);

    // Run by a queue that ignores delays, it refreshes all the same: the queue's delay is what spaces it.
    expect(await runFiguresRefresh(site.deps, REFRESH)).toMatchObject({ status: 'refreshed', read: { scope: 'plan', because: 'asked' } });
    expect((await head(site)).request).toBeNull();
  });

  it("defer an event's refresh whose request was widened to the whole plan while it waited", async () => {
    const { site, refreshedAt } = await largePlan();
    await site.logWork(GOLD_ISSUES.second.id, 1800, OCTOBER);
    await site.simulator.idle();
    await requestFiguresRefresh(site.deps, 'gold');
    expect(await runFiguresRefresh(site.deps, REFRESH)).toEqual({ status: 'deferred', dueAt: refreshedAt + SPACING_MS });
  });
});

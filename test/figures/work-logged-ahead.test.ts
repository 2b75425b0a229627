/**
 * Work logged ahead of a refresh (agents booking the rest of the month in advance) keeps the plan's
 * stored figures the same small size, and the figures equal a full replay of the plan's aggregate
 * at every instant they answer for; past that, reads say the figures are being updated, and a check the refresh
 * queued for that instant (pushed again every 15 minutes until then) asks for the refresh; the hourly
 * reconciliation would too.
 */
import { loadPlanLedgerInput } from '../../src/app/aggregates/load-plan-ledger-input';
import { figuresPrefix } from '../../src/app/figures/figures-keys';
import { figuresExpireAfter, readFiguresHead } from '../../src/app/figures/read-plan-figures';
import { fullRefreshDueAt, requestFiguresRefresh } from '../../src/app/figures/request-figures-refresh';
import { MAX_DELAY_SECONDS } from '../../src/app/ports/queue';
import { runFiguresRefresh } from '../../src/app/figures/run-figures-refresh';
import type { WorkQueue } from '../../src/app/ports/queue';
import type { JsonValue } from '../../src/app/ports/store';
import type { SyncDeps } from '../../src/app/sync/sync-deps';
import { syncJobSchema, type RefreshFiguresJob } from '../../src/app/sync/sync-jobs';
import { listAll } from '../../src/app/plans/list-all';
import { identityOf, loadPlan } from '../../src/app/plans/plan-repository';
import { FORGE_KVS_LIMITS } from '../../src/app/ports/store';
import { currentFigures } from '../../src/app/usage/current-figures';
import { reportingPeriod } from '../../src/app/usage/reporting-period';
import { buildHistory, statementFigures } from '../../src/ledger';
import { buildIssue, buildWorklog, T0 } from '../jira-simulator/site';
import { linkedTo, startSyncSite, type SyncSite } from '../sync/sync-site';

const ISSUE = buildIssue(1, { properties: linkedTo('gold') });
const QUARTER_HOUR_MS = 15 * 60_000;
/** Worklogs started after the site's clock (1 October, 12:00 UTC): one every quarter of an hour through October and into November. */
const AHEAD = 4_000;

const startedAt = (instant: number): string => new Date(instant).toISOString().replace('Z', '+0000');

async function startSite(): Promise<SyncSite> {
  const worklogs = [
    buildWorklog(100, ISSUE, { started: '2026-10-01T08:00:00.000+0000', timeSpentSeconds: 2 * 3600 }),
    ...Array.from({ length: AHEAD }, (_, index) => buildWorklog(1_000 + index, ISSUE, { started: startedAt(T0 + (index + 1) * QUARTER_HOUR_MS), timeSpentSeconds: 600 })),
  ];
  const site = await startSyncSite([ISSUE], worklogs);
  await site.recompute('gold');
  await site.settle();
  return site;
}

/** The reporting period's figures the surfaces read, against a replay of the plan's aggregate as of now. */
async function expectCurrentFiguresEqualReplay(site: SyncSite): Promise<{ readonly refreshing: boolean }> {
  const stored = await loadPlan(site.store, 'gold');
  if (stored === undefined) throw new Error('no plan gold');
  const now = site.clock.now();
  const input = await loadPlanLedgerInput(site.store, identityOf(stored));
  const replayed = buildHistory({ plan: stored.plan, ...input, throughPeriod: reportingPeriod(stored.plan, now).label, asOf: now }).at(-1);
  if (replayed === undefined) throw new Error('no current period');
  const read = await currentFigures(site.deps, stored);
  expect(read.figures).toEqual(statementFigures(replayed));
  return { refreshing: read.refreshing };
}

describe('work logged ahead of the refresh', () => {
  it('keeps every figures value of the plan within one read unit', async () => {
    const site = await startSite();
    const values = await listAll(site.store, figuresPrefix('gold'));
    expect(values.map((entry) => entry.key)).toContain('fig:gold:head');
    const overOneUnit = values.filter((entry) => JSON.stringify(entry.value).length >= FORGE_KVS_LIMITS.usageUnitBytes).map((entry) => entry.key);
    expect(overOneUnit).toEqual([]);
  });

  it('answers exactly as a full replay until the work it leaves out starts, then is refreshed', async () => {
    const site = await startSite();
    const { refreshed } = await readFiguresHead(site.store, 'gold');
    const expiresAfter = refreshed && figuresExpireAfter(refreshed);
    if (expiresAfter === null) throw new Error('expected figures that leave work out');

    expect(await expectCurrentFiguresEqualReplay(site)).toEqual({ refreshing: false });
    site.clock.advance(expiresAfter - site.clock.now());
    expect(await expectCurrentFiguresEqualReplay(site)).toEqual({ refreshing: false });

    // Past it the figures are as of that instant and being updated, until the hourly reconciliation refreshes them.
    site.clock.advance(1);
    const stored = await loadPlan(site.store, 'gold');
    if (stored === undefined) throw new Error('no plan gold');
    const outdated = await currentFigures(site.deps, stored);
    expect([outdated.refreshing, outdated.figures.forecast?.asOf]).toEqual([true, expiresAfter]);
    await site.reconcile();
    expect(await expectCurrentFiguresEqualReplay(site)).toEqual({ refreshing: false });
    const later = (await readFiguresHead(site.store, 'gold')).refreshed;
    expect(later && figuresExpireAfter(later)).toBeGreaterThan(expiresAfter);
  });

  it('asks for the refresh itself once that instant has passed, through a check pushed again every 15 minutes until then', async () => {
    const site = await startSite();
    const recorded = recordingPushes(site.deps);
    // A refresh as the queue runs it, on the site's clock (once the plan's spacing since the last has passed): it
    // queues the check of the instant its figures answer through.
    site.clock.advance(Math.max(0, fullRefreshDueAt((await readFiguresHead(site.store, 'gold')).refreshed) - site.clock.now()));
    await requestFiguresRefresh(recorded.deps, 'gold');
    await runFiguresRefresh(recorded.deps, refreshJob(recorded.take()));
    const { refreshed } = await readFiguresHead(site.store, 'gold');
    const until = refreshed && figuresExpireAfter(refreshed);
    if (until === null) throw new Error('expected figures that leave work out');
    expect(until - site.clock.now()).toBeGreaterThan(MAX_DELAY_SECONDS * 1000);

    // Run by a queue that runs every job at once, the check is dropped rather than pushed again at once.
    let check = recorded.take();
    expect(await runFiguresRefresh(recorded.deps, refreshJob(check))).toEqual({ status: 'horizon', check: 'early' });
    expect(recorded.pushed).toEqual([]);

    // Run when due, it is pushed again, 15 minutes at most each time, without asking for a refresh, until that instant has passed.
    let hops = 0;
    let outcome = 'waiting';
    while (outcome === 'waiting') {
      expect(check.delayInSeconds).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
      expect((await readFiguresHead(site.store, 'gold')).request).toBeNull();
      site.clock.advance(check.delayInSeconds * 1000);
      const ran = await runFiguresRefresh(recorded.deps, refreshJob(check));
      outcome = ran.status === 'horizon' ? ran.check : ran.status;
      hops += 1;
      if (outcome === 'waiting') check = recorded.take();
    }
    expect([outcome, hops > 1]).toEqual(['requested', true]);
    // Within a second of the instant: a read after it is outdated for the refresh's few seconds only.
    expect(site.clock.now() - until).toBeGreaterThan(0);
    expect(site.clock.now() - until).toBeLessThanOrEqual(1000);
    expect((await readFiguresHead(site.store, 'gold')).request).not.toBeNull();

    // The refresh it asked for stores figures answering now, with a later horizon.
    await runFiguresRefresh(recorded.deps, refreshJob(recorded.take()));
    expect(await expectCurrentFiguresEqualReplay(site)).toEqual({ refreshing: false });
    // A check of the old horizon finds it superseded.
    expect(await runFiguresRefresh(recorded.deps, refreshJob(check))).toEqual({ status: 'horizon', check: 'superseded' });
  });
});

interface Pushed {
  readonly body: JsonValue;
  readonly delayInSeconds: number;
}

/** The site's deps with a queue that records what is pushed instead of running it: the test runs each job when it chooses. */
function recordingPushes(deps: SyncDeps): { readonly deps: SyncDeps; readonly pushed: Pushed[]; take(): Pushed } {
  const pushed: Pushed[] = [];
  const queue: WorkQueue = {
    push: (_queueKey, body, options = {}) => {
      pushed.push({ body, delayInSeconds: options.delayInSeconds ?? 0 });
      return Promise.resolve(`job-${String(pushed.length)}`);
    },
  };
  return {
    deps: { ...deps, queue },
    pushed,
    take: () => {
      const [first, ...rest] = pushed.splice(0, pushed.length);
      if (first === undefined || rest.length > 0) throw new Error(`${String(rest.length + (first === undefined ? 0 : 1))} jobs pushed, one expected`);
      return first;
    },
  };
}

function refreshJob(pushed: Pushed): RefreshFiguresJob {
  const job = syncJobSchema.parse(pushed.body);
  if (job.kind !== 'refresh-figures') throw new Error(`a ${job.kind} job was pushed`);
  return job;
}

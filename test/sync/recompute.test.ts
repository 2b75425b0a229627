import { AggregateReader } from '../../src/app/aggregates/aggregate-reader';
import { generationPrefix } from '../../src/app/aggregates/keys';
import { figuresHeadKey } from '../../src/app/figures/figures-keys';
import { figuresHeadOf } from '../../src/app/figures/figures-records';
import { issueLinkChanged } from '../../src/app/sync/issue-link-changed';
import { requestRecompute } from '../../src/app/sync/request-recompute';
import { runSyncJob } from '../../src/app/sync/run-sync-job';
import { SYNC_QUEUE_KEY } from '../../src/app/sync/sync-deps';
import { syncJobSchema } from '../../src/app/sync/sync-jobs';
import { LocalQueue } from '../../src/local/events/local-queue';
import { AGENT, buildIssue, buildWorklog, call, SUP } from '../jira-simulator/site';
import { expectFullRefreshFindsStored } from '../figures/refresh-now';
import { aggregatedLedgerInput, linkedTo, sortedTruth, startSyncSite, storedAs } from './sync-site';

const issues = Array.from({ length: 120 }, (_, index) => buildIssue(index + 1, { properties: linkedTo('gold') }));
const worklogs = issues.flatMap((issue, index) =>
  Array.from({ length: 1 + (index % 25) }, (_, n) => buildWorklog(100_000 + index * 100 + n, issue, { timeSpentSeconds: 60 * (n + 1) })),
);

describe('full recompute', () => {
  it('reads the plan in chunks through the queue and swaps generations only at the end', async () => {
    const site = await startSyncSite(issues, worklogs);
    const queue = new LocalQueue({ mode: 'manual' });
    const deps = { ...site.deps, queue };
    const outcomes: string[] = [];
    const readerViews: number[] = [];
    queue.consume(SYNC_QUEUE_KEY, async (event) => {
      const view = (await aggregatedLedgerInput(site, 'gold')).worklogs.length;
      const outcome = await runSyncJob(deps, syncJobSchema.parse(event.body), { readMs: 60_000, maxPages: 1 });
      // Each chunk's watch over itself, run at once by this queue, is dropped (crash-safe-recompute.test.ts runs them on time).
      if (outcome.status === 'watched') return;
      readerViews.push(view);
      outcomes.push(outcome.status);
    });

    await requestRecompute(deps, storedAs('gold').internalId);
    await queue.drain();

    // The swap asks for the figures to be refreshed from the new generation, before the old one is dropped.
    expect(outcomes).toEqual(['continued', 'swapped', 'refreshed', 'dropped']);
    expect(readerViews).toEqual([0, 0, worklogs.length, worklogs.length]);
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    expect(await site.store.listByPrefix(generationPrefix('gold', 0))).toEqual({ entries: [] });
    expect((await new AggregateReader(site.store).head('gold'))?.worklogCount).toBe(worklogs.length);
  });

  it('runs one recompute at a time: a request made while one is under way joins it', async () => {
    const site = await startSyncSite(issues.slice(0, 3));

    expect(await requestRecompute(site.deps, storedAs('gold').internalId)).toBe(true);
    expect(await requestRecompute(site.deps, storedAs('gold').internalId)).toBe(false);
    await site.queue.drain();
    expect(await requestRecompute(site.deps, storedAs('gold').internalId)).toBe(true);
  });

  it('drops a chunk of a build that a newer one replaced', async () => {
    const site = await startSyncSite(issues.slice(0, 3));
    await requestRecompute(site.deps, storedAs('gold').internalId);
    site.clock.advance(16 * 60 * 1000);
    await requestRecompute(site.deps, storedAs('gold').internalId);

    const stale = { kind: 'recompute-chunk' as const, planId: 'gold', generation: 1, chunk: 0, pageToken: null, worklogCount: 0 };
    expect(await runSyncJob(site.deps, stale)).toEqual({ status: 'superseded' });
    await site.queue.drain();
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
  });

  it('takes in an issue linked while the build was under way, after the build had read its page, instead of waiting for reconciliation', async () => {
    const first = buildIssue(1);
    const joining = buildIssue(2);
    const site = await startSyncSite([first, joining], [first, joining].flatMap((issue, index) => [buildWorklog(200 + index * 10, issue), buildWorklog(201 + index * 10, issue)]));
    // As the issue panel does: the property written in Jira, then the app told (Jira sends no event for a property).
    const putOnGold = async (issueId: string) => {
      await site.link(issueId, 'gold');
      await issueLinkChanged({ ...site.deps, appJira: site.jira }, { issueId, projectId: SUP.id, link: { planId: storedAs('gold').internalId, billingClass: 'covered' } });
    };
    const readPage = site.jira.findPlanIssuesPage.bind(site.jira);
    let pagesRead = 0;
    site.jira.findPlanIssuesPage = async (query, pageToken) => {
      const page = await readPage(query, pageToken);
      pagesRead += 1;
      // The second issue joins the plan after the build (started by the first one's link) has read its page.
      if (pagesRead === 1) await putOnGold(joining.id);
      return page;
    };

    await putOnGold(first.id);
    await site.settle();

    expect((await aggregatedLedgerInput(site, 'gold')).worklogs.map((worklog) => worklog.issueId).sort()).toEqual([first.id, first.id, joining.id, joining.id]);
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    // The repair started a second build, which read the plan again.
    expect(pagesRead).toBe(2);
  });

  it('takes in worklogs created, edited and deleted while the build ran, on issues it had read already, at its swap instead of at the next reconciliation', async () => {
    const [first, second] = [buildIssue(1, { properties: linkedTo('gold') }), buildIssue(2, { properties: linkedTo('gold') })];
    const site = await startSyncSite([first, second], [buildWorklog(400, first), buildWorklog(401, first), buildWorklog(410, second)]);
    await site.recompute('gold');
    const readPage = site.jira.findPlanIssuesPage.bind(site.jira);
    let pagesRead = 0;
    site.jira.findPlanIssuesPage = async (query, pageToken) => {
      const page = await readPage(query, pageToken);
      pagesRead += 1;
      // After the build read both issues: their events reach the generation still live.
      if (pagesRead === 1) {
        await site.logWork(first.id, 1800, '2026-10-02T09:00:00.000+0200');
        await site.editWork(first.id, '401', 5400);
        await site.deleteWork(second.id, '410');
        await site.simulator.idle();
      }
      return page;
    };

    await site.recompute('gold');

    expect(pagesRead).toBe(1);
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    // The figures were refreshed after the changes were taken in: a refresh now finds them as it would store them.
    await expectFullRefreshFindsStored(site.deps, storedAs('gold').internalId);
  });

  it("takes in an issue's priority changed while the build ran, on a plan with no rule on it, at its swap", async () => {
    const issue = buildIssue(1, { properties: linkedTo('gold') });
    const site = await startSyncSite([issue], [buildWorklog(500, issue)]);
    await site.recompute('gold');
    const readPage = site.jira.findPlanIssuesPage.bind(site.jira);
    site.jira.findPlanIssuesPage = async (query, pageToken) => {
      const page = await readPage(query, pageToken);
      site.clock.advance(60_000);
      const edited = await call(site.simulator, AGENT, 'PUT', `/rest/api/3/issue/${issue.id}`, { fields: { priority: { name: 'Highest' } } });
      if (edited.status !== 204) throw new Error(`the edit answered ${String(edited.status)}`);
      await site.simulator.idle();
      return page;
    };

    await site.recompute('gold');

    // The history a later rule on priority would price by: the change is in it, as Jira's changelog has it.
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    expect((await aggregatedLedgerInput(site, 'gold')).links[0]?.attributes).toHaveLength(2);
  });

  it('does not take the link that started a recompute for a change the build missed: no repair after its swap', async () => {
    const issue = buildIssue(1);
    const site = await startSyncSite([issue], [buildWorklog(300, issue), buildWorklog(301, issue)]);
    const searchIds = site.jira.searchIssueIds.bind(site.jira);
    let searches = 0;
    site.jira.searchIssueIds = (jql, pageToken) => {
      searches += 1;
      return searchIds(jql, pageToken);
    };

    await site.link(issue.id, 'gold');
    await issueLinkChanged({ ...site.deps, appJira: site.jira }, { issueId: issue.id, projectId: SUP.id, link: { planId: storedAs('gold').internalId, billingClass: 'covered' } });
    expect(figuresHeadOf(await site.store.get(figuresHeadKey(storedAs('gold').internalId)))).toMatchObject({ rebuilding: true });
    expect(figuresHeadOf(await site.store.get(figuresHeadKey(storedAs('gold').internalId))).changedWhileRebuilding).toBeUndefined();
    await site.settle();

    expect(searches).toBe(0);
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
  });
});

import { AggregateReader } from '../../src/app/aggregates/aggregate-reader';
import { headKey } from '../../src/app/aggregates/keys';
import { FEED_LAG_MS, GOLD_ISSUES, aggregatedLedgerInput, sortedTruth, startGoldSite, storedAs, type SyncSite } from './sync-site';

const { first: issueA, second: issueB, unlinked: issueC } = GOLD_ISSUES;

async function goldSite(): Promise<SyncSite> {
  const site = await startGoldSite();
  await site.reconcile();
  return site;
}

function dropAllEvents(site: SyncSite): void {
  site.simulator.faults.events.drop = { probability: 1 };
}

describe('reconciliation', () => {
  it('repairs creates, edits and deletes whose events were lost', async () => {
    const site = await goldSite();
    const kept = await site.logWork(issueA.id, 3600);
    await site.settle();
    dropAllEvents(site);
    const edited = await site.logWork(issueA.id, 600);
    await site.editWork(issueA.id, edited, 1200);
    await site.deleteWork(issueA.id, kept);
    await site.logWork(issueB.id, 2400);
    await site.settle();
    expect((await aggregatedLedgerInput(site, 'gold')).worklogs.map((worklog) => worklog.id)).toEqual([kept]);

    await site.reconcile();

    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    expect((await aggregatedLedgerInput(site, 'gold')).worklogs.map((worklog) => worklog.timeSpentSeconds)).toEqual([1200, 2400]);
  });

  it('drops a deleted issue and its worklogs, which Jira announces with no event', async () => {
    const site = await goldSite();
    await site.logWork(issueA.id, 3600);
    await site.logWork(issueB.id, 1800);
    await site.settle();

    await site.deleteIssue(issueB.id);
    await site.reconcile();

    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    expect((await aggregatedLedgerInput(site, 'gold')).links.map((link) => link.issueId)).toEqual([issueA.id]);
    expect(await site.deps.jira.getIssueLink(issueB.id)).toBeNull();
  });

  it('recomputes a plan that issues joined without an event, with the work they already had', async () => {
    const site = await goldSite();
    await site.logWork(issueC.id, 3600);
    await site.logWork(issueC.id, 600);
    await site.settle();

    await site.link(issueC.id, 'gold', 'extra');
    await site.reconcile();

    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    expect((await aggregatedLedgerInput(site, 'gold')).links.find((link) => link.issueId === issueC.id)?.billingClass).toBe('extra');
  });

  it('reads a plan\'s aggregate head once to repair its issues and once to replay their changed worklogs, not once an issue', async () => {
    const site = await goldSite();
    dropAllEvents(site);
    for (const issue of [issueA, issueB]) {
      await site.logWork(issue.id, 600);
      await site.link(issue.id, 'gold', 'extra');
    }
    await site.settle();
    const requests = [jest.spyOn(site.store, 'get'), jest.spyOn(site.store, 'getVersioned'), jest.spyOn(site.store, 'update')];
    const headRequests = () => requests.flatMap((spy) => spy.mock.calls.map((call) => call[0])).filter((key) => key === headKey('gold')).length;

    site.clock.advance(FEED_LAG_MS);
    await site.sync.handlers.onReconcile();

    expect(headRequests()).toBe(2);
    await site.settle();
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
  });

  it('fixes a billing class changed without an event, with no recompute', async () => {
    const site = await goldSite();
    await site.logWork(issueA.id, 3600);
    await site.settle();
    const generationBefore = (await new AggregateReader(site.store).head(storedAs('gold').internalId))?.generation;

    await site.link(issueA.id, 'gold', 'non-billable');
    await site.reconcile();

    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    expect((await new AggregateReader(site.store).head(storedAs('gold').internalId))?.generation).toBe(generationBefore);
  });

  it('moves the watermark on, so the next run reads only what changed since the last', async () => {
    const site = await goldSite();
    await site.logWork(issueA.id, 3600);
    await site.reconcile();
    site.simulator.resetStats();

    await site.reconcile();

    // Only the change at the watermark itself is read again (the feed includes `since`).
    expect(site.simulator.stats.byRoute['GET /rest/api/3/worklog/updated']).toEqual({ calls: 1, points: 2 });
    expect(site.simulator.stats.byRoute['GET /rest/api/3/worklog/deleted']).toEqual({ calls: 1, points: 1 });
  });
});

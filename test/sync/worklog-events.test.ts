import { projectSettingsKey } from '../../src/app/settings/project-settings';
import { SUP } from '../jira-simulator/site';
import { AggregateReader } from '../../src/app/aggregates/aggregate-reader';
import { emptyRecent, encodePart, newEntry, withEntry } from '../../src/app/aggregates/aggregate-codec';
import { recentKey, sealedKey } from '../../src/app/aggregates/keys';
import { SEAL_BYTES } from '../../src/app/aggregates/recent-value';
import { shardOf } from '../../src/app/aggregates/shard-of';
import { SEALS_BEFORE_RECOMPUTE } from '../../src/app/sync/apply-worklog-event';
import { buildWorklog } from '../../src/ledger/test-builders';
import { GOLD_ISSUES, aggregatedLedgerInput, captureEvents, sortedTruth, startGoldSite, storedAs, worklogEvents } from './sync-site';

const { first: issueA, second: issueB, unlinked } = GOLD_ISSUES;

describe('worklog events', () => {
  it('adds a logged worklog to its plan with one Jira call, one write of its part and one asking for a refresh of the figures', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    await site.logWork(issueA.id, 5400);
    await site.logWork(issueB.id, 1800);
    await site.logWork(issueA.id, 900);
    await site.simulator.idle();
    const [first, second, third] = worklogEvents(events);
    site.jira.resetStats();
    site.storage.resetUsage();

    await site.sync.handlers.onWorklogEvent(first);
    expect(site.jira.stats().calls).toBe(1);
    expect(site.storage.usage()).toMatchObject({ writes: 2, writeUnits: 2 });

    // The refresh asked for by the first event is still queued: the second writes its part and adds its issue to the
    // request (the refresh reads the events' issues only), the third, of an issue the request names, only its part.
    site.storage.resetUsage();
    await site.sync.handlers.onWorklogEvent(second);
    expect(site.storage.usage()).toMatchObject({ writes: 2, writeUnits: 2 });
    site.storage.resetUsage();
    await site.sync.handlers.onWorklogEvent(third);
    expect(site.storage.usage()).toMatchObject({ writes: 1, writeUnits: 1 });
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
  });

  it('treats a duplicate event as a no-op', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    await site.logWork(issueA.id, 3600);
    await site.simulator.idle();
    const [created] = worklogEvents(events);
    await site.sync.handlers.onWorklogEvent(created);
    site.storage.resetUsage();

    await site.sync.handlers.onWorklogEvent(created);

    expect(site.storage.usage().writes).toBe(0);
    expect((await aggregatedLedgerInput(site, 'gold')).worklogs).toHaveLength(1);
  });

  it('never lets an older update overwrite a newer one', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    const worklogId = await site.logWork(issueA.id, 3600);
    await site.editWork(issueA.id, worklogId, 7200);
    await site.editWork(issueA.id, worklogId, 1800);
    await site.simulator.idle();

    for (const event of worklogEvents(events).reverse()) await site.sync.handlers.onWorklogEvent(event);

    const { worklogs } = await aggregatedLedgerInput(site, 'gold');
    expect(worklogs.map((worklog) => worklog.timeSpentSeconds)).toEqual([1800]);
  });

  it('keeps a deleted worklog deleted when its create and update arrive late', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    const worklogId = await site.logWork(issueA.id, 3600);
    await site.editWork(issueA.id, worklogId, 7200);
    await site.deleteWork(issueA.id, worklogId);
    await site.simulator.idle();
    const [created, updated, deleted] = worklogEvents(events);

    await site.sync.handlers.onWorklogEvent(deleted);
    await site.sync.handlers.onWorklogEvent(created);
    await site.sync.handlers.onWorklogEvent(updated);

    expect((await aggregatedLedgerInput(site, 'gold')).worklogs).toEqual([]);
  });

  it('moves every worklog of an issue re-linked to another plan', async () => {
    const site = await startGoldSite();
    await site.logWork(issueA.id, 3600);
    await site.logWork(issueA.id, 1800);
    await site.logWork(issueB.id, 900);
    await site.settle();

    await site.link(issueA.id, 'silver', 'extra');
    await site.logWork(issueA.id, 600);
    await site.settle();

    expect(await aggregatedLedgerInput(site, 'silver')).toEqual(sortedTruth(site.simulator, 'silver'));
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    expect((await aggregatedLedgerInput(site, 'silver')).worklogs.map((worklog) => worklog.timeSpentSeconds)).toEqual([3600, 1800, 600]);
  });

  it(`seals a full recent value with the event that fills it, and recomputes the plan at the ${SEALS_BEFORE_RECOMPUTE}th seal of a shard`, async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    await site.logWork(issueA.id, 1800);
    await site.simulator.idle();
    const [event] = worklogEvents(events);
    const planId = storedAs('gold').internalId;
    const head = await new AggregateReader(site.store).head(planId);
    if (head === undefined || event === undefined) throw new Error('gold has no aggregate, or no event came');
    const shard = shardOf(issueA.id, head.shardCount);
    // The shard has sealed all but one value, and its recent value is nearly full (of another issue's work).
    const filler = Array.from({ length: Math.ceil(SEAL_BYTES / 60) }, (_, index) => buildWorklog({ id: String(900_000 + index), issueId: '29999' }));
    const recent = withEntry(emptyRecent(SEALS_BEFORE_RECOMPUTE - 1), '29999', newEntry({ billingClass: 'covered', issueKey: '', summary: '' }, filler));
    await site.store.set(recentKey(planId, head.generation, shard), encodePart(recent));

    await site.sync.handlers.onWorklogEvent(event);

    expect(await site.store.get(sealedKey(planId, head.generation, shard, SEALS_BEFORE_RECOMPUTE - 1))).toBeDefined();
    expect(await site.store.get(recentKey(planId, head.generation, shard))).toEqual(encodePart(emptyRecent(SEALS_BEFORE_RECOMPUTE)));
    expect((await new AggregateReader(site.store).head(planId))?.building?.generation).toBe(head.generation + 1);
  });

  it('ignores work on issues linked to no plan, with no write', async () => {
    const site = await startGoldSite();
    site.storage.resetUsage();

    await site.logWork(unlinked.id, 3600);
    await site.settle();

    expect(site.storage.usage().writes).toBe(0);
  });

  it('loses no update when events for the same part are handled at the same time', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    for (let index = 0; index < 12; index += 1) await site.logWork(index % 2 === 0 ? issueA.id : issueB.id, 60 * (index + 1));
    await site.simulator.idle();

    await Promise.all(worklogEvents(events).map((event) => site.sync.handlers.onWorklogEvent(event)));

    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
    expect((await aggregatedLedgerInput(site, 'gold')).worklogs).toHaveLength(12);
  });
});

describe('issue-created events', () => {
  it("links a new issue to the project's default plan, so its first worklog needs no recompute", async () => {
    const site = await startGoldSite();
    await site.store.set(projectSettingsKey(SUP.id), { defaultPlanId: 'gold', version: 1 });
    const id = await site.createIssue('Printer on fire');
    await site.settle();
    const generationBefore = (await new AggregateReader(site.store).head(storedAs('gold').internalId))?.generation;

    await site.logWork(id, 3600);
    await site.settle();

    expect(site.simulator.snapshot().issues.find((issue) => issue.id === id)?.properties['support-plan']).toEqual({
      planId: 'gold',
      billingClass: 'covered',
      linkedBy: 'project-default',
    });
    expect((await new AggregateReader(site.store).head(storedAs('gold').internalId))?.generation).toBe(generationBefore);
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
  });

  it('leaves new issues alone in a project without a default plan', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    await site.createIssue('Quiet');
    await site.simulator.idle();
    site.jira.resetStats();

    await site.sync.handlers.onIssueCreated(events[0]);

    expect(site.jira.stats().calls).toBe(0);
  });
});

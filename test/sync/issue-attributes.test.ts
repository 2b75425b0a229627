import { SYNC_QUEUE_KEY } from '../../src/app/sync/sync-deps';
import type { IssueUpdatedEvent } from '../../src/jira-simulator/events';
import type { MultiplierRule } from '../../src/ledger/types';
import { AGENT, call } from '../jira-simulator/site';
import { GOLD_ISSUES, SUP_PLANS, aggregatedLedgerInput, captureEvents, sortedTruth, startGoldSite, startSyncSite, storeSupPlan, type SyncSite } from './sync-site';

const { first: issueA, second: issueB, unlinked } = GOLD_ISSUES;

async function edit(site: SyncSite, issueId: string, fields: Record<string, unknown>): Promise<void> {
  site.clock.advance(60_000);
  const answer = await call(site.simulator, AGENT, 'PUT', `/rest/api/3/issue/${issueId}`, { fields });
  if (answer.status !== 204) throw new Error(`edit answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

const updates = (events: readonly unknown[]): IssueUpdatedEvent[] =>
  events.filter((event): event is IssueUpdatedEvent => (event as { eventType?: string }).eventType === 'avi:jira:updated:issue');

describe('an issue\'s priority and types over time', () => {
  it('are kept from issue-updated events, equal to what a recompute reads from Jira\'s changelog', async () => {
    const site = await startGoldSite();
    await site.logWork(issueA.id, 3600, '2026-10-01T12:00:30.000+0000');
    await edit(site, issueA.id, { priority: { name: 'Highest' } });
    const changedAt = site.clock.now();
    await edit(site, issueA.id, { issuetype: { name: 'Bug' }, summary: 'Server down' });
    await edit(site, issueB.id, { summary: 'Only the summary' });
    await site.settle();

    const byEvents = await aggregatedLedgerInput(site, 'gold');
    expect(byEvents).toEqual(sortedTruth(site.simulator, 'gold'));
    const attributesOfA = byEvents.links.find((link) => link.issueId === issueA.id)?.attributes;
    expect(attributesOfA).toEqual([
      { since: 0, priority: '3', issueType: '10003' },
      { since: changedAt, priority: '1', issueType: '10003' },
      { since: changedAt + 60_000, priority: '1', issueType: '10002' },
    ]);

    await site.recompute('gold');
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(byEvents);
  });

  it('end on the same history whatever the order and number of the events, with no Jira call and one write an event', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    await edit(site, issueA.id, { priority: { name: 'High' } });
    await edit(site, issueA.id, { priority: { name: 'Highest' } });
    await edit(site, issueA.id, { priority: { name: 'Low' } });
    await site.simulator.idle();
    const [first, second, third] = updates(events);
    if (first === undefined || second === undefined || third === undefined) throw new Error('three issue-updated events expected');

    site.jira.resetStats();
    site.storage.resetUsage();
    await site.sync.handlers.onIssueUpdated(third);
    expect(site.jira.stats().calls).toBe(0);
    // The issue's recent value only: gold has no rule on priority or types, so its figures are not refreshed.
    expect(site.storage.usage()).toMatchObject({ writes: 1, writeUnits: 1 });
    // The link (once: the placement takes it as read), the plan's aggregate head, the recent value, the link's
    // version check in the transaction, and the plan (its internal-id index, then its record).
    expect(site.storage.usage()).toMatchObject({ reads: 6 });

    site.storage.resetUsage();
    for (const event of [first, third, second, first]) await site.sync.handlers.onIssueUpdated(event);
    expect(site.jira.stats().calls).toBe(0);
    // Each new change one write; the repeated ones none.
    expect(site.storage.usage()).toMatchObject({ writes: 2, writeUnits: 2 });
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
  });

  it('refresh the plan\'s figures only when its terms have a rule on priority or types, and are kept either way', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    const refreshesQueued = jest.spyOn(site.queue, 'push');
    const applyNextEdit = async (priority: string) => {
      await edit(site, issueA.id, { priority: { name: priority } });
      await site.simulator.idle();
      const event = updates(events).at(-1);
      if (event === undefined) throw new Error('an issue-updated event expected');
      refreshesQueued.mockClear();
      site.storage.resetUsage();
      await site.sync.handlers.onIssueUpdated(event);
      const { reads, writes } = site.storage.usage();
      return { reads, writes, refreshes: refreshesQueued.mock.calls.filter(([, job]) => (job as { kind?: string }).kind === 'refresh-figures') };
    };
    const afterHours: MultiplierRule = { name: 'After hours', when: { kind: 'time-window', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00' }, factorPermille: 1500 };
    const p1: MultiplierRule = { name: 'P1', when: { kind: 'priority', values: ['1'] }, factorPermille: 2000 };
    const gold = SUP_PLANS.find((plan) => plan.id === 'gold');
    if (gold === undefined) throw new Error('plan gold expected');

    // The history's write, and the plan read to learn that no rule looks at priorities.
    expect(await applyNextEdit('High')).toEqual({ reads: 6, writes: 1, refreshes: [] });
    await storeSupPlan(site.store, { ...gold, multipliers: [afterHours] });
    expect(await applyNextEdit('Low')).toEqual({ reads: 6, writes: 1, refreshes: [] });
    await storeSupPlan(site.store, { ...gold, multipliers: [afterHours, p1] });
    // And the figures head's request for the refresh.
    expect(await applyNextEdit('Highest')).toEqual({ reads: 7, writes: 2, refreshes: [[SYNC_QUEUE_KEY, { kind: 'refresh-figures', planId: 'gold' }, expect.anything()]] });

    // The changes made while no rule looked at them are in the history all the same, for a rule added later.
    const kept = await aggregatedLedgerInput(site, 'gold');
    expect(kept).toEqual(sortedTruth(site.simulator, 'gold'));
    expect(kept.links.find((link) => link.issueId === issueA.id)?.attributes?.map((values) => values.priority)).toEqual(['3', '2', '4', '1']);
  });

  it('are not kept for an issue linked to no plan, and cost no Jira call for an edit of any other field', async () => {
    const site = await startGoldSite();
    const events = captureEvents(site);
    await edit(site, unlinked.id, { priority: { name: 'Highest' } });
    await edit(site, issueA.id, { summary: 'Renamed' });
    await site.simulator.idle();
    site.jira.resetStats();
    site.storage.resetUsage();
    for (const event of updates(events)) await site.sync.handlers.onIssueUpdated(event);
    expect(site.jira.stats().calls).toBe(0);
    expect(site.storage.usage()).toMatchObject({ writes: 0 });
  });

  it('cost a recompute no changelog call when the search embeds the whole changelog, and one paged read of an issue with a longer one', async () => {
    const site = await startSyncSite([issueA, issueB]);
    captureEvents(site);
    for (let index = 0; index < 101; index += 1) await edit(site, issueA.id, { priority: { id: String((index % 5) + 1) } });
    await edit(site, issueB.id, { priority: { name: 'Highest' } });

    site.jira.resetStats();
    await site.recompute('gold');
    const byOperation = site.jira.stats().byOperation;
    expect(byOperation['issue-changelog']).toEqual({ calls: 2, points: 2 + 101, retries: 0 });
    expect(byOperation.search?.calls).toBe(1);
    expect(await aggregatedLedgerInput(site, 'gold')).toEqual(sortedTruth(site.simulator, 'gold'));
  });
});

describe('what multiplier rules may name', () => {
  it('is Jira\'s priorities and the project\'s issue types by name, and no request types outside a service project', async () => {
    const site = await startGoldSite();
    site.jira.resetStats();
    const choices = await site.jira.attributeChoices('10000');
    expect(choices).toEqual({
      priorities: [
        { id: '1', name: 'Highest' },
        { id: '2', name: 'High' },
        { id: '3', name: 'Medium' },
        { id: '4', name: 'Low' },
        { id: '5', name: 'Lowest' },
      ],
      issueTypes: [
        { id: '10001', name: 'Task' },
        { id: '10002', name: 'Bug' },
        { id: '10003', name: 'Support' },
      ],
      requestTypes: null,
    });
    // Priorities, the project, the service desks: one read each.
    expect(site.jira.stats().calls).toBe(3);
  });
});

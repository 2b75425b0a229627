/**
 * An issue with 50,000 worklogs (about 3 MB of entry, a dozen times the largest value Forge stores): its recompute
 * spreads it over as many parts as it takes, and every kind of event on it afterwards writes one small value, with
 * the plan's aggregate equal to Jira's worklogs throughout. One site for every step: its recomputes (the simulated
 * Jira serving 50,000 worklogs) are most of the test's CPU time, some 10 s; the aggregate is compared with Jira's
 * worklogs as one canonical text, which jest compares in milliseconds where its deep equality takes a second.
 */
import { createHash } from 'node:crypto';
import { AggregateReader } from '../../src/app/aggregates/aggregate-reader';
import { encodePart, entryIn } from '../../src/app/aggregates/aggregate-codec';
import { SEAL_BYTES } from '../../src/app/aggregates/recent-value';
import { STORE_LIMITS } from '../../src/app/ports/store';
import { buildIssue, buildWorklog } from '../jira-simulator/site';
import { aggregatedLedgerInput, captureEvents, linkedTo, sortedTruth, startSyncSite, storedAs, worklogEvents, type SyncSite } from './sync-site';

const WORKLOGS = 50_000;
const LARGE = buildIssue(1, { properties: linkedTo('gold') });
const SMALL = buildIssue(2, { properties: linkedTo('gold') });
/** About what one worklog adds to an entry. */
const WORKLOG_BYTES = 70;

/** Worklogs spread over September (the site's clock is at the start of October), of a few minutes each. */
function largeIssueWorklogs() {
  return Array.from({ length: WORKLOGS }, (_, index) =>
    buildWorklog(100_000 + index, LARGE, { started: `2026-09-${String(1 + (index % 28)).padStart(2, '0')}T09:00:00.000+0200`, timeSpentSeconds: 60 + (index % 7) * 60 }),
  );
}

type LedgerInput = Awaited<ReturnType<typeof aggregatedLedgerInput>>;

/** The plan's aggregated input against Jira's: counts, seconds, and a digest of every field of each, in a fixed order. */
async function expectAggregateEqualsJira(site: SyncSite, planId: string): Promise<void> {
  const summary = ({ links, worklogs }: LedgerInput) => ({
    links: links.length,
    worklogs: worklogs.length,
    seconds: worklogs.reduce((sum, worklog) => sum + worklog.timeSpentSeconds, 0),
    digest: createHash('sha256')
      .update(JSON.stringify(links.map((link) => [link.issueId, link.issueKey, link.planId, link.billingClass])))
      .update(JSON.stringify(worklogs.map((worklog) => [worklog.id, worklog.issueId, worklog.started, worklog.timeSpentSeconds, worklog.author?.accountId])))
      .digest('hex'),
  });
  expect(summary(await aggregatedLedgerInput(site, planId))).toEqual(summary(sortedTruth(site.simulator, planId)));
}

async function storedValues(site: SyncSite) {
  const reader = new AggregateReader(site.store);
  const head = await reader.head(storedAs('gold').internalId);
  if (head === undefined) throw new Error('gold has no aggregate');
  return reader.parts(storedAs('gold').internalId, head.generation);
}

describe('an issue with 50,000 worklogs', () => {
  it('is recomputed into several parts, then takes creates, edits, deletes, duplicates, late events and a seal with small writes, and moves to another plan', async () => {
    const site = await startSyncSite([LARGE, SMALL], largeIssueWorklogs());
    await site.recompute('gold');

    const recomputed = await storedValues(site);
    expect(recomputed.filter(({ part }) => entryIn(part, LARGE.id) !== undefined).length).toBeGreaterThan((WORKLOGS * WORKLOG_BYTES) / STORE_LIMITS.maxValueBytes);
    expect(Math.max(...recomputed.map(({ part }) => JSON.stringify(encodePart(part)).length))).toBeLessThanOrEqual(STORE_LIMITS.maxValueBytes);
    await expectAggregateEqualsJira(site, 'gold');

    const events = captureEvents(site);
    const created = await site.logWork(LARGE.id, 1800, '2026-09-20T09:00:00.000+0200');
    await site.editWork(LARGE.id, created, 2700);
    await site.editWork(LARGE.id, '100007', 5400);
    await site.deleteWork(LARGE.id, '100008');
    await site.deleteWork(LARGE.id, created);
    await site.simulator.idle();
    const [create, edit, editOld, deleteOld, deleteCreated] = worklogEvents(events.splice(0));
    if (create === undefined || edit === undefined || editOld === undefined || deleteOld === undefined || deleteCreated === undefined) throw new Error('five events expected');

    site.storage.resetUsage();
    // Out of order: the edit before its create, the create after its deletion.
    for (const event of [edit, editOld, deleteCreated, create, deleteOld]) await site.sync.handlers.onWorklogEvent(event);
    // One small write an event but the create, which finds its deletion; and one asking for a refresh of the figures.
    expect(site.storage.usage()).toMatchObject({ writes: 4 + 1, writeUnits: 4 + 1 });
    site.storage.resetUsage();
    for (const event of [create, edit, editOld, deleteOld, deleteCreated]) await site.sync.handlers.onWorklogEvent(event);
    expect(site.storage.usage().writes).toBe(0);
    await expectAggregateEqualsJira(site, 'gold');

    // Enough new worklogs to fill the shard's recent value past its size: it is sealed, and every worklog still counts once.
    for (let index = 0; index < (1.2 * SEAL_BYTES) / WORKLOG_BYTES; index += 1) await site.logWork(LARGE.id, 60, '2026-09-21T09:00:00.000+0200');
    await site.simulator.idle();
    for (const event of worklogEvents(events.splice(0))) await site.sync.handlers.onWorklogEvent(event);
    expect((await storedValues(site)).filter(({ key }) => /:q\d+$/.test(key))).toHaveLength(1);
    await expectAggregateEqualsJira(site, 'gold');

    // Re-linked to another plan, it is too large to move in one transaction: it leaves gold at once, and silver is recomputed.
    await site.link(LARGE.id, 'silver', 'extra');
    await site.logWork(LARGE.id, 600, '2026-09-22T09:00:00.000+0200');
    await site.simulator.idle();
    for (const event of worklogEvents(events.splice(0))) await site.sync.handlers.onWorklogEvent(event);
    await site.queue.drain();
    await expectAggregateEqualsJira(site, 'gold');
    await expectAggregateEqualsJira(site, 'silver');
  }, 300_000);
});

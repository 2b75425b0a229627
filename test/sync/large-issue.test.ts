/**
 * An issue with 50,000 worklogs (about 3 MB of entry, a dozen times the largest value Forge stores): its recompute
 * spreads it over as many parts as it takes, and every kind of event on it afterwards writes one small value, with
 * the plan's aggregate equal to Jira's worklogs throughout. One site for every step: its recompute (the simulated
 * Jira serving 50,000 worklogs) is most of the test's CPU time; the aggregate is compared with Jira's worklogs as one
 * canonical text, which jest compares in milliseconds where its deep equality takes a second. Moving an issue too
 * large to carry its worklogs along is tested on a smaller one.
 */
import { createHash } from 'node:crypto';
import { AggregateReader } from '../../src/app/aggregates/aggregate-reader';
import { encodePart, entryIn } from '../../src/app/aggregates/aggregate-codec';
import { SEAL_BYTES } from '../../src/app/aggregates/recent-value';
import { STORE_LIMITS } from '../../src/app/ports/store';
import type { SimIssue } from '../../src/jira-simulator/model';
import { buildIssue, buildWorklog } from '../jira-simulator/site';
import { aggregatedLedgerInput, captureEvents, linkedTo, sortedTruth, startSyncSite, storedAs, worklogEvents, type SyncSite } from './sync-site';

const WORKLOGS = 50_000;
const LARGE = buildIssue(1, { properties: linkedTo('gold') });
const SMALL = buildIssue(2, { properties: linkedTo('gold') });
/** About what one worklog adds to an entry. */
const WORKLOG_BYTES = 70;

/** `count` worklogs on `issue` spread over September (the site's clock is at the start of October), of a few minutes each. */
function septemberWorklogs(issue: SimIssue, count: number) {
  return Array.from({ length: count }, (_, index) =>
    buildWorklog(100_000 + index, issue, { started: `2026-09-${String(1 + (index % 28)).padStart(2, '0')}T09:00:00.000+0200`, timeSpentSeconds: 60 + (index % 7) * 60 }),
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

/** How many of gold's aggregate values hold part of the issue's entry. */
async function partsHolding(site: SyncSite, issue: SimIssue): Promise<number> {
  return (await storedValues(site)).filter(({ part }) => entryIn(part, issue.id) !== undefined).length;
}

describe('an issue with 50,000 worklogs', () => {
  it('is recomputed into several parts, then takes creates, edits, deletes, duplicates, late events and a seal with small writes', async () => {
    const site = await startSyncSite([LARGE, SMALL], septemberWorklogs(LARGE, WORKLOGS));
    await site.recompute('gold');

    const recomputed = await storedValues(site);
    expect(await partsHolding(site, LARGE)).toBeGreaterThan((WORKLOGS * WORKLOG_BYTES) / STORE_LIMITS.maxValueBytes);
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

  }, 300_000);

  // An entry of a few parts is already too large to move with its worklogs, and moves as one of a dozen parts does:
  // a second recompute over 50,000 worklogs would add half the file's time and test nothing more.
  it('moves to another plan when re-linked, too large to move in one transaction: it leaves gold at once, and the other plan is recomputed', async () => {
    const moving = buildIssue(3, { properties: linkedTo('gold') });
    const site = await startSyncSite([moving, SMALL], septemberWorklogs(moving, Math.ceil((2 * STORE_LIMITS.maxValueBytes) / WORKLOG_BYTES)));
    await site.recompute('gold');
    expect(await partsHolding(site, moving)).toBeGreaterThan(2);

    await site.link(moving.id, 'silver', 'extra');
    await site.logWork(moving.id, 600, '2026-09-22T09:00:00.000+0200');
    await site.settle();
    await expectAggregateEqualsJira(site, 'gold');
    await expectAggregateEqualsJira(site, 'silver');
  }, 300_000);
});

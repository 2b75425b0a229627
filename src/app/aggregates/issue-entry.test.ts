import { buildWorklog } from '../../ledger/test-builders';
import { factsOf, newEntry, tombstonesOf, worklogsOf } from './aggregate-codec';
import { applyWorklogChange, entryOfWorklogs, TOMBSTONE_RETENTION_MS, withFacts, withoutOldTombstones } from './issue-entry';

const facts = { billingClass: 'covered', issueKey: 'SUP-1', summary: 'Printer' } as const;

const upserts = (worklogs: readonly ReturnType<typeof buildWorklog>[]) =>
  worklogs.reduce((entry, worklog) => applyWorklogChange(entry, { kind: 'upsert', worklog }), newEntry(facts));

describe('issue entries', () => {
  it('keeps the version with the latest updated, whatever the order', () => {
    const older = buildWorklog({ id: '7', timeSpentSeconds: 600, updated: '2026-10-05T10:00:00.000+0000' });
    const newer = buildWorklog({ id: '7', timeSpentSeconds: 900, updated: '2026-10-05T11:00:00.000+0000' });

    const forwards = upserts([older, newer]);
    const backwards = upserts([newer, older]);

    expect(forwards).toEqual(backwards);
    expect(worklogsOf(forwards, '10001').map((worklog) => [worklog.id, worklog.timeSpentSeconds])).toEqual([['7', 900]]);
  });

  it('builds in one pass the entry that upserting the worklogs one by one gives', () => {
    const worklogs = [
      buildWorklog({ id: '7', timeSpentSeconds: 600, updated: '2026-10-05T10:00:00.000+0000' }),
      buildWorklog({ id: '8', timeSpentSeconds: 300, updated: '2026-10-05T10:00:00.000+0000' }),
      buildWorklog({ id: '7', timeSpentSeconds: 900, updated: '2026-10-05T11:00:00.000+0000' }),
      buildWorklog({ id: '7', timeSpentSeconds: 1200, updated: '2026-10-05T11:00:00.000+0000' }),
      buildWorklog({ id: '8', timeSpentSeconds: 60, updated: '2026-10-05T09:00:00.000+0000' }),
    ];
    expect(entryOfWorklogs(facts, worklogs)).toEqual(upserts(worklogs));
  });

  it('returns the very same entry for a duplicate, so nothing is written', () => {
    const worklog = buildWorklog();
    const entry = applyWorklogChange(newEntry(facts), { kind: 'upsert', worklog });

    expect(applyWorklogChange(entry, { kind: 'upsert', worklog })).toBe(entry);
  });

  it('lets a tombstone win over any later upsert of the same id', () => {
    const deleted = applyWorklogChange(upserts([buildWorklog()]), { kind: 'delete', worklogId: '1', deletedAt: 1000 });

    const revived = applyWorklogChange(deleted, { kind: 'upsert', worklog: buildWorklog({ updated: '2027-01-01T00:00:00.000+0000' }) });

    expect(revived).toBe(deleted);
    expect([worklogsOf(revived, '10001'), tombstonesOf(revived)]).toEqual([[], [['1', 1000]]]);
  });

  it('keeps the later deletion time when a deletion comes twice', () => {
    const once = applyWorklogChange(newEntry(facts), { kind: 'delete', worklogId: '1', deletedAt: 2000 });
    expect(tombstonesOf(applyWorklogChange(once, { kind: 'delete', worklogId: '1', deletedAt: 1000 }))).toEqual([['1', 2000]]);
  });

  it('prunes tombstones older than the retention only', () => {
    const entry = [
      { worklogId: 'old', deletedAt: 0 },
      { worklogId: 'fresh', deletedAt: TOMBSTONE_RETENTION_MS },
    ].reduce((current, { worklogId, deletedAt }) => applyWorklogChange(current, { kind: 'delete', worklogId, deletedAt }), newEntry(facts));

    expect(tombstonesOf(withoutOldTombstones(entry, TOMBSTONE_RETENTION_MS + 1))).toEqual([['fresh', TOMBSTONE_RETENTION_MS]]);
    expect(withoutOldTombstones(entry, TOMBSTONE_RETENTION_MS - 1)).toBe(entry);
  });

  it('never forgets a known key or summary for an empty one', () => {
    expect(factsOf(withFacts(newEntry(facts), { billingClass: 'extra', issueKey: '', summary: '' }))).toEqual({ ...facts, billingClass: 'extra' });
  });
});

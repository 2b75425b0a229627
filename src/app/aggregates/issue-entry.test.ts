import { buildWorklog } from '../../ledger/test-builders';
import { applyWorklogChange, emptyEntry, TOMBSTONE_RETENTION_MS, withFacts, withoutOldTombstones, worklogOf } from './issue-entry';

const facts = { billingClass: 'covered', issueKey: 'SUP-1', summary: 'Printer' } as const;
const at = (iso: string) => Date.parse(iso);

describe('issue entries', () => {
  it('keeps the version with the latest updated, whatever the order', () => {
    const older = buildWorklog({ id: '7', timeSpentSeconds: 600, updated: '2026-10-05T10:00:00.000+0000' });
    const newer = buildWorklog({ id: '7', timeSpentSeconds: 900, updated: '2026-10-05T11:00:00.000+0000' });

    const forwards = [older, newer].reduce((entry, worklog) => applyWorklogChange(entry, { kind: 'upsert', worklog }), emptyEntry(facts));
    const backwards = [newer, older].reduce((entry, worklog) => applyWorklogChange(entry, { kind: 'upsert', worklog }), emptyEntry(facts));

    expect(forwards).toEqual(backwards);
    expect(forwards.w).toEqual({ '7': ['2026-10-05T09:00:00.000+0000', 900, 'alice', at('2026-10-05T11:00:00Z')] });
  });

  it('returns the very same entry for a duplicate, so nothing is written', () => {
    const worklog = buildWorklog();
    const entry = applyWorklogChange(emptyEntry(facts), { kind: 'upsert', worklog });

    expect(applyWorklogChange(entry, { kind: 'upsert', worklog })).toBe(entry);
  });

  it('lets a tombstone win over any later upsert of the same id', () => {
    const deleted = applyWorklogChange(emptyEntry(facts), { kind: 'delete', worklogId: '1', deletedAt: 1000 });

    const revived = applyWorklogChange(deleted, { kind: 'upsert', worklog: buildWorklog({ updated: '2027-01-01T00:00:00.000+0000' }) });

    expect(revived).toEqual({ ...emptyEntry(facts), d: { '1': 1000 } });
  });

  it('prunes tombstones older than the retention only', () => {
    const entry = { ...emptyEntry(facts), d: { old: 0, fresh: TOMBSTONE_RETENTION_MS } };

    expect(withoutOldTombstones(entry, TOMBSTONE_RETENTION_MS + 1).d).toEqual({ fresh: TOMBSTONE_RETENTION_MS });
  });

  it('never forgets a known key or summary for an empty one', () => {
    expect(withFacts(emptyEntry(facts), { billingClass: 'extra', issueKey: '', summary: '' })).toEqual({ ...emptyEntry(facts), b: 'extra' });
  });

  it('gives back the worklog the ledger reads', () => {
    expect(worklogOf('7', '10001', ['2026-10-05T09:00:00.000+0200', 3600, null, at('2026-10-05T08:00:00Z')])).toEqual({
      id: '7',
      issueId: '10001',
      started: '2026-10-05T09:00:00.000+0200',
      timeSpentSeconds: 3600,
      updated: '2026-10-05T08:00:00.000Z',
    });
  });
});

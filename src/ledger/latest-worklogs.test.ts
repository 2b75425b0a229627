import { LedgerInputError } from './errors';
import { latestWorklogs } from './latest-worklogs';
import { buildWorklog } from './test-builders';

describe('latestWorklogs', () => {
  const older = buildWorklog({ id: '1', timeSpentSeconds: 60, updated: '2026-10-01T10:00:00.000+0000' });
  const newer = buildWorklog({ id: '1', timeSpentSeconds: 90, updated: '2026-10-01T11:00:00.000+0200' });
  const newest = buildWorklog({ id: '1', timeSpentSeconds: 120, updated: '2026-10-01T09:30:00.000Z' });

  it('keeps the version with the latest updated instant, whatever the order', () => {
    // 11:00 +02:00 = 09:00Z < 09:30Z < 10:00Z: `older` was updated last.
    expect(latestWorklogs([older, newer, newest])).toEqual([older]);
    expect(latestWorklogs([newest, older, newer])).toEqual([older]);
  });

  it('treats a missing updated as the oldest', () => {
    const { updated: _dropped, ...withoutUpdated } = newer;
    expect(latestWorklogs([older, withoutUpdated])).toEqual([older]);
    expect(latestWorklogs([withoutUpdated, older])).toEqual([older]);
  });

  it('breaks ties on updated by canonical JSON, independent of order', () => {
    const a = buildWorklog({ id: '5', timeSpentSeconds: 100 });
    const b = buildWorklog({ id: '5', timeSpentSeconds: 200 });
    // '{"author":…,"timeSpentSeconds":200,…}' > '…100…'
    expect(latestWorklogs([a, b])).toEqual([b]);
    expect(latestWorklogs([b, a])).toEqual([b]);
  });

  it('keeps distinct ids', () => {
    const other = buildWorklog({ id: '2' });
    expect(latestWorklogs([older, other])).toEqual([older, other]);
  });

  it('names the field of an unparseable updated', () => {
    expect(() => latestWorklogs([older, buildWorklog({ id: '1', updated: 'yesterday' })])).toThrow(
      new LedgerInputError('worklogs[id=1].updated', 'expected a timestamp like 2026-10-05T09:00:00.000+0200, got "yesterday"'),
    );
  });
});

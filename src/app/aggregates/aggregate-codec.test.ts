import { buildWorklog } from '../../ledger/test-builders';
import {
  decodeLinkShard,
  decodePart,
  emptyRecent,
  GONE_ENTRY,
  mergeEntries,
  replacing,
  sealCountOf,
  sealedOf,
  splitEntry,
  decodeLinkRecord,
  encodeLinkRecord,
  encodePart,
  entriesOf,
  entryIn,
  factsOf,
  issueIdsOf,
  issueLinkOf,
  linkIn,
  linkPlanId,
  newEntry,
  newLink,
  partOf,
  storedUpdatedMs,
  tombstoneOf,
  withEntry,
  withoutWorklog,
  withWorklog,
  worklogIdsOf,
  worklogsOf,
  attributesOf,
  withAttributes,
} from './aggregate-codec';
import { NO_HISTORY, withAttributeChange, withAttributesSeen } from './attribute-history';

const at = (iso: string) => Date.parse(iso);

/** A part as releases since the aggregates began store it: what this release must keep reading and writing. */
const STORED_PART = {
  i: {
    '10001': {
      k: 'SUP-1',
      s: 'Printer on fire',
      b: 'covered',
      w: { '7': ['2026-10-05T09:00:00.000+0200', 3600, 'alice', at('2026-10-05T08:00:00Z')], '8': ['2026-10-06T09:00:00.000+0200', 900, null, 0] },
      d: { '6': at('2026-10-04T12:00:00Z') },
    },
  },
};

describe('the aggregate codec', () => {
  it('reads a part in the stored layout through its accessors', () => {
    const part = decodePart(STORED_PART);
    const entry = entryIn(part, '10001');
    if (entry === undefined) throw new Error('the entry is not read');
    expect([issueIdsOf(part), factsOf(entry), worklogIdsOf(entry), tombstoneOf(entry, '6'), storedUpdatedMs(entry, '7')]).toEqual([
      ['10001'],
      { billingClass: 'covered', issueKey: 'SUP-1', summary: 'Printer on fire' },
      ['7', '8'],
      at('2026-10-04T12:00:00Z'),
      at('2026-10-05T08:00:00Z'),
    ]);
    expect(worklogsOf(entry, '10001')).toEqual([
      { id: '7', issueId: '10001', started: '2026-10-05T09:00:00.000+0200', timeSpentSeconds: 3600, author: { accountId: 'alice' }, updated: '2026-10-05T08:00:00.000Z' },
      { id: '8', issueId: '10001', started: '2026-10-06T09:00:00.000+0200', timeSpentSeconds: 900, updated: '1970-01-01T00:00:00.000Z' },
    ]);
  });

  it('writes what it builds in the same layout', () => {
    const facts = { billingClass: 'covered', issueKey: 'SUP-1', summary: 'Printer on fire' } as const;
    const seven = buildWorklog({ id: '7', started: '2026-10-05T09:00:00.000+0200', timeSpentSeconds: 3600, updated: '2026-10-05T08:00:00.000+0000' });
    const eight = { id: '8', issueId: '10001', started: '2026-10-06T09:00:00.000+0200', timeSpentSeconds: 900 };
    const entry = withoutWorklog(withWorklog(newEntry(facts, [seven]), eight), '6', at('2026-10-04T12:00:00Z'));
    expect(encodePart(partOf([['10001', entry]]))).toEqual(STORED_PART);
    expect(encodePart(withEntry(decodePart(STORED_PART), '10001', undefined))).toEqual({ i: {} });
    expect(entriesOf(decodePart(STORED_PART)).map(([issueId]) => issueId)).toEqual(['10001']);
  });

  it('reads an issue\'s entries in one shard together: latest versions, tombstones anywhere, the last facts, and nothing from before a replacing or gone entry', () => {
    const facts = { billingClass: 'covered', issueKey: 'SUP-1', summary: 'Printer on fire' } as const;
    const early = buildWorklog({ id: '7', timeSpentSeconds: 3600, updated: '2026-10-05T08:00:00.000+0000' });
    const later = { ...early, timeSpentSeconds: 7200, updated: '2026-10-06T08:00:00.000+0000' };
    const other = buildWorklog({ id: '8', timeSpentSeconds: 900 });
    const recomputed = newEntry(facts, [later, other]);
    const recent = withoutWorklog(withWorklog(newEntry({ billingClass: 'extra', issueKey: '', summary: '' }), early), '8', at('2026-10-07T00:00:00Z'));
    const merged = mergeEntries([recomputed, recent]);
    if (merged === undefined) throw new Error('the issue is gone');
    expect([factsOf(merged), worklogsOf(merged, '10001').map((worklog) => worklog.timeSpentSeconds), tombstoneOf(merged, '8')]).toEqual([
      { billingClass: 'extra', issueKey: 'SUP-1', summary: 'Printer on fire' },
      [7200],
      at('2026-10-07T00:00:00Z'),
    ]);
    expect(mergeEntries([recomputed, GONE_ENTRY])).toBeUndefined();
    const back = mergeEntries([recomputed, GONE_ENTRY, replacing(newEntry(facts, [other]))]);
    expect(back === undefined ? [] : worklogIdsOf(back)).toEqual(['8']);
    expect(mergeEntries([recomputed])).toBe(recomputed);
  });

  it('cuts a large entry into entries that read back as it', () => {
    const facts = { billingClass: 'covered', issueKey: 'SUP-1', summary: 'Printer on fire' } as const;
    const worklogs = Array.from({ length: 500 }, (_, index) => buildWorklog({ id: String(1000 + index), timeSpentSeconds: 60 + index }));
    const entry = withoutWorklog(newEntry(facts, worklogs), '999', at('2026-10-07T00:00:00Z'));
    const pieces = splitEntry('10001', entry, 4096);
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((piece) => JSON.stringify(encodePart(partOf([['10001', piece]]))).length))).toBeLessThanOrEqual(4096 + 16);
    expect(mergeEntries(pieces)).toEqual(entry);
    expect(splitEntry('10001', entry, 1024 * 1024)).toEqual([entry]);
  });

  it('counts the seals of a shard in its recent value, and seals its entries without the count', () => {
    const entry = newEntry({ billingClass: 'covered', issueKey: 'SUP-1', summary: '' });
    const recent = withEntry(emptyRecent(3), '10001', entry);
    expect([sealCountOf(recent), encodePart(recent), encodePart(sealedOf(recent)), sealCountOf(decodePart(STORED_PART))]).toEqual([
      3,
      { i: { '10001': { k: 'SUP-1', s: '', b: 'covered', w: {}, d: {} } }, n: 3 },
      { i: { '10001': { k: 'SUP-1', s: '', b: 'covered', w: {}, d: {} } } },
      0,
    ]);
  });

  it('refuses a part that is not in the layout', () => {
    expect(() => decodePart({ i: { '10001': { k: 'SUP-1', s: '', b: 'free', w: {}, d: {} } } })).toThrow();
    expect(() => decodePart({ issues: {} })).toThrow();
  });

  it('reads the legacy link shards, and reads and writes an issue\'s link record as [plan, billing class, key]', () => {
    const shard = decodeLinkShard({ '10001': ['plan-1', 'extra', 'SUP-1'], '10002': ['plan-2', 'covered', ''] });
    const first = linkIn(shard, '10001');
    const second = linkIn(shard, '10002');
    if (first === undefined || second === undefined) throw new Error('the links are not read');
    expect([linkPlanId(first), issueLinkOf('10001', first), issueLinkOf('10002', second), linkIn(shard, '10003')]).toEqual([
      'plan-1',
      { issueId: '10001', planId: 'plan-1', billingClass: 'extra', issueKey: 'SUP-1' },
      { issueId: '10002', planId: 'plan-2', billingClass: 'covered' },
      undefined,
    ]);
    expect(encodeLinkRecord(newLink('plan-1', 'non-billable', 'SUP-3'))).toEqual(['plan-1', 'non-billable', 'SUP-3']);
    expect(issueLinkOf('10003', decodeLinkRecord(['plan-1', 'non-billable', 'SUP-3']))).toEqual({ issueId: '10003', planId: 'plan-1', billingClass: 'non-billable', issueKey: 'SUP-3' });
    expect(() => decodeLinkRecord(['plan-1', 'free', 'SUP-3'])).toThrow();
  });

  it('keeps the issue\'s attributes over time as `a`, each field [value before, [ms, value]…]; entries without one read as knowing none', () => {
    const history = withAttributeChange(withAttributesSeen(NO_HISTORY, { priority: '3', issueType: '10003' }), { field: 'priority', at: 5_000, from: '3', to: '1' });
    const entry = withAttributes(newEntry({ billingClass: 'covered', issueKey: 'SUP-1', summary: '' }), history);
    const stored = encodePart(partOf([['10001', entry]]));
    expect(stored).toEqual({ i: { '10001': { k: 'SUP-1', s: '', b: 'covered', w: {}, d: {}, a: { p: ['3', [5_000, '1']], t: ['10003'] } } } });
    const read = entryIn(decodePart(stored), '10001');
    expect(read && attributesOf(read)).toEqual(history);
    expect(attributesOf(entryIn(decodePart(STORED_PART), '10001') ?? GONE_ENTRY)).toEqual(NO_HISTORY);
    expect(() => decodePart({ i: { '10001': { k: '', s: '', b: 'covered', w: {}, d: {}, a: { p: [5_000] } } } })).toThrow();
  });

  it('merges attributes across an issue\'s entries, drops them with a replacing entry, and keeps them on the first piece of a split', () => {
    const facts = { billingClass: 'covered', issueKey: 'SUP-1', summary: '' } as const;
    const early = withAttributes(newEntry(facts), withAttributeChange(NO_HISTORY, { field: 'priority', at: 1_000, from: '4', to: '2' }));
    const late = withAttributes(newEntry(facts), withAttributeChange(NO_HISTORY, { field: 'priority', at: 2_000, from: '2', to: '1' }));
    const merged = mergeEntries([early, late]);
    expect(merged && attributesOf(merged)).toEqual({ priority: { initial: '4', changes: [[1_000, '2'], [2_000, '1']] } });
    const replaced = mergeEntries([early, replacing(late)]);
    expect(replaced && attributesOf(replaced)).toEqual({ priority: { initial: '2', changes: [[2_000, '1']] } });

    const big = withAttributes(newEntry(facts, Array.from({ length: 40 }, (_, index) => buildWorklog({ id: String(index + 1), issueId: '10001' }))), attributesOf(early));
    const pieces = splitEntry('10001', big, 600);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((piece) => attributesOf(piece).priority !== undefined)).toEqual(pieces.map((_, index) => index === 0));
    const rejoined = mergeEntries(pieces);
    expect(rejoined && [attributesOf(rejoined), worklogIdsOf(rejoined).length]).toEqual([attributesOf(early), 40]);
  });
});

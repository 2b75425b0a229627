import { buildWorklog } from '../../ledger/test-builders';
import {
  decodeLinkShard,
  decodePart,
  encodeLinkShard,
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
  withLinks,
  withoutWorklog,
  withWorklog,
  worklogIdsOf,
  worklogsOf,
} from './aggregate-codec';

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

  it('refuses a part that is not in the layout', () => {
    expect(() => decodePart({ i: { '10001': { k: 'SUP-1', s: '', b: 'free', w: {}, d: {} } } })).toThrow();
    expect(() => decodePart({ issues: {} })).toThrow();
  });

  it('reads and writes issue → plan links as [plan, billing class, key]', () => {
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
    const edited = withLinks(shard, [
      ['10002', undefined],
      ['10003', newLink('plan-1', 'non-billable', 'SUP-3')],
    ]);
    expect(encodeLinkShard(edited)).toEqual({ '10001': ['plan-1', 'extra', 'SUP-1'], '10003': ['plan-1', 'non-billable', 'SUP-3'] });
  });
});

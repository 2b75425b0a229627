import type { LedgerEntry } from '../../ledger';
import type { OutOfPlanWorklog } from '../../ledger/types';
import { utf8Length } from '../../collections/utf8-length';
import { decodeEntryChunk, decodeOutOfPlanChunk, ENTRY_CHUNK_MAX_BYTES, entryChunks, outOfPlanChunks } from './entry-chunks';

/** `count` entries over `issues` issues, each issue with a summary of `summaryLength` characters (none when 0). */
function entries(count: number, issues: number, summaryLength: number): LedgerEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const issue = index % issues;
    return {
      worklogId: String(50_000 + index),
      issueId: String(10_000 + issue),
      issueKey: issue === 0 ? undefined : `SUP-${issue}`,
      ...(summaryLength === 0 ? {} : { issueSummary: `${'é'.repeat(summaryLength - 4)}${issue}`.slice(0, summaryLength) }),
      authorAccountId: index % 5 === 0 ? null : `acc-${index % 7}`,
      started: 1_790_000_000_000 + index * 60_000,
      billingClass: (['covered', 'extra', 'non-billable'] as const)[issue % 3] ?? 'covered',
      rawSeconds: 600 + index,
      roundedSeconds: 900,
    };
  });
}

describe('entry chunks', () => {
  it('give back the entries in order, field for field, over as many chunks as their bytes need', async () => {
    const original = entries(3_000, 700, 1_000);
    const chunks = await entryChunks(original);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(utf8Length(JSON.stringify(chunk.value))).toBeLessThanOrEqual(ENTRY_CHUNK_MAX_BYTES + 4096);
    const decoded = chunks.flatMap((chunk) => decodeEntryChunk(chunk.value) ?? []);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(original));
  });

  it('are named by their content: the same entries give the same names, a change renames its chunk only', async () => {
    const original = entries(4_000, 50, 0);
    const [first, again] = [await entryChunks(original), await entryChunks(original)];
    expect(again.map((chunk) => chunk.id)).toEqual(first.map((chunk) => chunk.id));
    const changed = await entryChunks([...original.slice(0, -1), { ...original[original.length - 1], roundedSeconds: 1800 } as LedgerEntry]);
    expect(changed.slice(0, -1).map((chunk) => chunk.id)).toEqual(first.slice(0, -1).map((chunk) => chunk.id));
    expect(changed.at(-1)?.id).not.toBe(first.at(-1)?.id);
  });

  it('carry the multiplier segments of the entries that have them, and read chunks stored before multipliers', async () => {
    const [plain, multiplied] = entries(2, 1, 0);
    if (plain === undefined || multiplied === undefined) throw new Error('expected two entries');
    const segments = [
      { started: multiplied.started, rawSeconds: 300, roundedSeconds: 300, factorPermille: 1000, chargedSeconds: 300 },
      { started: multiplied.started + 300_000, rawSeconds: 301, roundedSeconds: 600, rule: 'After hours', factorPermille: 1500, chargedSeconds: 900 },
    ];
    const original = [plain, { ...multiplied, chargedSeconds: 1200, segments }];
    const decoded = (await entryChunks(original)).flatMap((chunk) => decodeEntryChunk(chunk.value) ?? []);
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(original));
    const storedBefore = { issues: { '10000': [null, null, 'covered'] }, entries: [['50000', '10000', null, 1_790_000_000_000, 600, 900]] };
    expect(decodeEntryChunk(storedBefore)).toEqual([plain]);
  });

  it('refuse what is not a chunk of their kind', async () => {
    const [chunk] = await outOfPlanChunks([{ worklogId: '1', issueId: '2', started: 3, reason: 'after-plan-end' }]);
    expect(decodeEntryChunk(chunk?.value)).toBeUndefined();
    expect(decodeEntryChunk({ issues: {}, entries: [['1', 'unlisted', null, 0, 0, 0]] })).toBeUndefined();
    expect(decodeOutOfPlanChunk(undefined)).toBeUndefined();
  });

  it('keep the worklogs outside the plan in order', async () => {
    const outside: OutOfPlanWorklog[] = Array.from({ length: 9_000 }, (_, index) => ({ worklogId: String(index), issueId: 'i', started: index, reason: index % 2 === 0 ? 'before-plan-start' : 'after-plan-end' }));
    const chunks = await outOfPlanChunks(outside);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flatMap((chunk) => decodeOutOfPlanChunk(chunk.value) ?? [])).toEqual(outside);
  });
});

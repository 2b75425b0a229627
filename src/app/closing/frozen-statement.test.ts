import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { MemoryStore } from '../../adapters/storage/memory-store';
import { listAll } from '../plans/list-all';
import { STORE_LIMITS, type JsonValue } from '../ports/store';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { StoredManifest } from './closing-records';
import { FrozenStatementError, readFrozenStatement, splitStatement, writeChunks } from './frozen-statement';

function line(n: number): JsonValue {
  return { worklogId: String(100_000 + n), issueId: String(10_000 + (n % 500)), authorAccountId: `acc-${n % 7}`, started: 1_790_000_000_000 + n, rawSeconds: 900, roundedSeconds: 900, draws: [{ bucketId: 'allowance:2026-09', seconds: 900 }] };
}

/** 5,000 lines: about 1 MiB of JSON, well over one value's 240 KiB. */
const statement: Readonly<Record<string, JsonValue>> = {
  planId: 'acme-gold',
  totalMinor: 100_000,
  lines: Array.from({ length: 5000 }, (_, n) => line(n)),
  byIssue: [],
  byAuthor: [{ key: 'acc-1', rawSeconds: 900 }],
  outOfPlan: [],
};

function manifestOf(split: Awaited<ReturnType<typeof splitStatement>>, chunkPrefix: string): StoredManifest {
  return {
    planId: 'acme-gold', periodLabel: '2026-09', version: 1, closedAt: 0, closedBy: 'acc-admin', contentHash: split.contentHash,
    lineCount: split.lineCount, chunkCount: split.chunks.length, byteLength: split.byteLength, chunkPrefix, lists: [...split.lists], head: { ...split.head },
  };
}

describe('a frozen statement in the store', () => {
  it('hashes the canonical JSON: sorted keys, no undefined, the same whatever the key order', async () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    // Index-like keys sort as strings too, although JavaScript objects keep them in numeric order.
    expect(canonicalJson({ b: [{ 9: 'x', 10: 'y', a: 'z' }], a: { c: -0, d: 'é"' } })).toBe('{"a":{"c":0,"d":"é\\""},"b":[{"10":"y","9":"x","a":"z"}]}');
    expect(() => canonicalJson({ a: [1, undefined] })).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(await sha256Hex(canonicalJson({ b: 1, a: 2 }))).toBe(await sha256Hex(canonicalJson({ a: 2, b: 1 })));
    expect(await sha256Hex('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
  });

  it('writes any JSON value as its keys sorted by code unit, whatever order they were added in', () => {
    /** The definition, written the slow and obvious way. */
    const reference = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      if (value === null || typeof value !== 'object') return JSON.stringify(value);
      const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`).join(',')}}`;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('splits lines over chunks under the value limit and reads back the very same statement', async () => {
    const store = new MemoryStore({ retryDelayMs: () => 0 });
    const split = await splitStatement(statement);
    expect([split.lineCount, split.chunks.map((chunk) => [chunk.list, chunk.items.length]), split.lists]).toEqual([
      5000,
      [['byAuthor', 1], ['lines', 1101], ['lines', 1101], ['lines', 1101], ['lines', 1101], ['lines', 596]],
      ['byAuthor', 'byIssue', 'lines', 'outOfPlan'],
    ]);
    await writeChunks(store, 'closing-chunk:acme-gold:2026-09:w1:', split.chunks);
    const stored = await listAll(store, 'closing-chunk:');
    expect(stored.length).toBe(split.chunks.length);
    expect(stored.every((entry) => Buffer.byteLength(JSON.stringify(entry.value)) <= STORE_LIMITS.maxValueBytes)).toBe(true);
    const read = await readFrozenStatement(store, manifestOf(split, 'closing-chunk:acme-gold:2026-09:w1:'));
    expect(canonicalJson(read)).toBe(canonicalJson(statement));
    expect(split.contentHash).toBe(createHash('sha256').update(canonicalJson(statement)).digest('hex'));
  });

  it('refuses a statement whose pieces no longer match the hash', async () => {
    const store = new MemoryStore({ retryDelayMs: () => 0 });
    const split = await splitStatement(statement);
    await writeChunks(store, 'p:', split.chunks);
    await store.set('p:00000', { list: 'lines', items: [line(1)] });
    await expect(readFrozenStatement(store, manifestOf(split, 'p:'))).rejects.toThrow(FrozenStatementError);
  });
});

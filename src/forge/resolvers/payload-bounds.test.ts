import fc from 'fast-check';
import { payloadBoundsIssue } from './payload-bounds';

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) value = level % 2 === 0 ? { inner: value } : [value];
  return value;
}

describe('payloadBoundsIssue', () => {
  it('refuses exactly the payloads whose JSON is longer than the cap, counting UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 2, max: 400 }), (value, maxBytes) => {
        const bytes = Buffer.byteLength(JSON.stringify(value));
        expect(payloadBoundsIssue(value, maxBytes, 1_000) === null).toBe(bytes <= maxBytes);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses exactly the payloads nested deeper than the cap', () => {
    fc.assert(
      fc.property(fc.jsonValue({ depthSize: 'large' }), fc.integer({ min: 1, max: 6 }), (value, maxDepth) => {
        expect(payloadBoundsIssue(value, 1_000_000, maxDepth) === null).toBe(depthOf(value) <= maxDepth);
      }),
      { numRuns: 500 },
    );
  });

  it('names the array that makes a payload too large', () => {
    const payload = { plan: { name: 'Gold', thresholdsPercent: Array.from({ length: 100_000 }, () => 80) } };
    expect(payloadBoundsIssue(payload)).toEqual({ path: 'plan.thresholdsPercent', message: 'is too large: a request may be at most 65536 bytes of JSON' });
  });

  it('names a string that makes a payload too large, without encoding all of it', () => {
    expect(payloadBoundsIssue({ jql: 'x'.repeat(10_000_000) })?.path).toBe('jql');
  });

  it('names where a payload nests too deep', () => {
    expect(payloadBoundsIssue(nested(8))).toBeNull();
    expect(payloadBoundsIssue(nested(9))).toEqual({
      path: 'inner[0].inner[0].inner[0].inner[0]',
      message: 'nests too deep: a request may nest objects and arrays at most 8 levels deep',
    });
    expect(payloadBoundsIssue(nested(100_000))?.message).toMatch(/nests too deep/);
  });
});

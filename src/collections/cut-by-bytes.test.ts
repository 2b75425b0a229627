import fc from 'fast-check';
import { cutByBytes } from './cut-by-bytes';

describe('cutting a list into runs of bounded size', () => {
  it('keeps every item in order, keeps each run within the bound unless it is one oversized item, and cuts only when the next item would not fit', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 })), fc.integer({ min: 1, max: 60 }), (items, maxBytes) => {
        const runs = cutByBytes(items, maxBytes, () => (item) => item.length + 1);
        expect(runs.flat()).toEqual(items);
        const sizeOf = (run: readonly string[]) => run.reduce((sum, item) => sum + item.length + 1, 0);
        for (const [index, run] of runs.entries()) {
          expect(run.length).toBeGreaterThan(0);
          if (run.length > 1) expect(sizeOf(run)).toBeLessThanOrEqual(maxBytes);
          const next = runs[index + 1]?.[0];
          if (next !== undefined) expect(sizeOf(run) + next.length + 1).toBeGreaterThan(maxBytes);
        }
      }),
    );
  });

  it('measures each run afresh, so what a run has seen is forgotten at the cut', () => {
    const seenOnce = () => {
      const seen = new Set<string>();
      return (item: string) => {
        const size = seen.has(item) ? 1 : 10;
        seen.add(item);
        return size;
      };
    };
    expect(cutByBytes(['a', 'a', 'a', 'b', 'a'], 12, seenOnce)).toEqual([['a', 'a', 'a'], ['b'], ['a']]);
  });
});

import fc from 'fast-check';
import { firstIndexWhere } from './first-index-where';

describe('firstIndexWhere', () => {
  it('finds the first item meeting a monotone predicate, or the length when none does', () => {
    expect(firstIndexWhere([1, 3, 5, 7], (n) => n >= 4)).toBe(2);
    expect(firstIndexWhere([1, 3, 5, 7], (n) => n >= 8)).toBe(4);
    expect(firstIndexWhere([1, 3, 5, 7], (n) => n >= 0)).toBe(0);
    expect(firstIndexWhere([], () => true)).toBe(0);
  });

  it('agrees with a linear search on any sorted list and bound', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (items, bound) => {
        const sorted = [...items].sort((a, b) => a - b);
        const linear = sorted.findIndex((n) => n >= bound);
        expect(firstIndexWhere(sorted, (n) => n >= bound)).toBe(linear === -1 ? sorted.length : linear);
      }),
    );
  });
});

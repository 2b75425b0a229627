import { countOf, formatCount } from '../../static/shared/format/count';

const ROWS = { one: 'row', other: 'rows' };

describe('counts in the surfaces\' English sentences', () => {
  it('group thousands as English writes them, whatever the machine\'s locale', () => {
    expect(formatCount(8784)).toBe('8,784');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
  });

  it('agree with their words, the number grouped the same way', () => {
    expect(countOf(1, ROWS)).toBe('1 row');
    expect(countOf(0, ROWS)).toBe('0 rows');
    expect(countOf(1200, ROWS)).toBe('1,200 rows');
  });
});

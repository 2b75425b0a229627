import { csvCell, csvDocument } from '../../src/cli/csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+49 30 123', "'+49 30 123"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "\"'\rreturn\""],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers as they are and nothing for null or undefined', () => {
    expect([csvCell(0), csvCell(3600), csvCell(null), csvCell(undefined)]).toEqual(['0', '3600', '', '']);
  });
});

describe('csvDocument', () => {
  it('ends every row with CRLF', () => {
    expect(csvDocument([['a', 'b'], [1, null]])).toBe('a,b\r\n1,\r\n');
  });
});

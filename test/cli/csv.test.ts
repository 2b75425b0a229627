import fc from 'fast-check';
import { csvCell, csvDocument } from '../../src/cli/csv';
import { parseCsv } from '../support/csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+49 30 123', "'+49 30 123"],
    ['-5', '-5'],
    ['-0.33', '-0.33'],
    ['-1+2', "'-1+2"],
    ['-5e3', "'-5e3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "\"'\rreturn\""],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['\nnewline', "\"'\nnewline\""],
    ['\uFEFF=1+1', "'\uFEFF=1+1"],
    ['\uFEFF\uFEFF@SUM(A1)', "'\uFEFF\uFEFF@SUM(A1)"],
    ['\uFEFF-5', '\uFEFF-5'],
    ['＝1+1', "'＝1+1"],
    ['＋49', "'＋49"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['a=b', 'a=b'],
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

describe('CSV round trip', () => {
  it('an RFC 4180 reader gets every cell back, formulas defused with a leading quote', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const defused = rows.map((row) => row.map((cell) => (/^\uFEFF*[=+\-@\t\r\n＝＋－＠]/.test(cell) && !/^\uFEFF*-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell)));
        expect(parseCsv(csvDocument(rows))).toEqual(defused);
      }),
      { seed: 20261203 },
    );
  });
});

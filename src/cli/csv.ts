/**
 * Characters that make a spreadsheet read a cell as a formula (CSV injection): the ASCII ones, line
 * breaks (some importers start a new cell at them), and the full-width forms that spreadsheets with
 * East Asian input normalise to the ASCII operator.
 */
const formulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];
/** Byte order marks a spreadsheet drops before reading the cell, so `\uFEFF=1+1` is still a formula. */
const leadingMarks = /^\uFEFF+/;
/** A negative decimal such as an adjustment's `-0.33` h is a number to a spreadsheet, not a formula. */
const plainDecimal = /^-?\d+(\.\d+)?$/;

/** Whether a spreadsheet would read the text as a formula. */
function isFormulaLike(value: string): boolean {
  const visible = value.replace(leadingMarks, '');
  return !plainDecimal.test(visible) && formulaStarts.some((start) => visible.startsWith(start));
}

/**
 * One CSV cell per RFC 4180, defused against formula injection: a text that {@link isFormulaLike} gets
 * a leading `'` (a plain decimal such as `-0.33` stays a number); a cell containing a comma, quote, CR
 * or LF is quoted, quotes doubled. Numbers are written as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const defused = isFormulaLike(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** A CSV document: rows joined with CRLF, the last one terminated too (RFC 4180). */
export function csvDocument(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const formulaStarts = ['=', '+', '-', '@', '\t', '\r'];
/** A negative decimal such as an adjustment's `-0.33` h is a number to a spreadsheet, not a formula. */
const plainDecimal = /^-?\d+(\.\d+)?$/;

/**
 * One CSV cell per RFC 4180, defused against formula injection: a text starting with `=`, `+`, `-`, `@`,
 * tab or CR gets a leading `'` (a plain decimal such as `-0.33` stays a number); a cell containing a comma, quote, CR or LF is quoted, quotes doubled.
 * Numbers are written as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const formulaLike = !plainDecimal.test(value) && formulaStarts.some((start) => value.startsWith(start));
  const defused = formulaLike ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** A CSV document: rows joined with CRLF, the last one terminated too (RFC 4180). */
export function csvDocument(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

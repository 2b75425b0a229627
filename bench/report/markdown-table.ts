/** A GitHub-flavoured Markdown table; columns marked `right` are right-aligned (numbers). */
export interface Column {
  readonly title: string;
  readonly align?: 'left' | 'right';
}

export function markdownTable(columns: readonly Column[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    line(columns.map((column) => column.title)),
    line(columns.map((column) => (column.align === 'right' ? '---:' : '---'))),
    ...rows.map(line),
  ].join('\n');
}

import { type ReactNode, useState } from 'react';

export interface Column<Row> {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  /** What the column sorts by. */
  readonly sortValue: (row: Row) => number | string;
  /** What the cell shows; the sort value by default. */
  readonly render?: (row: Row) => ReactNode;
}

interface SortableTableProps<Row> {
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly initialSort: { readonly key: string; readonly descending: boolean };
}

/** A table whose column headers are buttons that sort it; the sort order is announced through `aria-sort`. */
export function SortableTable<Row>({ caption, columns, rows, rowKey, initialSort }: SortableTableProps<Row>) {
  const [sort, setSort] = useState(initialSort);
  const column = columns.find((candidate) => candidate.key === sort.key) ?? columns[0];
  const sorted = column === undefined ? [...rows] : [...rows].sort((a, b) => compare(column.sortValue(a), column.sortValue(b)) * (sort.descending ? -1 : 1));
  return (
    <table className="sh-table">
      <caption className="sh-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((candidate) => {
            const active = candidate.key === sort.key;
            return (
              <th
                key={candidate.key}
                scope="col"
                data-numeric={candidate.numeric ? '' : undefined}
                aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" onClick={() => setSort({ key: candidate.key, descending: active ? !sort.descending : candidate.numeric === true })}>
                  {candidate.label}
                  {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((candidate) => (
              <td key={candidate.key} data-numeric={candidate.numeric ? '' : undefined}>
                {candidate.render === undefined ? candidate.sortValue(row) : candidate.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

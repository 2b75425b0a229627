import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

export interface Column<Row, Key extends string = string> {
  readonly key: Key;
  readonly label: string;
  readonly numeric?: boolean;
  readonly render: (row: Row) => ReactNode;
}

export interface SortState<Key extends string = string> {
  readonly key: Key;
  readonly descending: boolean;
}

interface SortableTableProps<Row, Key extends string> {
  readonly caption: string;
  readonly columns: readonly Column<Row, Key>[];
  /** Already in the order `sort` names: whoever holds the rows sorts them (the server, for a statement's pages). */
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly sort: SortState<Key>;
  /** A column header was chosen: ascending for text, descending for figures first, then the other way on each click. */
  readonly onSort: (sort: SortState<Key>) => void;
}

/** A table whose column headers are buttons that ask for another order; the order is announced through `aria-sort`. */
export function SortableTable<Row, Key extends string>({ caption, columns, rows, rowKey, sort, onSort }: SortableTableProps<Row, Key>) {
  return (
    <TableScroll label={caption}>
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
                  <button type="button" onClick={() => onSort({ key: candidate.key, descending: active ? !sort.descending : candidate.numeric === true })}>
                    {candidate.label}
                    {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((candidate) => (
                <td key={candidate.key} data-numeric={candidate.numeric ? '' : undefined}>
                  {candidate.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

import type { Column } from '../../shared/components/SortableTable';
import { formatHours } from '../../shared/format/hours';

/** A numeric column of seconds, shown as hours in the user's locale and sorted by the exact seconds. */
export function hoursColumn<Row>(locale: string, key: string, label: string, pick: (row: Row) => number): Column<Row> {
  return { key, label, numeric: true, sortValue: pick, render: (row) => formatHours(pick(row), locale) };
}

import { formatHours } from '@quantities/index';
import type { Column } from '../../shared/components/SortableTable';

/** A numeric column of seconds, shown as hours in the user's locale (the server sorts by the exact seconds). */
export function hoursColumn<Row, Key extends string>(locale: string, key: Key, label: string, pick: (row: Row) => number): Column<Row, Key> {
  return { key, label, numeric: true, render: (row) => formatHours(pick(row), locale) };
}

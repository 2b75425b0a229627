import type { DataOf } from '@contract/index';
import { type Column, SortableTable } from '../../shared/components/SortableTable';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { hoursColumn } from './hours-column';

type BreakdownRow = DataOf<'usage/statement'>['byIssue'][number];

/** Hours per issue or per person, sortable by every figure. */
export function Breakdown({ caption, keyLabel, rows }: { caption: string; keyLabel: string; rows: readonly BreakdownRow[] }) {
  const { locale } = useSurfaceContext();
  const hours = (pick: (row: BreakdownRow) => number, key: string, label: string) => hoursColumn(locale, key, label, pick);
  const columns: Column<BreakdownRow>[] = [
    { key: 'key', label: keyLabel, sortValue: (row) => row.key },
    hours((row) => row.roundedSeconds, 'rounded', 'Billable'),
    hours((row) => row.coveredSeconds, 'covered', 'Covered'),
    hours((row) => row.overageSeconds, 'overage', 'Overage'),
    hours((row) => row.extraSeconds, 'extra', 'Extra'),
    hours((row) => row.nonBillableSeconds, 'nonBillable', 'Non-billable'),
    { key: 'count', label: 'Worklogs', numeric: true, sortValue: (row) => row.worklogCount },
  ];
  if (rows.length === 0) return <p className="sh-subtle">No work logged in this period.</p>;
  return <SortableTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} initialSort={{ key: 'rounded', descending: true }} />;
}

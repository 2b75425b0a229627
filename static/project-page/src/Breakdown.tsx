import { useMemo } from 'react';
import type { DataOf } from '@contract/index';
import { type Column, SortableTable } from '../../shared/components/SortableTable';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { hoursColumn } from './hours-column';
import { issueKeysOf, issueLabel } from './issue-keys';

type BreakdownRow = DataOf<'usage/statement'>['byIssue'][number];
type StatementLine = DataOf<'usage/statement'>['lines'][number];

interface BreakdownProps {
  readonly caption: string;
  readonly keyLabel: string;
  readonly rows: readonly BreakdownRow[];
  /** How a row's key is shown (and sorted): an issue id as its key, say. Default: as it is. */
  readonly labelOf?: (key: string) => string;
}

/** Hours per issue or per person, sortable by every figure. */
export function Breakdown({ caption, keyLabel, rows, labelOf = (key) => key }: BreakdownProps) {
  const { locale } = useSurfaceContext();
  const hours = (pick: (row: BreakdownRow) => number, key: string, label: string) => hoursColumn(locale, key, label, pick);
  const columns: Column<BreakdownRow>[] = [
    { key: 'key', label: keyLabel, sortValue: (row) => labelOf(row.key) },
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

/** Hours per issue, shown by issue key (from the statement's lines), the id only when no key is known. */
export function IssueBreakdown({ rows, lines }: { rows: readonly BreakdownRow[]; lines: readonly StatementLine[] }) {
  const keys = useMemo(() => issueKeysOf(lines), [lines]);
  return <Breakdown caption="Hours by issue" keyLabel="Issue" rows={rows} labelOf={(issueId) => issueLabel(keys, issueId)} />;
}

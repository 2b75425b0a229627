import type { DataOf } from '@contract/index';
import { BILLING_CLASS_LABELS } from '../../shared/components/BillingClassSelect';
import { type Column, SortableTable } from '../../shared/components/SortableTable';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDateTime } from '../../shared/format/dates';
import { hoursColumn } from './hours-column';

type Statement = DataOf<'usage/statement'>;
type Line = Statement['lines'][number];

/** Every worklog behind the period's figures, with how it was rounded and which part was covered. */
export function WorklogLines({ statement }: { statement: Statement }) {
  const { locale } = useSurfaceContext();
  const hours = (pick: (line: Line) => number, key: string, label: string) => hoursColumn(locale, key, label, pick);
  const columns: Column<Line>[] = [
    { key: 'started', label: 'Started', sortValue: (line) => line.started, render: (line) => formatDateTime(line.started, statement.timeZone, locale) },
    { key: 'issue', label: 'Issue', sortValue: (line) => line.issueKey ?? line.issueId },
    { key: 'author', label: 'Person', sortValue: (line) => line.authorAccountId ?? '' },
    { key: 'class', label: 'Billing class', sortValue: (line) => BILLING_CLASS_LABELS[line.billingClass] },
    hours((line) => line.rawSeconds, 'raw', 'Logged'),
    hours((line) => line.roundedSeconds, 'rounded', 'Billable'),
    hours((line) => line.coveredSeconds, 'covered', 'Covered'),
    hours((line) => line.overageSeconds, 'overage', 'Overage'),
  ];
  if (statement.lines.length === 0) return <p className="sh-subtle">No worklogs in this period.</p>;
  return (
    <SortableTable
      caption="Worklog lines"
      columns={columns}
      rows={statement.lines}
      rowKey={(line) => line.worklogId}
      initialSort={{ key: 'started', descending: false }}
    />
  );
}

import type { LineSortKey } from '@contract/index';
import { formatFactor, formatHours } from '@quantities/index';
import { BILLING_CLASS_LABELS } from '../../shared/components/BillingClassSelect';
import { PersonLabel } from '../../shared/components/PersonLabel';
import { type Column, SortableTable, type SortState } from '../../shared/components/SortableTable';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDateTime } from '../../shared/format/dates';
import { usePeople } from '../../shared/hooks/usePeopleNames';
import { hoursColumn } from './hours-column';
import { ListFooter } from './ListFooter';
import { fetchStatementPage } from './statement-fetch';
import { fetchListPage, type ItemOf, type StatementRef, type StatementSummary } from './statement-pages';
import { usePagedList } from './usePagedList';

type Line = ItemOf<'lines'>;

const LINES = { one: 'worklog line', other: 'worklog lines' };

/** Every worklog behind the period's figures, with how it was rounded and which part was covered; a page at a time. */
export function WorklogLines({ summary, statement, onReload }: { summary: StatementSummary; statement: StatementRef; onReload: () => void }) {
  const { locale, timeZone: viewerTimeZone } = useSurfaceContext();
  const lines = usePagedList<Line, SortState<LineSortKey>>(summary.lines, summary.revision, { key: 'started', descending: false }, (offset, sort) =>
    fetchListPage(fetchStatementPage, { ...statement, list: 'lines', offset, sort }),
  );
  const personOf = usePeople(lines.items.map((line) => line.authorAccountId));
  const hours = (pick: (line: Line) => number, key: LineSortKey, label: string) => hoursColumn(locale, key, label, pick);
  const columns: Column<Line, LineSortKey>[] = [
    { key: 'started', label: 'Started', render: (line) => formatDateTime(line.started, { timeZone: summary.timeZone, viewerTimeZone }, locale) },
    { key: 'issue', label: 'Issue', render: (line) => line.issueKey ?? line.issueId },
    { key: 'author', label: 'Person', render: (line) => <PersonLabel person={personOf(line.authorAccountId)} /> },
    { key: 'billingClass', label: 'Billing class', render: (line) => BILLING_CLASS_LABELS[line.billingClass] },
    hours((line) => line.rawSeconds, 'raw', 'Logged'),
    hours((line) => line.roundedSeconds, 'rounded', 'Billable'),
    ...(lines.items.some((line) => line.chargedSeconds !== undefined) ? multiplierColumns(locale) : []),
    hours((line) => line.coveredSeconds, 'covered', 'Covered'),
    hours((line) => line.overageSeconds, 'overage', 'Overage'),
  ];
  if (lines.total === 0) return <p className="sh-subtle">No worklogs in this period.</p>;
  return (
    <div className="sh-stack">
      <SortableTable caption="Worklog lines" columns={columns} rows={lines.items} rowKey={(line) => line.worklogId} sort={lines.sort} onSort={lines.sortBy} />
      <ListFooter list={lines} what={LINES} onReload={onReload} />
    </div>
  );
}

/**
 * Where a multiplier applied on the page: each rule's factor and name, and the hours charged (what the covered and
 * overage figures split). A line no rule touched shows nothing in them: it is charged its billable hours.
 */
function multiplierColumns(locale: string): Column<Line, LineSortKey>[] {
  return [
    {
      key: 'factor',
      label: 'Multiplier',
      render: (line) =>
        [...new Set((line.segments ?? []).filter((segment) => segment.factorPermille !== 1000).map((segment) => `${formatFactor(segment.factorPermille)} ${segment.rule ?? ''}`.trim()))].join(', '),
    },
    { key: 'charged', label: 'Charged', numeric: true, render: (line) => (line.chargedSeconds === undefined ? '' : formatHours(line.chargedSeconds, locale)) },
  ];
}

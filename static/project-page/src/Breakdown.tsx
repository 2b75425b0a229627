import type { BreakdownSortKey } from '@contract/index';
import { NO_AUTHOR_KEY } from '@ledger/breakdown-by';
import type { ReactNode } from 'react';
import { PersonLabel } from '../../shared/components/PersonLabel';
import { type Column, SortableTable, type SortState } from '../../shared/components/SortableTable';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { usePeople } from '../../shared/hooks/usePeopleNames';
import { hoursColumn } from './hours-column';
import { ListFooter } from './ListFooter';
import { fetchStatementPage } from './statement-fetch';
import { fetchListPage, type ItemOf, type StatementRef, type StatementSummary } from './statement-pages';
import { usePagedList, type PagedList } from './usePagedList';

type IssueRow = ItemOf<'byIssue'>;
type AuthorRow = ItemOf<'byAuthor'>;

interface BreakdownTableProps<Row extends AuthorRow> {
  readonly caption: string;
  readonly keyLabel: string;
  readonly rows: PagedList<Row, SortState<BreakdownSortKey>>;
  /** How a row's key is shown: an issue id as its key, say. */
  readonly labelOf: (row: Row) => ReactNode;
  readonly onReload: () => void;
}

/** The breakdowns come by billable hours, most first, as their first page does. */
const BY_BILLABLE: SortState<BreakdownSortKey> = { key: 'rounded', descending: true };

/** Hours per issue or per person, sortable by every figure, a page at a time. */
function BreakdownTable<Row extends AuthorRow>({ caption, keyLabel, rows, labelOf, onReload }: BreakdownTableProps<Row>) {
  const { locale } = useSurfaceContext();
  const hours = (pick: (row: Row) => number, key: BreakdownSortKey, label: string) => hoursColumn(locale, key, label, pick);
  const columns: Column<Row, BreakdownSortKey>[] = [
    { key: 'key', label: keyLabel, render: labelOf },
    hours((row) => row.roundedSeconds, 'rounded', 'Billable'),
    hours((row) => row.coveredSeconds, 'covered', 'Covered'),
    hours((row) => row.overageSeconds, 'overage', 'Overage'),
    hours((row) => row.extraSeconds, 'extra', 'Extra'),
    hours((row) => row.nonBillableSeconds, 'nonBillable', 'Non-billable'),
    { key: 'count', label: 'Worklogs', numeric: true, render: (row) => row.worklogCount },
  ];
  if (rows.total === 0) return <p className="sh-subtle">No work logged in this period.</p>;
  return (
    <div className="sh-stack">
      <SortableTable caption={caption} columns={columns} rows={rows.items} rowKey={(row) => row.key} sort={rows.sort} onSort={rows.sortBy} />
      <ListFooter list={rows} what={{ one: 'row', other: 'rows' }} onReload={onReload} />
    </div>
  );
}

interface BreakdownProps {
  readonly summary: StatementSummary;
  readonly statement: StatementRef;
  readonly onReload: () => void;
}

/** Hours per issue, shown by issue key (the id only when no key is known). */
export function IssueBreakdown({ summary, statement, onReload }: BreakdownProps) {
  const rows = usePagedList<IssueRow, SortState<BreakdownSortKey>>(summary.byIssue, summary.revision, BY_BILLABLE, (offset, sort) =>
    fetchListPage(fetchStatementPage, { ...statement, list: 'byIssue', offset, sort }),
  );
  return <BreakdownTable caption="Hours by issue" keyLabel="Issue" rows={rows} labelOf={(row) => row.issueKey ?? row.key} onReload={onReload} />;
}

/** Hours per person, by display name (work without an author as "No author"). */
export function AuthorBreakdown({ summary, statement, onReload }: BreakdownProps) {
  const rows = usePagedList<AuthorRow, SortState<BreakdownSortKey>>(summary.byAuthor, summary.revision, BY_BILLABLE, (offset, sort) =>
    fetchListPage(fetchStatementPage, { ...statement, list: 'byAuthor', offset, sort }),
  );
  const accountOf = (row: AuthorRow) => (row.key === NO_AUTHOR_KEY ? null : row.key);
  const personOf = usePeople(rows.items.map(accountOf));
  const labelOf = (row: AuthorRow) => (accountOf(row) === null ? 'No author' : <PersonLabel person={personOf(accountOf(row))} />);
  return <BreakdownTable caption="Hours by person" keyLabel="Person" rows={rows} labelOf={labelOf} onReload={onReload} />;
}

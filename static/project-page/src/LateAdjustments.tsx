import { formatHours, formatMoney } from '@quantities/index';
import { Banner } from '../../shared/components/Banner';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDate } from '../../shared/format/dates';
import { ListFooter } from './ListFooter';
import { fetchStatementPage } from './statement-fetch';
import { fetchListPage, type ItemOf, type StatementRef, type StatementSummary } from './statement-pages';
import { usePagedList } from './usePagedList';
import { TableScroll } from '../../shared/components/TableScroll';

const KIND_LABELS = { added: 'Added', changed: 'Changed', removed: 'Removed' } as const;

const ADJUSTMENTS = { one: 'late adjustment', other: 'late adjustments' };

/** Marks a closed statement, and lists the late changes to closed periods booked on this one (a page at a time) with their money. */
export function LateAdjustments({ statement, request, onReload }: { statement: StatementSummary; request: StatementRef; onReload: () => void }) {
  const { locale } = useSurfaceContext();
  const adjustments = usePagedList<ItemOf<'lateAdjustments'>, null>(statement.lateAdjustments, statement.revision, null, (offset) =>
    fetchListPage(fetchStatementPage, { ...request, list: 'lateAdjustments', offset }),
  );
  return (
    <>
      {statement.closedVersion === null ? null : (
        <Banner appearance="info">This period is closed: its statement is frozen (version {statement.closedVersion}). Later changes show on the next open period.</Banner>
      )}
      {adjustments.total === 0 ? null : (
        <section className="sh-stack" aria-label="Late adjustments">
          <h3>Late adjustments</h3>
          <TableScroll label="Late changes to closed periods">
            <table className="sh-table">
              <caption className="sh-visually-hidden">Late changes to closed periods</caption>
              <thead>
                <tr>
                  <th scope="col">Closed period</th>
                  <th scope="col">Change</th>
                  <th scope="col">Worklog</th>
                  <th scope="col">Issue</th>
                  <th scope="col">Started</th>
                  <th scope="col" data-numeric="">Billable hours (change)</th>
                </tr>
              </thead>
              <tbody>
                {adjustments.items.map((adjustment) => (
                  <tr key={`${adjustment.periodLabel}:${adjustment.worklogId}`} data-late-adjustment={adjustment.kind}>
                    <td>{adjustment.periodLabel}</td>
                    <td>{KIND_LABELS[adjustment.kind]}</td>
                    <td>{adjustment.worklogId}</td>
                    <td>{adjustment.issueKey ?? adjustment.issueId}</td>
                    <td>{formatDate(adjustment.started, statement.timeZone, locale)}</td>
                    <td data-numeric="">{signed(adjustment.roundedSeconds, formatHours(Math.abs(adjustment.roundedSeconds), locale))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <ListFooter list={adjustments} what={ADJUSTMENTS} onReload={onReload} />
          <ul>
            {statement.adjustmentCharges.map((charge) => (
              <li key={`${charge.periodLabel}:${charge.kind}`}>
                {charge.periodLabel} — {charge.description}: {signed(charge.amountMinor, formatMoney(Math.abs(charge.amountMinor), statement.currency, locale))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function signed(value: number, magnitude: string): string {
  return value < 0 ? `−${magnitude}` : `+${magnitude}`;
}

import type { DataOf } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDate } from '../../shared/format/dates';
import { formatHours } from '../../shared/format/hours';
import { formatMoney } from '../../shared/format/money';

type Statement = DataOf<'usage/statement'>;

const KIND_LABELS = { added: 'Added', changed: 'Changed', removed: 'Removed' } as const;

/** Marks a closed statement, and lists the late changes to closed periods booked on this one with their money. */
export function LateAdjustments({ statement }: { statement: Statement }) {
  const { locale } = useSurfaceContext();
  return (
    <>
      {statement.closedVersion === null ? null : (
        <Banner appearance="info">This period is closed: its statement is frozen (version {statement.closedVersion}). Later changes show on the next open period.</Banner>
      )}
      {statement.lateAdjustments.length === 0 ? null : (
        <section className="sh-stack" aria-label="Late adjustments">
          <h3>Late adjustments</h3>
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
              {statement.lateAdjustments.map((adjustment) => (
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

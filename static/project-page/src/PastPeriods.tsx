import { formatHours, formatMoney } from '@quantities/index';
import type { DataOf } from '@contract/index';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';

type Totals = DataOf<'usage/history'>['periods'][number];

/** Periods side by side, one column each, newest first. */
export function PastPeriods({ periods }: { periods: readonly Totals[] }) {
  const { locale } = useSurfaceContext();
  const newestFirst = [...periods].reverse();
  const rows: { label: string; value: (totals: Totals) => string }[] = [
    { label: 'Available', value: (totals) => formatHours(totals.availableSeconds, locale) },
    { label: 'Used (covered)', value: (totals) => formatHours(totals.usedCoveredSeconds, locale) },
    { label: 'Remaining', value: (totals) => formatHours(totals.remainingSeconds, locale) },
    { label: 'Overage', value: (totals) => formatHours(totals.overageSeconds, locale) },
    { label: 'Extra', value: (totals) => formatHours(totals.extraSeconds, locale) },
    { label: 'Total due', value: (totals) => formatMoney(totals.totalMinor, totals.currency, locale) },
  ];
  return (
    <div className="sh-scroll">
      <table className="sh-table">
        <caption className="sh-visually-hidden">Past periods</caption>
        <thead>
          <tr>
            <td />
            {newestFirst.map((totals) => (
              <th key={totals.period.label} scope="col" data-numeric="">
                {totals.period.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {newestFirst.map((totals) => (
                <td key={totals.period.label} data-numeric="">
                  {row.value(totals)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

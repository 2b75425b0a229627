import type { DataOf, PlanCard } from '@contract/index';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { periodFiguresOf } from './period-figures';
import { TableScroll } from '../../shared/components/TableScroll';

type Totals = DataOf<'usage/history'>['periods'][number];

/** Periods side by side, one column each, newest first. */
export function PastPeriods({ periods, kind }: { periods: readonly Totals[]; kind: PlanCard['kind'] }) {
  const { locale } = useSurfaceContext();
  const newestFirst = [...periods].reverse();
  const rows = periodFiguresOf(kind, locale);
  return (
    <TableScroll label="Past periods">
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
    </TableScroll>
  );
}

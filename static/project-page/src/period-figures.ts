import { formatHours, formatMoney } from '@quantities/index';
import type { PlanCard, StatementTotals } from '@contract/index';

type Totals = Pick<
  StatementTotals,
  'availableSeconds' | 'usedCoveredSeconds' | 'remainingSeconds' | 'overageSeconds' | 'extraSeconds' | 'nonBillableSeconds' | 'totalMinor' | 'currency'
>;

export interface PeriodFigure {
  readonly label: string;
  readonly value: (totals: Totals) => string;
}

/**
 * The figures that describe a period of the plan's kind, in the order shown: a plan with included hours or blocks
 * has hours available, used, remaining and over; a pay-as-you-go plan has none of those (it would show 0 h), only
 * hours billed at its rate, extra work and what is due.
 */
export function periodFiguresOf(kind: PlanCard['kind'], locale: string): readonly PeriodFigure[] {
  const hours = (label: string, pick: (totals: Totals) => number): PeriodFigure => ({ label, value: (totals) => formatHours(pick(totals), locale) });
  const due: PeriodFigure = { label: 'Total due', value: (totals) => formatMoney(totals.totalMinor, totals.currency, locale) };
  const extra = hours('Extra', (totals) => totals.extraSeconds);
  if (kind === 'pay-as-you-go') {
    return [hours('Billed', (totals) => totals.usedCoveredSeconds), extra, hours('Non-billable', (totals) => totals.nonBillableSeconds), due];
  }
  return [
    hours('Available', (totals) => totals.availableSeconds),
    hours('Used (covered)', (totals) => totals.usedCoveredSeconds),
    hours('Remaining', (totals) => totals.remainingSeconds),
    hours('Overage', (totals) => totals.overageSeconds),
    extra,
    due,
  ];
}

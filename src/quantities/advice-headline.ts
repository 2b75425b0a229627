/** A plan's period unit (the ledger's `PeriodUnit`), written here so that quantities import nothing but exact arithmetic. */
type PeriodUnit = 'month' | 'quarter' | 'year';

export interface HeadlineFigures {
  readonly candidateName: string;
  /** The candidate's total less what was paid. */
  readonly differenceMinor: number;
  readonly periodCount: number;
  readonly periodUnit: PeriodUnit;
  readonly periodsWithOverage: number;
}

const count = (amount: number, unit: PeriodUnit) => `${amount} ${unit}${amount === 1 ? '' : 's'}`;

/**
 * The advice in one sentence, from a candidate's figures: the CLI's text output and the project page say it alike,
 * each writing the amount its own way (`money`).
 *
 * @example
 * const figures = { candidateName: '35 h a month', differenceMinor: -124000, periodCount: 12, periodUnit: 'month', periodsWithOverage: 3 } as const;
 * adviceHeadline(figures, (minor) => formatMoney(minor, 'EUR', 'en-GB'))
 * // 'With 35 h a month you would have paid €1,240.00 less over 12 months; 3 months would have had overage.'
 */
export function adviceHeadline(figures: HeadlineFigures, money: (amountMinor: number) => string): string {
  const { candidateName, differenceMinor, periodCount, periodUnit, periodsWithOverage } = figures;
  const amount = money(Math.abs(differenceMinor));
  const paid = differenceMinor === 0 ? 'the same' : `${amount} ${differenceMinor < 0 ? 'less' : 'more'}`;
  const overage = periodsWithOverage === 0 ? `no ${periodUnit}` : count(periodsWithOverage, periodUnit);
  return `With ${candidateName} you would have paid ${paid} over ${count(periodCount, periodUnit)}; ${overage} would have had overage.`;
}

import type { CustomerBalance } from '@contract/index';
import { formatHours, formatMoney } from '@quantities/index';
import { formatDate } from '../format/dates';
import { forecastText } from '../format/forecast';
import type { Stat } from '../components/Stats';

/** The last day of the balance's period, in the plan's time zone: "Period ends 31 Oct 2026". */
export function periodEndText(balance: CustomerBalance, locale: string): string {
  return formatDate(balance.period.end - 1, balance.timeZone, locale);
}

/** A plan's figures in a customer's words: hours left or used, the period's end, the forecast, overage, money if shown. */
export function customerStats(balance: CustomerBalance, locale: string): Stat[] {
  const hours = (seconds: number) => formatHours(seconds, locale);
  const money = (minor: number) => (balance.amounts === null ? '' : formatMoney(minor, balance.amounts.currency, locale));
  const stats: Stat[] =
    balance.kind === 'pay-as-you-go'
      ? [{ label: 'Used this period', value: hours(balance.usedCoveredSeconds) }]
      : [
          { label: 'Hours left', value: hours(balance.remainingSeconds) },
          { label: 'Used this period', value: hours(balance.usedCoveredSeconds) },
          { label: 'Forecast', value: forecastText(balance, locale) },
        ];
  stats.push({ label: 'Period ends', value: periodEndText(balance, locale) });
  if (balance.overageSeconds > 0) {
    stats.push({ label: 'Beyond the plan', value: balance.amounts === null ? hours(balance.overageSeconds) : `${hours(balance.overageSeconds)} · ${money(balance.amounts.overageMinor)}` });
  }
  if (balance.amounts !== null) stats.push({ label: 'This period so far', value: money(balance.amounts.totalMinor) });
  return stats;
}

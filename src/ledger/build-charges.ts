import { exactTimeCharge, toSafeAmount } from './money';
import type { RuleRateOverage } from './overage-at-rule-rates';
import type { ScheduledBlock } from './schedule-blocks';
import type { ChargeKind, ChargeLine, MinorUnits, Period, Plan, Seconds } from './types';

/** The seconds a period bills, by kind of work. */
export interface BilledSeconds {
  readonly coveredSeconds: Seconds;
  readonly overageSeconds: Seconds;
  readonly extraSeconds: Seconds;
}

/**
 * The period's charge lines in their fixed order — fixed fee, pay-as-you-go, overage at the plan's rate, overage at
 * each multiplier rule rate, extra, one line per block purchased in the period — leaving out lines whose amount and
 * seconds are both 0. Each time-based amount is rounded half up once, from integer seconds.
 *
 * @param purchases the blocks purchased in the period, in purchase order
 * @param ruleOverage the part of the overage billed at rules' own rates (`overageAtRuleRates`)
 * @example
 * // bucket plan, overage rate 12000/h, 1.5 h of overage, no fee, no extra, no purchase
 * buildCharges(plan, period, { coveredSeconds: 9000, overageSeconds: 5400, extraSeconds: 0 }, [])
 * // [{ kind: 'overage', description: 'Overage', seconds: 5400, rateMinor: 12000, amountMinor: 18000 }]
 */
export function buildCharges(
  plan: Plan,
  period: Period,
  billed: BilledSeconds,
  purchases: readonly ScheduledBlock[],
  ruleOverage: readonly RuleRateOverage[] = [],
): ChargeLine[] {
  const lines: ChargeLine[] = [];
  // A plan has either fixed fee and overage (buckets) or pay-as-you-go, so the order holds.
  if (plan.kind === 'buckets') {
    const fixedFeeMinor = plan.allowance?.fixedFeeMinor ?? 0;
    lines.push({ kind: 'fixed-fee', description: `Fixed fee for ${period.label}`, amountMinor: fixedFeeMinor });
    const atRuleRates = ruleOverage.reduce((sum, group) => sum + group.seconds, 0);
    lines.push(timeLine(period, 'overage', 'Overage', billed.overageSeconds - atRuleRates, plan.overageRateMinor, 'overageRateMinor'));
    for (const { rateMinor, rules, seconds } of ruleOverage) {
      const line = timeLine(period, 'overage', `Overage (${rules.join(', ')})`, seconds, rateMinor, 'multipliers');
      lines.push({ ...line, multiplierRules: rules });
    }
  } else {
    lines.push(timeLine(period, 'pay-as-you-go', 'Covered work', billed.coveredSeconds, plan.hourlyRateMinor, 'hourlyRateMinor'));
  }
  lines.push(timeLine(period, 'extra', 'Extra work', billed.extraSeconds, plan.extraRateMinor, 'extraRateMinor'));
  for (const { block } of purchases) {
    lines.push({
      kind: 'block-purchase',
      description: `Prepaid block ${block.id} purchased ${block.purchasedOn}`,
      seconds: block.seconds,
      amountMinor: block.priceMinor,
    });
  }
  return lines.filter((line) => line.amountMinor !== 0 || (line.seconds ?? 0) !== 0);
}

/** A time-based line; an amount too large to be exact names the plan's rate field (`rateField`), not the ledger. */
function timeLine(
  period: Period,
  kind: ChargeKind,
  description: string,
  seconds: Seconds,
  rateMinor: MinorUnits,
  rateField: 'overageRateMinor' | 'hourlyRateMinor' | 'extraRateMinor' | 'multipliers',
): ChargeLine {
  const what = `${description.toLowerCase()} in ${period.label} (${seconds} s at ${rateMinor} per hour)`;
  return { kind, description, seconds, rateMinor, amountMinor: toSafeAmount(exactTimeCharge(seconds, rateMinor), `plan.${rateField}`, what) };
}

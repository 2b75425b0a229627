import type { Plan } from '../../ledger/types';
import { DEMO_CUSTOMERS } from './customers';

export const DEMO_PLAN_IDS = { contract: 'acme-contract', payAsYouGo: 'globex-payg', mixed: 'initech-mixed' } as const;

/**
 * The three demo customers, starting on the first of the month six months before `today`
 * (`YYYY-MM-DD`): a 300 h/month contract with overage and rollover, a pay-as-you-go customer,
 * and a mixed plan whose included hours are topped up by a prepaid block bought in month four.
 */
export function demoPlans(today: string): Plan[] {
  const startDate = firstOfMonth(today, -6);
  const blockPurchase = firstOfMonth(today, -3);
  const quarterHour = { incrementSeconds: 900, minimumSeconds: 900 };
  return [
    {
      kind: 'buckets',
      id: DEMO_PLAN_IDS.contract,
      name: `${DEMO_CUSTOMERS.acme.name} — 300 h/month support contract`,
      currency: DEMO_CUSTOMERS.acme.currency,
      timeZone: DEMO_CUSTOMERS.acme.timeZone,
      startDate,
      period: 'month',
      rounding: quarterHour,
      thresholdsPercent: [80, 100],
      extraRateMinor: 15_000,
      allowance: { includedSeconds: 300 * 3600, fixedFeeMinor: 2_400_000, rollover: { capSeconds: 30 * 3600, expiresAfterPeriods: 1 } },
      blocks: [],
      overageRateMinor: 12_000,
    },
    {
      kind: 'pay-as-you-go',
      id: DEMO_PLAN_IDS.payAsYouGo,
      name: `${DEMO_CUSTOMERS.globex.name} — pay as you go`,
      currency: DEMO_CUSTOMERS.globex.currency,
      timeZone: DEMO_CUSTOMERS.globex.timeZone,
      startDate,
      period: 'month',
      rounding: { incrementSeconds: 360, minimumSeconds: 900 },
      thresholdsPercent: [],
      extraRateMinor: 16_000,
      hourlyRateMinor: 13_500,
    },
    {
      kind: 'buckets',
      id: DEMO_PLAN_IDS.mixed,
      name: `${DEMO_CUSTOMERS.initech.name} — 20 h/month plus a prepaid block`,
      currency: DEMO_CUSTOMERS.initech.currency,
      timeZone: DEMO_CUSTOMERS.initech.timeZone,
      startDate,
      period: 'month',
      rounding: quarterHour,
      thresholdsPercent: [80, 100],
      extraRateMinor: 14_000,
      allowance: { includedSeconds: 20 * 3600, fixedFeeMinor: 150_000 },
      blocks: [{ id: 'initech-block-1', purchasedOn: blockPurchase, seconds: 60 * 3600, priceMinor: 540_000 }],
      overageRateMinor: 11_000,
    },
  ];
}

/** `YYYY-MM-01` of the month `monthsLater` months after the month of `date` (`YYYY-MM-DD`). */
export function firstOfMonth(date: string, monthsLater: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1;
  return new Date(Date.UTC(year, month + monthsLater, 1)).toISOString().slice(0, 10);
}

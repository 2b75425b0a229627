import * as z from 'zod';
import { planCardSchema } from './usage';

/** Money a customer sees only when the plan's admin shows amounts: the overage's and the period's total. */
export const customerAmountsSchema = z.object({ currency: z.string(), overageMinor: z.int().min(0), totalMinor: z.int() });

/**
 * One plan's current period as a customer sees it in the portal: hours, the period's end and the forecast. No plan id,
 * issue, person, alert, extra or non-billable figure; money only when the admin shows amounts.
 */
export const customerBalanceSchema = planCardSchema
  .pick({
    planName: true,
    kind: true,
    timeZone: true,
    period: true,
    daysLeft: true,
    availableSeconds: true,
    usedCoveredSeconds: true,
    remainingSeconds: true,
    overageSeconds: true,
    forecast: true,
    thresholdState: true,
    refreshing: true,
  })
  .extend({ amounts: customerAmountsSchema.nullable() });

/** The request's share of its plan this period, and who worked on it when the admin shows agents' names. */
export const customerRequestBalanceSchema = customerBalanceSchema.extend({
  /** The request's billable hours this period (covered, overage and extra, as rounded); never its non-billable work. */
  requestSeconds: z.int().min(0),
  /** Display names of the people who logged work on the request this period; null when the admin does not show them. */
  workedBy: z.array(z.string()).nullable(),
});

export const portalContract = {
  /** The portal's request detail panel: the request comes from the Forge context, never the payload. */
  'portal/request': {
    payload: z.strictObject({}),
    result: z.object({ balance: customerRequestBalanceSchema.nullable() }),
  },
  /** The portal footer: every plan the signed-in customer may see, by plan name. */
  'portal/plans': {
    payload: z.strictObject({}),
    result: z.object({ plans: z.array(customerBalanceSchema) }),
  },
} as const;

export type CustomerBalance = z.infer<typeof customerBalanceSchema>;
export type CustomerRequestBalance = z.infer<typeof customerRequestBalanceSchema>;

/** The bodies of the jobs on the alerts queue. */
import * as z from 'zod';

const checkPlanJobSchema = z.object({
  kind: z.literal('check-plan'),
  planId: z.string(),
});

const deliverAlertJobSchema = z.object({
  kind: z.literal('deliver'),
  /** The alert's store key, which is also the delivery's idempotency key: one email per key, ever. */
  alertKey: z.string(),
});

export const alertJobSchema = z.discriminatedUnion('kind', [checkPlanJobSchema, deliverAlertJobSchema]);

export type CheckPlanJob = z.infer<typeof checkPlanJobSchema>;
export type DeliverAlertJob = z.infer<typeof deliverAlertJobSchema>;
export type AlertJob = z.infer<typeof alertJobSchema>;

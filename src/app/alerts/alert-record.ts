import * as z from 'zod';
import { droppedRecipientSchema } from '../../contract';

/**
 * One threshold of one plan's period, once crossed. Created once (a conditional create, in the
 * same transaction as its outbox entry), then only edited: withdrawn when the crossing stops
 * being true, active again if it crosses again, and marked delivered once Jira accepted the
 * email — so it is never mailed twice — or failed once the retries ran out.
 */
export const alertRecordSchema = z.object({
  /** The plan's internal id (its key, for plans stored before internal ids). */
  planId: z.string(),
  periodLabel: z.string(),
  percent: z.int(),
  /** The issue whose worklog crossed the threshold when the alert was raised: the email is about it. */
  issueId: z.string(),
  issueKey: z.string().nullable(),
  worklogId: z.string(),
  usedCoveredSeconds: z.int(),
  availableSeconds: z.int(),
  raisedAt: z.int(),
  state: z.enum(['active', 'withdrawn']),
  withdrawnAt: z.int().nullable(),
  /**
   * `pending` until Jira accepted the email; `no-recipients` when the plan names nobody;
   * `failed` when it could not be sent (see `failure`).
   */
  delivery: z.enum(['pending', 'delivered', 'no-recipients', 'failed']),
  deliveredAt: z.int().nullable(),
  /** Recipients left out because Jira knows no such account or it is deactivated (records before this field: none). */
  droppedRecipients: z.array(droppedRecipientSchema).default([]),
  /** Why it was not sent (`failed` only). */
  failure: z.string().nullable().default(null),
});

export type AlertRecord = z.infer<typeof alertRecordSchema>;

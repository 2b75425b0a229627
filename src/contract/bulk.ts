import { z } from 'zod';
import { BULK_JQL_MAX_LENGTH } from '../input/limits';
import { planIdSchema } from './plans';
import { billingClassSchema } from './statement';

/** The admin's filter; the server always narrows it to the current project. */
const jqlSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(BULK_JQL_MAX_LENGTH, { error: `must be at most ${BULK_JQL_MAX_LENGTH} characters` });

export const bulkJobSchema = z.object({
  jobId: z.string(),
  planId: z.string(),
  billingClass: billingClassSchema,
  /** The JQL actually run: the admin's, narrowed to the project. */
  jql: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.int().min(0),
  linked: z.int().min(0),
  failed: z.int().min(0),
  /** Why the job stopped, when it failed. */
  message: z.string().optional(),
  startedBy: z.string(),
  startedAt: z.int(),
  updatedAt: z.int(),
});

export const bulkContract = {
  'bulk/preview': {
    payload: z.strictObject({ jql: jqlSchema }),
    result: z.object({ jql: z.string(), count: z.int().min(0) }),
  },
  'bulk/link': {
    payload: z.strictObject({ jql: jqlSchema, planId: planIdSchema, billingClass: billingClassSchema.default('covered') }),
    result: bulkJobSchema,
  },
  'bulk/status': {
    payload: z.strictObject({ jobId: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be a job id returned by bulk/link' }) }),
    result: bulkJobSchema,
  },
} as const;

export type BulkJob = z.infer<typeof bulkJobSchema>;

import * as z from 'zod';
import { BULK_JQL_MAX_LENGTH } from '../input/limits';
import { planIdSchema } from './plans';
import { billingClassSchema } from './statement';

/** Issue keys kept per skip or failure reason, so an admin can find some of them. */
export const BULK_SAMPLE_KEYS = 10;

/**
 * The admin's query, run exactly as typed and as the admin; only the issues of the current
 * project among its results are ever linked.
 */
const jqlSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(BULK_JQL_MAX_LENGTH, { error: `must be at most ${BULK_JQL_MAX_LENGTH} characters` });

const countTokenSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be a count token returned by bulk/preview' });

/**
 * Why a matched issue was not linked, decided before anything is written:
 * - `other-project`: the query also found issues of other projects (never linked from here);
 * - `no-edit-permission`: the admin may not browse and edit the issue in Jira;
 * - `already-on-plan`: it is on this plan with this billing class already;
 * - `on-other-plan`: it counts against another plan (`planId`), which a bulk run never changes.
 */
export const BULK_SKIP_REASONS = ['other-project', 'no-edit-permission', 'already-on-plan', 'on-other-plan'] as const;

/**
 * Why writing a link failed: Jira's rate limit, Jira not answering (5xx, time-outs, network),
 * the issue deleted or hidden since the count, Jira refusing the write, the plan deleted since
 * the run started, or a bug in Support Hours.
 */
export const BULK_FAILURE_REASONS = ['rate-limited', 'jira-unavailable', 'issue-gone', 'jira-refused', 'plan-gone', 'internal-error'] as const;

export const bulkSkipSchema = z.object({
  reason: z.enum(BULK_SKIP_REASONS),
  /** The plan the issues stay on (`on-other-plan` only). */
  planId: z.string().optional(),
  count: z.int().min(1),
  /** Some of the issues; none for other projects' issues, which this project's admins should not learn about here. */
  issueKeys: z.array(z.string()).max(BULK_SAMPLE_KEYS),
});

export const bulkFailureSchema = z.object({
  reason: z.enum(BULK_FAILURE_REASONS),
  count: z.int().min(1),
  issueKeys: z.array(z.string()).max(BULK_SAMPLE_KEYS),
  /** Jira's (or the app's) words for the first failure of this kind. */
  message: z.string(),
});

export const bulkJobSchema = z.object({
  jobId: z.string(),
  planId: z.string(),
  billingClass: billingClassSchema,
  /** The admin's query, as typed. */
  jql: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  /** Issues to link: the project's matches minus the skipped ones. */
  total: z.int().min(0),
  linked: z.int().min(0),
  failed: z.int().min(0),
  failures: z.array(bulkFailureSchema).default([]),
  skipped: z.array(bulkSkipSchema).default([]),
  /** Why the job stopped, when it failed. */
  message: z.string().optional(),
  startedBy: z.string(),
  startedAt: z.int(),
  updatedAt: z.int(),
});

export const bulkCountSchema = z.object({
  /** The query counted, with its spacing normalised: `bulk/link` must send the same one. */
  jql: z.string(),
  /** Issues of this project the query finds for the admin. */
  count: z.int().min(0),
  /** Issues of other projects it also finds: never linked from here. */
  otherProjects: z.int().min(0),
  /** Binds `bulk/link` to this count: the same admin, project, query and issues, before `expiresAt`. */
  countToken: z.string(),
  expiresAt: z.int(),
});

export const bulkContract = {
  'bulk/preview': {
    payload: z.strictObject({ jql: jqlSchema }),
    result: bulkCountSchema,
  },
  'bulk/link': {
    payload: z.strictObject({ jql: jqlSchema, planId: planIdSchema, billingClass: billingClassSchema.default('covered'), countToken: countTokenSchema }),
    result: bulkJobSchema,
  },
  'bulk/status': {
    payload: z.strictObject({ jobId: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be a job id returned by bulk/link' }) }),
    result: bulkJobSchema,
  },
} as const;

export type BulkJob = z.infer<typeof bulkJobSchema>;
export type BulkCount = z.infer<typeof bulkCountSchema>;
export type BulkSkip = z.infer<typeof bulkSkipSchema>;
export type BulkFailure = z.infer<typeof bulkFailureSchema>;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];
export type BulkFailureReason = (typeof BULK_FAILURE_REASONS)[number];

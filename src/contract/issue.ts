import * as z from 'zod';
import { hardStopModeSchema, planIdSchema } from './plans';
import { billingClassSchema, breakdownSchema } from './statement';
import { planCardSchema } from './usage';

/** An issue's work under its plan, in seconds. */
export const issueUsageSchema = breakdownSchema.omit({ key: true });

/** Everything the issue panel shows first, in one answer (the plan picker's choices come from `issue/plans`). */
export const issueViewSchema = z.object({
  issue: z.object({ id: z.string(), key: z.string() }),
  /** The caller may change the link (Jira's Edit issues permission). */
  canEdit: z.boolean(),
  link: z.object({ planId: z.string(), billingClass: billingClassSchema }).nullable(),
  /** Null when the issue has no plan, or its plan no longer exists (`link` still says which). */
  balance: planCardSchema.nullable(),
  issueUsage: z.object({ period: issueUsageSchema, allTime: issueUsageSchema }).nullable(),
  /** The plan's hard stop when it warns or stops (the panel's banner once the plan is exhausted); absent when off or unlinked. */
  hardStop: hardStopModeSchema.exclude(['off']).optional(),
});

/** The project's active plans an issue can be put on: what the panel's plan picker offers, asked for when it is shown. */
export const linkablePlansSchema = z.object({ plans: z.array(z.object({ id: z.string(), name: z.string() })) });

export const issueContract = {
  'issue/get': {
    payload: z.strictObject({}),
    result: issueViewSchema,
  },
  'issue/plans': {
    payload: z.strictObject({}),
    result: linkablePlansSchema,
  },
  'issue/setLink': {
    payload: z.strictObject({ planId: planIdSchema, billingClass: billingClassSchema.default('covered') }),
    result: issueViewSchema,
  },
  'issue/clearLink': {
    payload: z.strictObject({}),
    result: issueViewSchema,
  },
} as const;

export type IssueView = z.infer<typeof issueViewSchema>;
export type LinkablePlans = z.infer<typeof linkablePlansSchema>;
export type IssueUsage = z.infer<typeof issueUsageSchema>;

import * as z from 'zod';
import { planIdSchema } from './plans';

export const projectSettingsSchema = z.object({
  /** Plan set on new issues of the project; null for none. */
  defaultPlanId: z.string().nullable(),
  /** 0 until the settings are first saved; writes must name the version they read. */
  version: z.int().min(0),
});

/** An issue whose `support-plan` property names a plan its project does not have; its work counts for nothing. */
export const invalidLinkSchema = z.object({
  issueId: z.string(),
  issueKey: z.string(),
  /** The plan id the property names, as written in it. */
  planId: z.string(),
  /** When the app saw the issue name this plan (epoch ms). */
  seenAt: z.int(),
});

export const invalidLinksSchema = z.object({
  /** Oldest first; at most 50. */
  links: z.array(invalidLinkSchema),
  /** Older invalid links no longer listed, because the list is full. */
  dropped: z.int().min(0),
});

/** A recipient an alert was not sent to: Jira knows no such account, or it is deactivated. */
export const droppedRecipientSchema = z.object({
  accountId: z.string(),
  reason: z.enum(['unknown', 'inactive']),
});

/**
 * An alert the plan's admins should know about: not emailed at all (`failed`, with Jira's or the
 * app's reason), or emailed to fewer people than the plan names (`partly-delivered`).
 */
export const alertProblemSchema = z.object({
  planId: z.string(),
  planName: z.string(),
  periodLabel: z.string(),
  percent: z.int(),
  outcome: z.enum(['failed', 'partly-delivered']),
  /** Why it was not emailed (`failed` only). */
  reason: z.string().nullable(),
  droppedRecipients: z.array(droppedRecipientSchema),
  at: z.int(),
});

/** What a parked job was doing. */
export const PARKED_JOB_KINDS = ['recompute', 'drop-generation', 'purge-plan', 'refresh-figures', 'alert-check', 'bulk-link'] as const;

/** A background job that kept failing and was set aside, with its last error. */
export const parkedJobSchema = z.object({
  kind: z.enum(PARKED_JOB_KINDS),
  /** The plan it worked for (its key), when it is still there. */
  planId: z.string().nullable(),
  /** `transient`: it kept failing for reasons that usually pass (Jira busy or down) until the retries ran out; `permanent`: retrying could not help. */
  failure: z.enum(['transient', 'permanent']),
  error: z.string(),
  attempts: z.int().min(1),
  firstFailedAt: z.int(),
  parkedAt: z.int(),
});

/** Failed alert deliveries and parked jobs of the project, newest last; each list at most 50 long. */
export const problemsSchema = z.object({
  alerts: z.array(alertProblemSchema),
  jobs: z.array(parkedJobSchema),
  /** Older entries no longer listed, because a list was full. */
  dropped: z.int().min(0),
});

export const settingsContract = {
  'settings/get': {
    payload: z.strictObject({}),
    result: projectSettingsSchema,
  },
  'settings/update': {
    payload: z.strictObject({
      defaultPlanId: planIdSchema.nullable(),
      expectedVersion: z.int({ error: 'must be the whole version number you read' }).min(0),
    }),
    result: projectSettingsSchema,
  },
  /** Project administrators only: the project's issues whose plan link names no plan of the project. */
  'settings/invalidLinks': {
    payload: z.strictObject({}),
    result: invalidLinksSchema,
  },
  /** Project administrators only: alerts that were not (fully) emailed and background jobs that were parked. */
  'settings/problems': {
    payload: z.strictObject({}),
    result: problemsSchema,
  },
  /**
   * Project administrators only: takes the entries an admin has dealt with off the list — those
   * listed at or before `seenUpTo` (the newest instant they were shown), so one added meanwhile stays.
   */
  'settings/clearProblems': {
    payload: z.strictObject({ seenUpTo: z.int({ error: 'must be the newest instant of the entries you saw' }).min(0) }),
    result: problemsSchema,
  },
} as const;

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export type InvalidLink = z.infer<typeof invalidLinkSchema>;
export type InvalidLinks = z.infer<typeof invalidLinksSchema>;
export type DroppedRecipient = z.infer<typeof droppedRecipientSchema>;
export type AlertProblem = z.infer<typeof alertProblemSchema>;
export type ParkedJob = z.infer<typeof parkedJobSchema>;
export type ParkedJobKind = (typeof PARKED_JOB_KINDS)[number];
export type Problems = z.infer<typeof problemsSchema>;

/**
 * The product events and queue events Forge hands to the app's functions, validated at the
 * edge: a malformed event is refused here, never half-applied.
 */
import * as z from 'zod';
import { AttributeFieldsSchema } from '../../adapters/jira/issue-attributes';

const worklogBody = z.object({
  id: z.string(),
  issueId: z.string(),
  started: z.string(),
  timeSpentSeconds: z.number().int().nonnegative(),
  author: z.object({ accountId: z.string() }).optional(),
  updated: z.string().optional(),
});

export const worklogEventSchema = z.discriminatedUnion('eventType', [
  z.object({ eventType: z.literal('avi:jira:created:worklog'), worklog: worklogBody }),
  z.object({ eventType: z.literal('avi:jira:updated:worklog'), worklog: worklogBody }),
  z.object({
    eventType: z.literal('avi:jira:deleted:worklog'),
    worklog: worklogBody.partial().required({ id: true, issueId: true }),
  }),
]);

export const issueCreatedEventSchema = z.object({
  eventType: z.literal('avi:jira:created:issue'),
  issue: z.object({
    id: z.string(),
    key: z.string(),
    fields: z.object({ summary: z.string().default(''), project: z.object({ id: z.string() }) }).extend(AttributeFieldsSchema.shape),
  }),
});

/**
 * An issue's update, with the fields it changed (Jira's changelog): the app acts on the Organizations field, and on
 * the priority, issue type and request type. `updated` is when the change was made.
 */
export const issueUpdatedEventSchema = z.object({
  eventType: z.literal('avi:jira:updated:issue'),
  issue: z.object({
    id: z.string(),
    key: z.string(),
    fields: z.object({ project: z.object({ id: z.string() }), updated: z.string().optional() }).extend(AttributeFieldsSchema.shape),
  }),
  changelog: z
    .object({ items: z.array(z.object({ field: z.string().optional(), fieldId: z.string().optional(), from: z.string().nullish(), to: z.string().nullish() })) })
    .optional(),
});

/**
 * What Jira hands a `jira:workflowValidator` function: the issue by key, the validator's configuration and the
 * transition (its statuses and the fields changed on its screen). The app reads only the key.
 */
export const transitionValidationSchema = z.object({
  issue: z.object({ key: z.string().min(1) }),
});

/** What a `consumer` function receives for each job pushed with `@forge/events`. */
export const queueEventSchema = z.object({
  body: z.record(z.string(), z.json()),
  jobId: z.string().optional(),
});

export type WorklogEvent = z.infer<typeof worklogEventSchema>;

/** Retrying a malformed event or job can't help, so it is logged with the reason and acknowledged. */
export function acknowledgeMalformed(what: string, reason: string): void {
  console.warn(`Support Hours ignored a malformed ${what}: ${reason}`);
}

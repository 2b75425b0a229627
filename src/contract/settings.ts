import { z } from 'zod';
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
} as const;

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export type InvalidLink = z.infer<typeof invalidLinkSchema>;
export type InvalidLinks = z.infer<typeof invalidLinksSchema>;

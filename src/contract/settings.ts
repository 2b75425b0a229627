import { z } from 'zod';
import { planIdSchema } from './plans';

export const projectSettingsSchema = z.object({
  /** Plan set on new issues of the project; null for none. */
  defaultPlanId: z.string().nullable(),
  /** 0 until the settings are first saved; writes must name the version they read. */
  version: z.int().min(0),
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
} as const;

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

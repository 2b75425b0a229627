/**
 * The part of Forge's invocation context the resolvers trust. It comes from Forge (or the
 * local runtime playing Forge), never from the payload: the issue and project a call acts on
 * are the ones the surface was opened on.
 */
import * as z from 'zod';

/** Forge sends ids as strings; some surfaces have sent numbers. */
const jiraId = z.union([z.string().regex(/^\d+$/), z.int().min(0)]).transform(String);

const extensionSchema = z.object({
  type: z.string(),
  issue: z.object({ id: jiraId, key: z.string(), type: z.string().optional() }).optional(),
  project: z.object({ id: jiraId, key: z.string(), type: z.string().optional() }).optional(),
  gadgetConfiguration: z.unknown().optional(),
  entryPoint: z.string().optional(),
  /** The customer portal's request panel: JSM names the request by its key. */
  request: z.object({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/) }).optional(),
});

export const callContextSchema = z.object({
  accountId: z.string().min(1),
  cloudId: z.string().optional(),
  moduleKey: z.string().optional(),
  localId: z.string().optional(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
  extension: extensionSchema,
});

export type CallContext = z.infer<typeof callContextSchema>;

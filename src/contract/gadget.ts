import * as z from 'zod';

/** One plan the gadget's edit view may offer. */
export const gadgetPlanOptionSchema = z.object({ planId: z.string(), planName: z.string() });

/** A project the caller may browse, with its active plans, ordered by name. */
export const gadgetProjectOptionSchema = z.object({
  projectId: z.string(),
  projectKey: z.string(),
  plans: z.array(gadgetPlanOptionSchema).min(1),
});

/** How many projects with plans `gadget/options` checks (one `mypermissions` call each). */
export const GADGET_OPTIONS_MAX_PROJECTS = 50;

export const gadgetContract = {
  /** The dashboard has no project: the projects the caller may browse that have active plans, ordered by key. */
  'gadget/options': {
    payload: z.strictObject({}),
    result: z.object({
      projects: z.array(gadgetProjectOptionSchema),
      /** True when more projects have plans than were checked; the rest are not listed. */
      truncated: z.boolean(),
    }),
  },
} as const;

export type GadgetPlanOption = z.infer<typeof gadgetPlanOptionSchema>;
export type GadgetProjectOption = z.infer<typeof gadgetProjectOptionSchema>;

/**
 * What the preview server and its host page (static/preview-host) say to each other over HTTP.
 * Browser-safe: zod only, imported by the host page through the `@preview` alias.
 */
import * as z from 'zod';

/** The header every write to the preview carries: the token of this start, which only the served host page knows. */
export const PREVIEW_TOKEN_HEADER = 'x-preview-token';
/** The `<meta name>` through which the preview hands its host page that token. */
export const PREVIEW_TOKEN_META = 'support-hours-preview-token';

export const SURFACE_MODULE_TYPES = [
  'jira:issuePanel',
  'jira:projectPage',
  'jira:projectSettingsPage',
  'jira:dashboardGadget',
  'jiraServiceManagement:portalRequestDetailPanel',
  'jiraServiceManagement:portalFooter',
] as const;

/** Who besides licensed users a module lets in (the manifest's `unlicensedAccess`). */
export const UNLICENSED_USER_TYPES = ['customer', 'unlicensed', 'anonymous'] as const;

export const surfaceModuleSchema = z.object({
  type: z.enum(SURFACE_MODULE_TYPES),
  key: z.string(),
  title: z.string(),
  /** Where the preview serves the resource's build, e.g. `/apps/issue-panel/`. */
  url: z.string(),
  /** The gadget's edit view; the same URL when one resource serves both entry points. */
  editUrl: z.string().optional(),
  /** Jira shows the module to these unlicensed users too; to no anonymous visitor unless it names `anonymous`. */
  unlicensedAccess: z.array(z.enum(UNLICENSED_USER_TYPES)).default([]),
});

export const demoUserSchema = z.object({
  role: z.string(),
  accountId: z.string(),
  displayName: z.string(),
  email: z.string(),
  apiToken: z.string(),
  timeZone: z.string(),
  /** Jira shows project settings (and so the app's settings page) to project admins only. */
  isProjectAdmin: z.boolean(),
});

/** GET /__preview/site */
export const demoSiteSchema = z.object({
  siteUrl: z.string(),
  cloudId: z.string(),
  appId: z.string(),
  environmentId: z.string(),
  project: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  /** The Jira Service Management project whose customer portal the preview shows; null on a site without one. */
  serviceProject: z.object({ id: z.string(), key: z.string(), name: z.string(), serviceDeskId: z.string() }).nullable(),
  users: z.array(demoUserSchema),
  modules: z.array(surfaceModuleSchema),
  /** What the gadget's edit view last saved with `view.submit`; null before. */
  gadgetConfiguration: z.record(z.string(), z.json()).nullable(),
});

/** The Forge context a frame runs in, as the host page knows it. */
export const frameContextSchema = z.object({
  /** Absent: an anonymous visitor of the customer portal. */
  accountId: z.string().optional(),
  moduleKey: z.string(),
  locale: z.string(),
  timezone: z.string(),
  extension: z.record(z.string(), z.json()),
});

/** POST /__preview/invoke: one `invoke(functionKey, payload)` from a frame. */
export const invokeRequestSchema = z.object({
  functionKey: z.string(),
  payload: z.json(),
  context: frameContextSchema,
});

/** PUT /__preview/gadget-configuration */
export const gadgetConfigurationSaveSchema = z.object({ configuration: z.record(z.string(), z.json()) });

export type SurfaceModule = z.infer<typeof surfaceModuleSchema>;
export type DemoUser = z.infer<typeof demoUserSchema>;
export type DemoSite = z.infer<typeof demoSiteSchema>;
export type FrameContext = z.infer<typeof frameContextSchema>;
export type InvokeRequest = z.infer<typeof invokeRequestSchema>;

/**
 * Forge invocation contexts as Jira builds them for each surface, so the resolvers see locally
 * exactly the shape they see on Forge.
 */
import { SURFACES } from './surfaces';

export interface JiraRef {
  readonly id: string;
  readonly key: string;
}

export type SurfaceTarget =
  | { readonly surface: 'issuePanel'; readonly issue: JiraRef & { readonly type?: string }; readonly project: JiraRef }
  | { readonly surface: 'projectPage'; readonly project: JiraRef }
  | { readonly surface: 'projectSettingsPage'; readonly project: JiraRef }
  | { readonly surface: 'dashboardGadget'; readonly gadgetConfiguration?: Readonly<Record<string, unknown>>; readonly entryPoint?: 'edit' }
  /** A request in the customer portal: JSM gives its key (not its id) and the portal's (service desk's) id. */
  | { readonly surface: 'portalRequestPanel'; readonly requestKey: string; readonly portalId: string }
  /** The Help Center (no portal) or a portal's own pages. */
  | { readonly surface: 'portalFooter'; readonly page: 'help_center' | 'portal'; readonly portalId?: string };

export interface LocalCaller {
  /** Absent: an anonymous visitor of the customer portal, whom Forge calls without an account. */
  readonly accountId?: string;
  readonly locale?: string;
  readonly timezone?: string;
}

export interface SiteIdentity {
  readonly cloudId: string;
}

function extensionOf(target: SurfaceTarget): Record<string, unknown> {
  const type = SURFACES[target.surface].type;
  switch (target.surface) {
    case 'issuePanel':
      return { type, issue: { id: target.issue.id, key: target.issue.key, type: target.issue.type ?? 'Task' }, project: { ...target.project, type: 'software' }, isNewToIssue: false };
    case 'projectPage':
    case 'projectSettingsPage':
      return { type, project: { ...target.project, type: 'software' } };
    case 'dashboardGadget':
      return {
        type,
        gadgetConfiguration: target.gadgetConfiguration ?? {},
        dashboard: { id: '10000' },
        gadget: { id: '10100' },
        ...(target.entryPoint === undefined ? {} : { entryPoint: target.entryPoint }),
      };
    case 'portalRequestPanel':
      return { type, request: { key: target.requestKey, typeId: '1' }, portal: { id: Number(target.portalId) } };
    case 'portalFooter':
      return { type, page: target.page, ...(target.portalId === undefined ? {} : { portal: { id: Number(target.portalId) } }) };
  }
}

/** The `context` Forge hands a resolver invoked from `target` by `caller`. */
export function buildForgeContext(site: SiteIdentity, caller: LocalCaller, target: SurfaceTarget): Record<string, unknown> {
  const moduleKey = SURFACES[target.surface].moduleKey;
  return {
    ...(caller.accountId === undefined ? {} : { accountId: caller.accountId }),
    cloudId: site.cloudId,
    moduleKey,
    localId: `ari:cloud:ecosystem::extension/local/${moduleKey}`,
    environmentType: 'DEVELOPMENT',
    locale: caller.locale ?? 'en-US',
    timezone: caller.timezone ?? 'UTC',
    extension: extensionOf(target),
  };
}

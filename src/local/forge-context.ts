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
  | { readonly surface: 'dashboardGadget'; readonly gadgetConfiguration?: Readonly<Record<string, unknown>>; readonly entryPoint?: 'edit' };

export interface LocalCaller {
  readonly accountId: string;
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
  }
}

/** The `context` Forge hands a resolver invoked from `target` by `caller`. */
export function buildForgeContext(site: SiteIdentity, caller: LocalCaller, target: SurfaceTarget): Record<string, unknown> {
  const moduleKey = SURFACES[target.surface].moduleKey;
  return {
    accountId: caller.accountId,
    cloudId: site.cloudId,
    moduleKey,
    localId: `ari:cloud:ecosystem::extension/local/${moduleKey}`,
    environmentType: 'DEVELOPMENT',
    locale: caller.locale ?? 'en-US',
    timezone: caller.timezone ?? 'UTC',
    extension: extensionOf(target),
  };
}

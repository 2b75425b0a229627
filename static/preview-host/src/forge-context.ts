import type { DemoSite, FrameContext } from '@preview/protocol';
import type { ColorMode } from '../bridge-protocol';

/** The context `view.getContext()` answers in Jira, built from what the host page knows about the frame. */
export function forgeContext(site: DemoSite, frame: FrameContext, colorMode: ColorMode) {
  return {
    accountId: frame.accountId,
    cloudId: site.cloudId,
    environmentId: site.environmentId,
    environmentType: 'DEVELOPMENT',
    localId: `ari:cloud:ecosystem::extension/${site.appId}/${site.environmentId}/static/${frame.moduleKey}`,
    locale: frame.locale,
    moduleKey: frame.moduleKey,
    siteUrl: site.siteUrl,
    timezone: frame.timezone,
    theme: { colorMode },
    extension: frame.extension,
  };
}

import type Resolver from '@forge/resolver';
import type { PortalPorts } from '../../app/portal/portal-ports';
import { requestBalance } from '../../app/portal/request-balance';
import { visiblePlans } from '../../app/portal/visible-plans';
import { notAllowed } from '../../app/refusal';
import type { CallContext } from './call-context';
import { defineResolver } from './define-resolver';
import type { BackendServices } from './services';

/** Jira as the app for what a customer may not ask (their organisations), and as the customer for the request. */
function portalPorts(services: BackendServices, context: CallContext): PortalPorts {
  return { store: services.store, clock: services.clock, appJira: services.appJira, customerJira: services.userJira(context) };
}

/**
 * The customer portal's two surfaces. The customer is the context's account (an anonymous visitor has none and is
 * refused before a handler runs) and the request is the context's; the payloads name nothing.
 */
export function definePortalResolvers(resolver: Resolver, services: BackendServices): void {
  defineResolver(resolver, 'portal/request', async ({ context }) => {
    const requestKey = context.extension.request?.key;
    if (requestKey === undefined) return notAllowed({ what: 'not-on-a-request' });
    return requestBalance(portalPorts(services, context), { accountId: context.accountId, requestKey });
  });

  defineResolver(resolver, 'portal/plans', async ({ context }) => ({ ok: true, data: await visiblePlans(portalPorts(services, context), context.accountId) }));
}

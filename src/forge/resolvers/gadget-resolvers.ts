import type Resolver from '@forge/resolver';
import { gadgetOptions } from '../../app/usage/gadget-options';
import { browsesProject } from './access';
import { defineResolver } from './define-resolver';
import type { BackendServices } from './services';

export function defineGadgetResolvers(resolver: Resolver, services: BackendServices): void {
  /**
   * The gadget's edit view: a dashboard has no project, so this lists the projects with active
   * plans that the caller may browse — one `mypermissions` call per project with plans (≤ 50).
   */
  defineResolver(resolver, 'gadget/options', async ({ context }) => ({
    ok: true,
    data: await gadgetOptions(services.store, (projectId) => browsesProject(services, context, projectId)),
  }));
}

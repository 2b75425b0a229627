import Resolver from '@forge/resolver';
import { defineBulkResolvers } from './bulk-resolvers';
import { defineClosingResolvers } from './closing-resolvers';
import { defineGadgetResolvers } from './gadget-resolvers';
import { defineIssueResolvers } from './issue-resolvers';
import { definePeopleResolvers } from './people-resolvers';
import { definePlanResolvers } from './plan-resolvers';
import { definePortalResolvers } from './portal-resolvers';
import type { BackendServices } from './services';
import { defineSettingsResolvers } from './settings-resolvers';
import { defineUsageResolvers } from './usage-resolvers';

/** Every resolver of the contract on one `@forge/resolver`; Forge and the local runtime both call its `getDefinitions()`. */
export function createResolver(services: BackendServices): Resolver {
  const resolver = new Resolver();
  definePlanResolvers(resolver, services);
  defineSettingsResolvers(resolver, services);
  defineIssueResolvers(resolver, services);
  defineUsageResolvers(resolver, services);
  defineBulkResolvers(resolver, services);
  defineGadgetResolvers(resolver, services);
  defineClosingResolvers(resolver, services);
  definePeopleResolvers(resolver, services);
  definePortalResolvers(resolver, services);
  return resolver;
}

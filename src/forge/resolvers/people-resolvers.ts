import type Resolver from '@forge/resolver';
import { PeopleNames } from '../../app/people/people-names';
import { asProjectReader } from './access';
import { defineResolver } from './define-resolver';
import type { BackendServices } from './services';

export function definePeopleResolvers(resolver: Resolver, services: BackendServices): void {
  /** One cache per function instance: the resolver is defined once when the instance loads. */
  const names = new PeopleNames(services.clock);

  /** Names for the account ids a project's screens show, for anyone who may browse the project; Jira is asked as the caller. */
  defineResolver(resolver, 'people/names', async ({ payload, context }) => {
    const reader = await asProjectReader(services, context);
    if (!reader.ok) return reader;
    return { ok: true, data: { people: await names.namesOf(services.userJira(context), payload.accountIds) } };
  });
}

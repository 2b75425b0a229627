import { randomUUID } from 'node:crypto';
import { ForgeTransport, JiraAdapter } from '../../adapters/jira';
import { systemClock } from '../../app/ports/clock';
import { ForgeWorkQueue } from '../events/forge-work-queue';
import { forgeStore } from '../forge-store';
import type { BackendServices } from './services';

/**
 * The resolvers' services on Forge. `asUser()` needs no account id: Forge binds it to the
 * invocation, so one user adapter serves every call.
 */
export function forgeBackendServices(): BackendServices {
  const store = forgeStore();
  const queue = new ForgeWorkQueue();
  const appJira = new JiraAdapter(new ForgeTransport('app'));
  const userJira = new JiraAdapter(new ForgeTransport('user'));
  return {
    store,
    clock: systemClock,
    queue,
    userJira: () => userJira,
    appJira,
    newJobId: randomUUID,
  };
}

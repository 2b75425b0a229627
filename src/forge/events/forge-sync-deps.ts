import { systemClock } from '../../app/ports/clock';
import type { SyncDeps } from '../../app/sync/sync-deps';
import { ForgeTransport, JiraAdapter } from '../../adapters/jira';
import { forgeStore } from '../forge-store';
import { ForgeWorkQueue } from './forge-work-queue';

/** The sync side's services on Forge: Jira as the app (triggers, jobs and consumers have no user). */
export function forgeSyncDeps(): SyncDeps {
  return { jira: new JiraAdapter(new ForgeTransport('app')), store: forgeStore(), queue: new ForgeWorkQueue(), clock: systemClock };
}

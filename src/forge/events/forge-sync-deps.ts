import { systemClock } from '../../app/ports/clock';
import type { SyncDeps } from '../../app/sync/sync-deps';
import { ForgeTransport, JiraAdapter } from '../../adapters/jira';
import { KvsStore } from '../../adapters/storage/kvs-store';
import { ForgeWorkQueue } from './forge-work-queue';

/** The sync side's services on Forge: Jira as the app (triggers, jobs and consumers have no user). */
export function forgeSyncDeps(): SyncDeps {
  return { jira: new JiraAdapter(new ForgeTransport('app')), store: new KvsStore(), queue: new ForgeWorkQueue(), clock: systemClock };
}

import { randomUUID } from 'node:crypto';
import type { Clock } from '../app/ports/clock';
import type { Store } from '../app/ports/store';
import { BULK_QUEUE_KEY } from '../app/bulk/bulk-job';
import { createBulkConsumer } from '../forge/resolvers/bulk-consumer';
import { createResolver } from '../forge/resolvers/create-resolver';
import type { BackendServices } from '../forge/resolvers/services';
import type { LocalQueue } from './events/local-queue';
import type { LocalJira } from './local-jira';
import { LocalResolverInvoker } from './resolver-invoker';

export interface LocalBackendOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** Bulk-linking chunks are consumed from it as Forge's `bulk-link` consumer would. */
  readonly queue: LocalQueue;
  /** Jira as the app and as each user (through the local Forge runtime). */
  readonly jira: LocalJira;
  readonly cloudId?: string;
}

export interface LocalBackend {
  readonly services: BackendServices;
  readonly jira: LocalJira;
  readonly invoker: LocalResolverInvoker;
}

export const LOCAL_CLOUD_ID = 'local-cloud-0000';

/** The app's resolvers and bulk consumer wired to local ports: the same definitions Forge runs, over the local Forge runtime. */
export function createLocalBackend(options: LocalBackendOptions): LocalBackend {
  const { jira } = options;
  const services: BackendServices = {
    store: options.store,
    clock: options.clock,
    queue: options.queue,
    userJira: (context) => jira.forUser(context.accountId),
    appJira: jira.app,
    newJobId: randomUUID,
  };
  options.queue.consume(BULK_QUEUE_KEY, createBulkConsumer(services));
  const invoker = new LocalResolverInvoker(createResolver(services).getDefinitions(), { cloudId: options.cloudId ?? LOCAL_CLOUD_ID });
  return { services, jira, invoker };
}

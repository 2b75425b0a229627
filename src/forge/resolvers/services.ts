import type { Clock } from '../../app/ports/clock';
import type { JiraPort } from '../../app/ports/jira';
import type { WorkQueue } from '../../app/ports/queue';
import type { Store } from '../../app/ports/store';
import type { CallContext } from './call-context';

/**
 * Everything the resolvers run on. Forge wires it from `@forge/kvs`, `requestJira` and
 * `@forge/events`; the local runtime from the simulator and a memory or file store.
 */
export interface BackendServices {
  readonly store: Store;
  readonly clock: Clock;
  readonly queue: WorkQueue;
  /** Jira as the person who made the call (`asUser()`): Jira applies their permissions. */
  userJira(context: CallContext): JiraPort;
  /** Jira as the app (`asApp()`), for checks that must see every issue. */
  readonly appJira: JiraPort;
  readonly newJobId: () => string;
}

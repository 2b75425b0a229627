import { ForgeTransport, JiraAdapter, type ForgeIdentity, type JiraClientOptions } from '../adapters/jira';
import { InvocationTransport } from './forge-runtime/invocation-transport';
import type { LocalForgeRuntime } from './forge-runtime/local-forge-runtime';

/**
 * Jira for the local runtime as Forge's wiring has it: `ForgeTransport` over `@forge/api`, `asApp()` for
 * the app and `asUser()` for each person, every request an invocation of the local Forge runtime for
 * that person. One adapter per account, so its call counters can be read.
 */
export class LocalJira {
  private readonly users = new Map<string, JiraAdapter>();
  readonly app: JiraAdapter;

  constructor(
    private readonly runtime: LocalForgeRuntime,
    /** The access layer's retries and limits, as Forge's wiring has them by default. */
    private readonly client?: JiraClientOptions,
  ) {
    this.app = this.adapter('app', undefined);
  }

  forUser(accountId: string): JiraAdapter {
    const existing = this.users.get(accountId);
    if (existing !== undefined) return existing;
    const adapter = this.adapter('user', accountId);
    this.users.set(accountId, adapter);
    return adapter;
  }

  resetStats(): void {
    for (const adapter of [this.app, ...this.users.values()]) adapter.resetStats();
  }

  private adapter(identity: ForgeIdentity, accountId: string | undefined): JiraAdapter {
    return new JiraAdapter(new InvocationTransport(this.runtime, accountId, new ForgeTransport(identity)), this.client);
  }
}

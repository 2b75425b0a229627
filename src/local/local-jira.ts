import { HttpTransport, JiraAdapter, type FetchFunction, type JiraClientOptions } from '../adapters/jira';

/** A Jira account the local runtime can act as: a person, or the app's own account. */
export interface LocalAccount {
  readonly accountId: string;
  readonly email: string;
  readonly apiToken: string;
}

export interface LocalJiraOptions {
  /** The simulator's (or a real site's) base URL; with an in-process `fetch`, any origin will do. */
  readonly baseUrl: string;
  /** `simulator.fetch` to stay in-process; the global fetch by default. */
  readonly fetch?: FetchFunction;
  readonly users: readonly LocalAccount[];
  /** Stands for Forge's `asApp()`. */
  readonly app: LocalAccount;
  /** The access layer's retries and limits, as Forge's wiring has them by default. */
  readonly client?: JiraClientOptions;
}

/** Nobody can sign in with this: calls for an unknown account get Jira's own 401. */
const UNKNOWN_ACCOUNT = { email: 'unknown-account', apiToken: '' };

/**
 * Jira for the local runtime: `asUser()` becomes Basic auth as the calling person, `asApp()`
 * Basic auth as the app account. One adapter per account, so its call counters can be read.
 */
export class LocalJira {
  private readonly adapters = new Map<string, JiraAdapter>();
  readonly app: JiraAdapter;

  constructor(private readonly options: LocalJiraOptions) {
    this.app = this.adapterFor(options.app);
  }

  forUser(accountId: string): JiraAdapter {
    const existing = this.adapters.get(accountId);
    if (existing !== undefined) return existing;
    const account = this.options.users.find((user) => user.accountId === accountId) ?? { accountId, ...UNKNOWN_ACCOUNT };
    const adapter = this.adapterFor(account);
    this.adapters.set(accountId, adapter);
    return adapter;
  }

  resetStats(): void {
    for (const adapter of [this.app, ...this.adapters.values()]) adapter.resetStats();
  }

  private adapterFor(account: LocalAccount): JiraAdapter {
    const transport = new HttpTransport({ baseUrl: this.options.baseUrl, email: account.email, apiToken: account.apiToken, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
    return new JiraAdapter(transport, this.options.client);
  }
}

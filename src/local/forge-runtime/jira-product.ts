/**
 * Forge's product proxy for Jira: a `requestJira` path sent on to the embedded Jira simulator (or any
 * Jira reachable by `fetch`) as the account Forge would act as. `asApp()` is the app's account;
 * `asUser()` the account of the user the invocation runs for, whose permissions Jira then applies.
 */
import type { FetchFunction } from '../../adapters/jira';
import type { ForgeFetchTarget } from './forge-fetch';

/** A Jira account the local runtime can act as: a person, or the app's own account. */
export interface LocalAccount {
  readonly accountId: string;
  readonly email: string;
  readonly apiToken: string;
}

export interface JiraProductOptions {
  /** The simulator's (or a real site's) base URL; with an in-process `fetch`, any origin will do. */
  readonly baseUrl: string;
  /** `simulator.fetch` to stay in-process; the global fetch by default. */
  readonly fetch?: FetchFunction;
  readonly users: readonly LocalAccount[];
  /** The account behind `asApp()`. */
  readonly app: LocalAccount;
}

/** Nobody can sign in with this: calls for an unknown account get Jira's own 401. */
const UNKNOWN_ACCOUNT = { email: 'unknown-account', apiToken: '' };

export class JiraProduct {
  private readonly fetch: FetchFunction;

  constructor(private readonly options: JiraProductOptions) {
    this.fetch = options.fetch ?? ((request) => fetch(request));
  }

  /** `invocationAccountId`: the user the current invocation runs for, if any. */
  answer(target: ForgeFetchTarget, path: string, init: RequestInit | undefined, invocationAccountId: string | undefined): Promise<Response> {
    if (target.remote !== 'jira') throw new Error(`The local Forge runtime reaches Jira only, not ${String(target.remote)}.`);
    const account = this.accountFor(target, invocationAccountId);
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Basic ${Buffer.from(`${account.email}:${account.apiToken}`).toString('base64')}`);
    const url = new URL(path, this.options.baseUrl);
    return this.fetch(new Request(url, { ...init, headers }));
  }

  private accountFor(target: ForgeFetchTarget, invocationAccountId: string | undefined): Pick<LocalAccount, 'email' | 'apiToken'> {
    if (target.provider === 'app') return this.options.app;
    if (target.provider !== 'user') throw new Error(`requestJira needs asApp() or asUser(), not the provider ${String(target.provider)}.`);
    const accountId = target.accountId ?? invocationAccountId;
    if (accountId === undefined) throw new Error('asUser() was called outside an invocation by a user: Forge has no user to act as.');
    return this.options.users.find((user) => user.accountId === accountId) ?? UNKNOWN_ACCOUNT;
  }
}

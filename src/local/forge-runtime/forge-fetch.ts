/**
 * The one function through which `@forge/kvs` and `@forge/api` reach Forge: the runtime's global
 * `__forge_fetch__(target, path, init)`. `@forge/kvs` calls it with `{ type: 'kvs' }` (and the path of
 * a KVS request); `requestJira` through `asApp()` / `asUser()` with `{ type: 'fpp', provider, remote:
 * 'jira' }` and a Jira REST path. Both read the answer as a `Response` (status, headers, text).
 */

/** The first argument, as `@forge/api` 8.3.0 and `@forge/kvs` 1.6.5 build it. */
export interface ForgeFetchTarget {
  readonly type: string;
  readonly provider?: string;
  readonly remote?: string;
  /** Set when `asUser(accountId)` names the account; `asUser()` leaves it to the invocation. */
  readonly accountId?: string;
}

/** What the two packages read of an answer: a `Response` has it, and so has the emulated KVS's lighter answer. */
export interface ForgeFetchAnswer {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: RequestInit) => Promise<ForgeFetchAnswer>;

declare global {
  var __forge_fetch__: ForgeFetch | undefined;
}

/** Makes `fetch` the runtime's `__forge_fetch__`: the Forge every later call of the two packages reaches. */
export function useForgeFetch(fetch: ForgeFetch): void {
  globalThis.__forge_fetch__ = fetch;
}

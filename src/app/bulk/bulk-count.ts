/**
 * The count a bulk link is bound to. `bulk/preview` stores what it counted, server-side, under
 * the admin and project, with a random token it hands back; `bulk/link` must bring that token
 * and find the same query, the same issues and an unexpired count, and uses the count up in the
 * transaction that creates the job. A new count replaces the previous one, so there is at most
 * one per admin and project and nothing to sweep.
 */
import * as z from 'zod';
import { sha256Hex } from '../closing/canonical-json';
import type { PlanWriteContext } from '../plans/plan-write';
import { toJsonValue } from '../plans/to-json-value';
import type { Store, TransactOperation } from '../ports/store';
import { recount, type Refused, type UseCaseOutcome } from '../refusal';
import { normaliseJql } from './normalise-jql';

/** How long a count may be acted on: long enough to read it, short enough that it still describes Jira. */
export const COUNT_VALID_FOR_MS = 15 * 60_000;

const storedCountSchema = z.object({
  token: z.string(),
  jql: z.string(),
  count: z.int().min(0),
  /** SHA-256 of the counted issue ids, sorted. */
  issuesHash: z.string(),
  expiresAt: z.int(),
});

export interface CountedIssues {
  /** The query as typed; it is stored normalised. */
  readonly jql: string;
  readonly issueIds: readonly string[];
}

/** `bulk-count:<projectId>:<SHA-256 of the account id>`: any account id makes a valid key. */
async function countKey(context: PlanWriteContext): Promise<string> {
  return `bulk-count:${context.project.id}:${await sha256Hex(context.actor.accountId)}`;
}

const issuesHash = (issueIds: readonly string[]): Promise<string> => sha256Hex([...issueIds].sort().join(','));

/** Stores the count, replacing the admin's previous one in the project. */
export async function recordCount(
  store: Store,
  context: PlanWriteContext,
  counted: CountedIssues,
  token: string,
  expiresAt: number,
): Promise<void> {
  const stored = { token, jql: normaliseJql(counted.jql), count: counted.issueIds.length, issuesHash: await issuesHash(counted.issueIds), expiresAt };
  await store.set(await countKey(context), toJsonValue(storedCountSchema.parse(stored)));
}

/** The token is not the admin's latest count: it was used already, or they counted again since. */
export const NOT_THE_LATEST_COUNT = recount({ what: 'not-the-latest' });

export interface BulkLinkClaim {
  readonly jql: string;
  readonly countToken: string;
}

/** The admin's count, if `claim` may act on it: same token, not expired, same query. */
export async function currentCount(
  store: Store,
  context: PlanWriteContext,
  claim: BulkLinkClaim,
  now: number,
): Promise<UseCaseOutcome<{ readonly key: string; readonly version: string; readonly count: number; readonly issuesHash: string }>> {
  const key = await countKey(context);
  const found = await store.getVersioned(key);
  const stored = found === undefined ? undefined : storedCountSchema.safeParse(found.value).data;
  if (found === undefined || stored?.token !== claim.countToken) {
    return NOT_THE_LATEST_COUNT;
  }
  if (now >= stored.expiresAt) return recount({ what: 'expired', validMinutes: COUNT_VALID_FOR_MS / 60_000 });
  if (stored.jql !== normaliseJql(claim.jql)) return recount({ what: 'query-changed' });
  return { ok: true, data: { key, version: found.version, count: stored.count, issuesHash: stored.issuesHash } };
}

/** The query finds other issues now than when it was counted. */
export async function changedSinceCount(count: { readonly count: number; readonly issuesHash: string }, issueIds: readonly string[]): Promise<Refused | undefined> {
  if (count.count === issueIds.length && count.issuesHash === (await issuesHash(issueIds))) return undefined;
  return recount({ what: 'results-changed', counted: count.count, now: issueIds.length });
}

/** The transaction step that uses the count up, so one count starts at most one job. */
export const useUpCount = (count: { readonly key: string; readonly version: string }): TransactOperation => ({ delete: { key: count.key, ifVersion: count.version } });


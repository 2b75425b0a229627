import type { JsonValue, Store } from '../ports/store';
import { decodeLinkShard, EMPTY_LINK_SHARD, encodeLinkShard, GONE_ENTRY, linkIn, linkPlanId, withEntry, withLinks } from './aggregate-codec';
import { linkShardKeyOf } from './aggregate-reader';
import { editAtomically } from './edit-atomically';
import { decodeRecent, issueShard, recentWrites } from './recent-value';

/**
 * Drops an issue from one plan's live generation, whatever the issue → plan link says — a gone entry in its
 * shard's recent value hides every entry it had there — and the link too when it still names this plan. For
 * issues Jira no longer links to the plan: deleted, or re-linked without an event. Resolves to the number of writes.
 */
export async function removeIssueFromPlan(store: Store, planId: string, issueId: string): Promise<number> {
  const linkKey = linkShardKeyOf(issueId);
  const shard = await issueShard(store, planId, issueId);
  return editAtomically(store, [shard.recentKey, linkKey], (current) => {
    const storedLinks = current.get(linkKey);
    const links = storedLinks === undefined ? EMPTY_LINK_SHARD : decodeLinkShard(storedLinks);
    const link = linkIn(links, issueId);
    return new Map<string, JsonValue>([
      ...recentWrites(shard, withEntry(decodeRecent(current.get(shard.recentKey)), issueId, GONE_ENTRY)).values,
      [linkKey, encodeLinkShard(link !== undefined && linkPlanId(link) === planId ? withLinks(links, [[issueId, undefined]]) : links)],
    ]);
  });
}

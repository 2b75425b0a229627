import type { JsonValue, Store } from '../ports/store';
import { decodeLinkShard, decodePart, EMPTY_LINK_SHARD, EMPTY_PART, encodeLinkShard, encodePart, linkIn, linkPlanId, withEntry, withLinks } from './aggregate-codec';
import { linkShardKeyOf } from './aggregate-reader';
import { editAtomically } from './edit-atomically';

/**
 * Drops an issue's entry from one plan's part, whatever the issue → plan link says, and the
 * link too when it still names this plan. For issues Jira no longer links to the plan: deleted,
 * or re-linked without an event. Resolves to the number of writes.
 */
export async function removeIssueFromPlan(store: Store, planId: string, issueId: string, partKey: string): Promise<number> {
  const linkKey = linkShardKeyOf(issueId);
  return editAtomically(store, [partKey, linkKey], (current) => {
    const storedPart = current.get(partKey);
    const storedLinks = current.get(linkKey);
    const part = storedPart === undefined ? EMPTY_PART : decodePart(storedPart);
    const links = storedLinks === undefined ? EMPTY_LINK_SHARD : decodeLinkShard(storedLinks);
    const link = linkIn(links, issueId);
    return new Map<string, JsonValue>([
      [partKey, encodePart(withEntry(part, issueId, undefined))],
      [linkKey, encodeLinkShard(link !== undefined && linkPlanId(link) === planId ? withLinks(links, [[issueId, undefined]]) : links)],
    ]);
  });
}

import type { Store } from '../ports/store';
import { decodeLinkShard, EMPTY_LINK_SHARD, encodeLinkShard, linkIn, withLinks, type StoredLink } from './aggregate-codec';
import { linkShardKeyOf } from './aggregate-reader';
import { editAtomically } from './edit-atomically';

/**
 * Rewrites the issue → plan links of many issues, one transaction per link shard touched.
 * `nextLink` answers an issue's new link from its current one; `undefined` removes it.
 */
export async function editLinks(
  store: Store,
  issueIds: readonly string[],
  nextLink: (issueId: string, current: StoredLink | undefined) => StoredLink | undefined,
): Promise<void> {
  const byShard = new Map<string, string[]>();
  for (const issueId of issueIds) {
    const key = linkShardKeyOf(issueId);
    byShard.set(key, [...(byShard.get(key) ?? []), issueId]);
  }
  for (const [key, shardIssueIds] of byShard) {
    await editAtomically(store, [key], (current) => {
      const value = current.get(key);
      const stored = value === undefined ? EMPTY_LINK_SHARD : decodeLinkShard(value);
      const next = withLinks(stored, shardIssueIds.map((issueId) => [issueId, nextLink(issueId, linkIn(stored, issueId))] as const));
      return new Map([[key, encodeLinkShard(next)]]);
    });
  }
}

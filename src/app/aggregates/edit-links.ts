import type { JsonValue, Store } from '../ports/store';
import { linkShardKeyOf } from './aggregate-reader';
import { editAtomically } from './edit-atomically';
import { linkShardSchema, type LinkShard } from './records';

/** `[plan id, billing class, issue key]` */
export type StoredLink = LinkShard[string];

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
      const stored = linkShardSchema.parse(current.get(key) ?? {});
      const links = new Map<string, JsonValue>(Object.entries(stored));
      for (const issueId of shardIssueIds) {
        const next = nextLink(issueId, stored[issueId]);
        if (next === undefined) links.delete(issueId);
        else links.set(issueId, next);
      }
      return new Map([[key, Object.fromEntries(links)]]);
    });
  }
}

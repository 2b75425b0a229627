import type { JsonValue, Store } from '../ports/store';
import { linkShardKeyOf } from './aggregate-reader';
import { editAtomically } from './edit-atomically';
import { aggregatePartSchema, linkShardSchema } from './records';

/**
 * Drops an issue's entry from one plan's part, whatever the issue → plan link says, and the
 * link too when it still names this plan. For issues Jira no longer links to the plan: deleted,
 * or re-linked without an event. Resolves to the number of writes.
 */
export async function removeIssueFromPlan(store: Store, planId: string, issueId: string, partKey: string): Promise<number> {
  const linkKey = linkShardKeyOf(issueId);
  return editAtomically(store, [partKey, linkKey], (current) => {
    const part = aggregatePartSchema.parse(current.get(partKey) ?? { i: {} });
    const links = linkShardSchema.parse(current.get(linkKey) ?? {});
    const { [issueId]: _removedEntry, ...entries } = part.i;
    const { [issueId]: link, ...otherLinks } = links;
    return new Map<string, JsonValue>([
      [partKey, { i: entries }],
      [linkKey, link?.[0] === planId ? otherLinks : links],
    ]);
  });
}

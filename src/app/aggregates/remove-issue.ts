import type { JsonValue, Store } from '../ports/store';
import { GONE_ENTRY, linkPlanId, withEntry } from './aggregate-codec';
import { editAtomically } from './edit-atomically';
import { linkNow, linkRecordOf, readLink } from './issue-links';
import { decodeRecent, issueShard, recentWrites } from './recent-value';
import type { PlanHead } from './records';

/**
 * Drops an issue from one plan's live generation, whatever the issue → plan link says — a gone entry in its
 * shard's recent value hides every entry it had there — and the link too when it still names this plan. For
 * issues Jira no longer links to the plan: deleted, or re-linked without an event. `head`: the plan's aggregate
 * head as the caller read it, for many removals. Resolves to the number of writes.
 */
export async function removeIssueFromPlan(store: Store, planId: string, issueId: string, head?: PlanHead): Promise<number> {
  const link = await readLink(store, issueId, true);
  const shard = await issueShard(store, planId, issueId, head);
  return editAtomically(
    store,
    [shard.recentKey, link.key],
    (current) => {
      const stored = linkNow(current.get(link.key), link.legacy);
      const next = stored !== undefined && linkPlanId(stored) === planId ? undefined : stored;
      return new Map<string, JsonValue | undefined>([
        ...recentWrites(shard, withEntry(decodeRecent(current.get(shard.recentKey)), issueId, GONE_ENTRY)).values,
        [link.key, next === stored ? current.get(link.key) : linkRecordOf(next)],
      ]);
    },
    { known: new Map([[link.key, link.record]]) },
  );
}

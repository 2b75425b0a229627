import { listAll } from '../plans/list-all';
import type { Store } from '../ports/store';
import { decodePart, issueIdsOf, linkPlanId } from './aggregate-codec';
import { editLinks } from './issue-links';
import { headKey, planAggregatePrefix } from './keys';
import { transactInBatches } from './transact-in-batches';

/**
 * Deletes everything the aggregates hold for a plan: every generation's parts, the issue → plan
 * links that still name it, and its head. For a plan that was deleted or never existed.
 * Resolves to the number of keys deleted.
 */
export async function dropPlanAggregates(store: Store, planId: string): Promise<number> {
  const parts = await listAll(store, planAggregatePrefix(planId));
  const issueIds = parts.flatMap((entry) => issueIdsOf(decodePart(entry.value)));
  await editLinks(store, [...new Set(issueIds)], (_issueId, link) => (link !== undefined && linkPlanId(link) === planId ? undefined : link));
  await transactInBatches(store, parts.map(({ key }) => ({ delete: { key } })));
  await store.delete(headKey(planId));
  return parts.length + 1;
}

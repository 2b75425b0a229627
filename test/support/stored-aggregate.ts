import { headKey } from '../../src/app/aggregates/keys';
import type { PlanIssue } from '../../src/app/ports/jira';
import type { Store } from '../../src/app/ports/store';
import { shardCountFor } from '../../src/app/sync/request-recompute';
import { writeChunkLinks, writeChunkParts } from '../../src/app/sync/write-generation';

/**
 * Stores `issues` as the plan's live aggregate, generation `generation`, as a finished recompute leaves
 * it (sharded for its size, the issues' links pointing at the plan, the head swapped to it), without
 * reading Jira through the queue: seconds instead of minutes for a large plan. The caller asks for the
 * plan's figures to be refreshed, as the recompute's swap does.
 */
export async function storeAggregate(store: Store, planInternalId: string, generation: number, issues: readonly PlanIssue[]): Promise<void> {
  const shardCount = shardCountFor(issues.reduce((count, issue) => count + issue.worklogs.length, 0));
  const worklogCount = await writeChunkParts(store, { planId: planInternalId, generation, shardCount, chunk: 0 }, issues);
  await writeChunkLinks(store, planInternalId, issues);
  await store.set(headKey(planInternalId), { generation, shardCount, worklogCount });
}

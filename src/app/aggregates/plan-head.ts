import type { Store } from '../ports/store';
import { headKey } from './keys';
import { planHeadSchema, type PlanHead } from './records';

/** Shards of a plan nothing has recomputed yet; a recompute sizes them to the plan. */
export const DEFAULT_SHARD_COUNT = 16;

/** The plan's head, created (generation 0) the first time anything is stored for the plan. */
export async function ensureHead(store: Store, planId: string): Promise<PlanHead> {
  const fresh: PlanHead = { generation: 0, shardCount: DEFAULT_SHARD_COUNT, worklogCount: 0 };
  const value = await store.update(headKey(planId), (current) => current ?? fresh);
  return planHeadSchema.parse(value);
}

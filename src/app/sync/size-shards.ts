import { headKey } from '../aggregates/keys';
import { planHeadSchema } from '../aggregates/records';
import { planJql, type PlanRef } from './linked-issues';
import { shardCountFor } from './request-recompute';
import type { SyncDeps } from './sync-deps';

export interface FirstChunkSample {
  readonly issues: number;
  readonly worklogs: number;
  /** The chunk read every page of the plan. */
  readonly complete: boolean;
}

/**
 * The first chunk of a build sizes the shards every chunk of it uses, from what it read:
 * exactly when it read the whole plan, otherwise its worklogs per issue times Jira's count of
 * the plan's issues (one call). Never fewer shards than the build was asked for.
 */
export async function sizeShards(deps: SyncDeps, internalId: string, plan: PlanRef, generation: number, sample: FirstChunkSample): Promise<number> {
  const issues = sample.complete || sample.issues === 0 ? sample.issues : await deps.jira.countIssues(planJql(plan));
  const expectedWorklogs = sample.issues === 0 ? 0 : Math.ceil((sample.worklogs / sample.issues) * issues);
  const sized: { shardCount?: number } = {};
  await deps.store.update(headKey(internalId), (value) => {
    const head = planHeadSchema.parse(value);
    if (head.building?.generation !== generation) return value;
    sized.shardCount = Math.max(head.building.shardCount, shardCountFor(expectedWorklogs));
    return { ...head, building: { ...head.building, shardCount: sized.shardCount } };
  });
  if (sized.shardCount === undefined) throw new Error(`The build of generation ${generation} of plan ${internalId} was replaced.`);
  return sized.shardCount;
}

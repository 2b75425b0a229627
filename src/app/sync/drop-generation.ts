import { issueIdsOf, linkPlanId } from '../aggregates/aggregate-codec';
import { AggregateReader } from '../aggregates/aggregate-reader';
import { editLinks } from '../aggregates/issue-links';
import type { Store, TransactOperation } from '../ports/store';
import { transactInBatches } from '../aggregates/transact-in-batches';
import type { DropGenerationJob } from './sync-jobs';

/**
 * Deletes a generation readers no longer use, and the issue → plan links of issues it held
 * that the live generation does not (deleted or re-linked issues), where they still name the plan.
 * Resolves to the number of keys deleted.
 */
export async function dropGeneration(store: Store, job: DropGenerationJob): Promise<number> {
  const reader = new AggregateReader(store);
  const dropped = await reader.parts(job.planId, job.generation);
  const live = await reader.issues(job.planId, job.liveGeneration);
  const gone = [...new Set(dropped.flatMap(({ part }) => issueIdsOf(part)))].filter((issueId) => !live.has(issueId));
  await editLinks(store, gone, (_issueId, link) => (link !== undefined && linkPlanId(link) === job.planId ? undefined : link));
  const deletes: TransactOperation[] = dropped.map(({ key }) => ({ delete: { key } }));
  await transactInBatches(store, deletes);
  return deletes.length;
}

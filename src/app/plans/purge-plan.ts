/**
 * Deleting a plan is a purge of everything it owns, run by the sync queue in bounded chunks
 * (the plan's jobs share one concurrency key, like its recomputes): each chunk deletes at most
 * {@link PURGE_KEYS_PER_CHUNK} keys and queues the next. The store itself is the progress —
 * what is deleted is gone — so a chunk that fails is simply run again. Only when nothing of the
 * plan is left are its head, its internal-id index and its record deleted, and its key free.
 */
import type { StoredPlan } from '../../contract';
import { decodePart, issueIdsOf, linkPlanId } from '../aggregates/aggregate-codec';
import { editLinks } from '../aggregates/issue-links';
import { headKey, planAggregatePrefix } from '../aggregates/keys';
import { entryChunksPrefix, figuresPrefix } from '../figures/figures-keys';
import { transactInBatches } from '../aggregates/transact-in-batches';
import { planAlertsPrefix } from '../alerts/alert-keys';
import { bulkPlanJobsPrefix } from '../bulk/bulk-job';
import { closedVersionPrefix, closingAuditPrefix, periodStatePrefix, planChunksPrefix } from '../closing/closing-keys';
import type { Store, TransactOperation } from '../ports/store';
import { SYNC_QUEUE_KEY, planConcurrencyKey, type SyncDeps } from '../sync/sync-deps';
import type { PurgePlanJob } from '../sync/sync-jobs';
import { planAuditPrefix, planInternalKey, planKey, projectPlanIndexKey } from './plan-keys';
import { internalIdOf, listEveryProjectsPlans, loadVersionedPlan } from './plan-repository';

/** Keys one chunk deletes at most (20 transactions): well inside a consumer's time limit. */
export const PURGE_KEYS_PER_CHUNK = 500;

export type PurgeOutcome = { readonly status: 'continued'; readonly deleted: number } | { readonly status: 'purged'; readonly deleted: number };

/** Everything a plan owns, by prefix: aggregates first (they name issues whose links must go too), its history last. */
export function ownedPrefixes(internalId: string): readonly string[] {
  return [
    planAggregatePrefix(internalId),
    figuresPrefix(internalId),
    entryChunksPrefix(internalId),
    planChunksPrefix(internalId),
    closedVersionPrefix(internalId),
    periodStatePrefix(internalId),
    closingAuditPrefix(internalId),
    planAlertsPrefix(internalId),
    bulkPlanJobsPrefix(internalId),
    planAuditPrefix(internalId),
  ];
}

/** A deletion whose purge has not finished this long after it was asked for is queued again (its jobs may have been lost). */
export const STALLED_PURGE_MS = 15 * 60 * 1000;

/** The purge of a plan marked `deleting`. */
export function purgeJobOf(stored: StoredPlan): PurgePlanJob {
  return { kind: 'purge-plan', internalId: internalIdOf(stored), planKey: stored.plan.id, projectId: stored.projectId };
}

/** Queues the first chunk of the plan's purge. */
export async function requestPurge(deps: Pick<SyncDeps, 'queue'>, job: PurgePlanJob): Promise<void> {
  await deps.queue.push(SYNC_QUEUE_KEY, { ...job }, { concurrencyKey: planConcurrencyKey(job.internalId) });
}

/**
 * Queues again the purge of every plan deleted at least {@link STALLED_PURGE_MS} ago and still
 * there (a job lost, or the first never queued): a duplicate is harmless, since a purge
 * resumes from what is left. Resolves to the keys of those plans.
 */
export async function resumeStalledPurges(deps: Pick<SyncDeps, 'store' | 'queue' | 'clock'>): Promise<string[]> {
  const now = deps.clock.now();
  const stalled = (await listEveryProjectsPlans(deps.store)).filter((stored) => stored.status === 'deleting' && now - stored.updatedAt >= STALLED_PURGE_MS);
  for (const stored of stalled) await requestPurge(deps, purgeJobOf(stored));
  return stalled.map((stored) => stored.plan.id);
}

export async function runPurgeChunk(deps: SyncDeps, job: PurgePlanJob, keysPerChunk = PURGE_KEYS_PER_CHUNK): Promise<PurgeOutcome> {
  let deleted = 0;
  for (const prefix of ownedPrefixes(job.internalId)) {
    while (deleted < keysPerChunk) {
      const page = await deps.store.listByPrefix(prefix, { limit: Math.min(100, keysPerChunk - deleted) });
      if (page.entries.length === 0) break;
      if (prefix === planAggregatePrefix(job.internalId)) await unlinkIssues(deps.store, job.internalId, page.entries.map((entry) => entry.value));
      await transactInBatches(deps.store, page.entries.map(({ key }) => ({ delete: { key } })));
      deleted += page.entries.length;
    }
    if (deleted >= keysPerChunk) {
      await requestPurge(deps, job);
      return { status: 'continued', deleted };
    }
  }
  await forgetPlan(deps.store, job);
  return { status: 'purged', deleted };
}

/** The issue → plan links of the parts' issues that still name the plan. */
async function unlinkIssues(store: Store, internalId: string, parts: readonly unknown[]): Promise<void> {
  const issueIds = parts.flatMap((value) => issueIdsOf(decodePart(value)));
  await editLinks(store, [...new Set(issueIds)], (_issueId, link) => (link !== undefined && linkPlanId(link) === internalId ? undefined : link));
}

/** The last step: the head, the internal-id index, and the record holding the key — only if it is still this plan's. */
async function forgetPlan(store: Store, job: PurgePlanJob): Promise<void> {
  const found = await loadVersionedPlan(store, job.planKey);
  const record: TransactOperation[] =
    found !== undefined && internalIdOf(found.stored) === job.internalId
      ? [
          { delete: { key: planKey(job.planKey), ifVersion: found.storeVersion } },
          { delete: { key: projectPlanIndexKey(job.projectId, job.planKey) } },
        ]
      : [];
  await store.transact([{ delete: { key: headKey(job.internalId) } }, { delete: { key: planInternalKey(job.internalId) } }, ...record]);
}

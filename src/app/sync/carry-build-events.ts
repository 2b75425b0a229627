/**
 * Worklog and issue events handled while a full recompute built a plan's next generation went to the generation live then:
 * the build may have read an issue before the change and never see it. Right after the swap, the changes those
 * events left in the replaced generation's event values (its recent and sealed values, not the parts a recompute
 * wrote) from the build's start on are applied to the new generation: worklogs, and changes of an issue's priority and
 * types. Applying a change twice changes nothing: an entry keeps each worklog's latest version by `updated`, a
 * tombstone outlasts any version (issue-entry.ts), and a history keeps one change of a field an instant.
 */
import { attributesOf, decodePart, factsOf, linkFactsOf, linkPlanId, tombstonesOf, updatedMsOf, worklogsOf, type IssueEntry } from '../aggregates/aggregate-codec';
import { changesSince, type AttributeChange } from '../aggregates/attribute-history';
import { issuesOf } from '../aggregates/aggregate-reader';
import type { WorklogChange } from '../aggregates/issue-entry';
import { linkOfRead, readLink } from '../aggregates/issue-links';
import { recentKey, sealedPrefix } from '../aggregates/keys';
import { placeIssue } from '../aggregates/place-issue';
import type { PlanHead } from '../aggregates/records';
import { listAll } from '../plans/list-all';
import { internalIdOf } from '../plans/plan-repository';
import type { StoredPlan } from '../../contract';
import type { Store } from '../ports/store';
import type { SyncDeps } from './sync-deps';

/** The swap that replaced generation `from` (of `fromShardCount` shards) with one whose build started at `startedAt`. */
export interface ReplacedGeneration {
  readonly from: number;
  readonly fromShardCount: number;
  readonly startedAt: number;
}

/** The plan's live generation as read once after its swap: its head and the issues it holds, entries merged. */
export interface LiveGeneration {
  readonly head: PlanHead;
  readonly issues: ReadonlyMap<string, IssueEntry>;
}

/**
 * Applies to the plan's live generation the worklog changes its replaced generation took from the build's start on,
 * for each issue the live generation holds and whose link still names the plan (an issue that joined or left
 * meanwhile is the repair's: `repairAfterRebuild`).
 *
 * @returns how many issues it changed
 */
export async function carryBuildEvents(deps: Pick<SyncDeps, 'store' | 'clock'>, plan: StoredPlan, replaced: ReplacedGeneration, live: LiveGeneration): Promise<number> {
  const { store } = deps;
  const planId = internalIdOf(plan);
  let changed = 0;
  for (const [issueId, { worklogs, attributes }] of await changesAfterStart(store, planId, replaced)) {
    const entry = live.issues.get(issueId);
    if (entry === undefined) continue;
    // Read once: the placement takes it as read.
    const read = await readLink(store, issueId);
    const link = linkOfRead(read);
    if (link === undefined || linkPlanId(link) !== planId) continue;
    const facts = { ...factsOf(entry), billingClass: linkFactsOf(link).billingClass };
    const outcome = await placeIssue(
      store,
      { issueId, target: { planId, facts, head: live.head }, changes: worklogs, ...(attributes.length === 0 ? {} : { attributes: { changes: attributes } }), link: read },
      deps.clock.now(),
    );
    changed += outcome.writes > 0 ? 1 : 0;
  }
  return changed;
}

/** What events changed of one issue: its worklogs, and its priority and types (kept for multiplier rules). */
interface IssueChanges {
  readonly worklogs: readonly WorklogChange[];
  readonly attributes: readonly AttributeChange[];
}

/** Each issue's changes in the replaced generation's event values from `startedAt` on: worklog versions, tombstones, changes of its priority and types. */
async function changesAfterStart(store: Store, planId: string, replaced: ReplacedGeneration): Promise<Map<string, IssueChanges>> {
  const changes = new Map<string, IssueChanges>();
  for (let shard = 0; shard < replaced.fromShardCount; shard += 1) {
    const recent = recentKey(planId, replaced.from, shard);
    const [sealed, recentValue] = await Promise.all([listAll(store, sealedPrefix(planId, replaced.from, shard)), store.get(recent)]);
    const values = [...sealed, ...(recentValue === undefined ? [] : [{ key: recent, value: recentValue }])];
    for (const [issueId, merged] of issuesOf(values.map(({ key, value }) => ({ key, part: decodePart(value) })))) {
      const worklogs: WorklogChange[] = [
        ...worklogsOf(merged, issueId)
          .filter((worklog) => updatedMsOf(worklog) >= replaced.startedAt)
          .map((worklog): WorklogChange => ({ kind: 'upsert', worklog })),
        ...tombstonesOf(merged)
          .filter(([, deletedAt]) => deletedAt >= replaced.startedAt)
          .map(([worklogId, deletedAt]): WorklogChange => ({ kind: 'delete', worklogId, deletedAt })),
      ];
      const attributes = changesSince(attributesOf(merged), replaced.startedAt);
      if (worklogs.length + attributes.length > 0) changes.set(issueId, { worklogs, attributes });
    }
  }
  return changes;
}

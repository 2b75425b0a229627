import type { JiraWorklog } from '../../ledger/types';
import { placeIssue, type PlacementOutcome } from '../aggregates/place-issue';
import type { WorklogChange } from '../aggregates/issue-entry';
import { requestFiguresRefresh } from '../figures/request-figures-refresh';
import { scopedTarget } from '../scope/plan-scope';
import { requestRecompute } from './request-recompute';
import type { PlanInternalId } from '../plans/plan-identity';
import type { SyncDeps } from './sync-deps';

export type WorklogEventKind = 'created' | 'updated' | 'deleted';

export interface WorklogEventInput {
  readonly kind: WorklogEventKind;
  readonly worklog: JiraWorklog;
}

/**
 * A shard that has sealed this many recent values since its generation was written (about 128 KB of changes) gets
 * its plan recomputed: the new generation holds the same worklogs in fewer bytes, and sized shards.
 */
export const SEALS_BEFORE_RECOMPUTE = 16;

/**
 * Applies one worklog event: asks Jira for the issue's project and plan link now (one call),
 * then updates that plan's aggregate in one transaction — only if the plan is one of the
 * issue's project (see `scopedTarget`); otherwise the issue counts against no plan. Idempotent and order-independent: a
 * duplicate or an older version writes nothing, a deletion wins over any late create or update,
 * and an issue whose link changed since its last event moves with all its worklogs.
 */
export async function applyWorklogEvent(deps: SyncDeps, event: WorklogEventInput): Promise<PlacementOutcome> {
  const { worklog } = event;
  const issue = await deps.jira.getIssue(worklog.issueId);
  const change: WorklogChange =
    event.kind === 'deleted' ? { kind: 'delete', worklogId: worklog.id, deletedAt: deps.clock.now() } : { kind: 'upsert', worklog };
  const target = issue === null ? null : await scopedTarget(deps.store, issue, deps.clock.now());
  // The issue's priority and types as Jira shows them now stand for the time before any change the app knows of.
  const attributes = issue?.attributes === undefined ? undefined : { seen: issue.attributes };
  const outcome = await placeIssue(deps.store, { issueId: worklog.issueId, target, changes: [change], ...(attributes === undefined ? {} : { attributes }) }, deps.clock.now());
  const recomputing = target !== null && (await keepPlanComplete(deps, target.planId, outcome));
  // The refresh may read only this issue's aggregate shard: the issue's worklogs are all that changed. A recompute
  // started here refreshes the figures at its swap (asked now, the request would read as a change it missed).
  if (target !== null && outcome.writes > 0 && !recomputing) await requestFiguresRefresh(deps, target.planId, { issueId: worklog.issueId });
  if (outcome.leftPlanId !== undefined) await requestFiguresRefresh(deps, outcome.leftPlanId, { issueId: worklog.issueId });
  return outcome;
}

/**
 * An issue seen for the first time in a plan was linked without the app knowing (no event
 * tells of a property change): its earlier worklogs are missing, so the plan is recomputed.
 * A shard whose events have sealed many values gets the plan recomputed too. Answers whether a recompute started.
 */
async function keepPlanComplete(deps: SyncDeps, planId: PlanInternalId, outcome: PlacementOutcome): Promise<boolean> {
  return (outcome.enteredEmpty || (outcome.sealedValues ?? 0) >= SEALS_BEFORE_RECOMPUTE) && (await requestRecompute(deps, planId));
}

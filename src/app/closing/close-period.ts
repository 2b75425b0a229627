/**
 * Closing a period: its statement, as every surface computes it now, is frozen in the store
 * with a content hash, who closed it and when. Only an ended period whose predecessors are all
 * closed, and whose figures are complete (no build running, reconciliation caught up past its
 * end and the grace), can be closed; the state, the manifest and the audit entry are written in one
 * transaction, conditional on the period and its predecessor not having changed meanwhile.
 */
import { requestFiguresRefresh } from '../figures/request-figures-refresh';
import type { ClosedVersion, ClosingAuditEntry } from '../../contract';
import { listPeriods } from '../../ledger';
import type { Period } from '../../ledger/types';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import { planUnchanged, type PlanWriteContext } from '../plans/plan-write';
import { conflict, invalid, type Refused, type UseCaseOutcome } from '../refusal';
import { StoreError, type TransactOperation } from '../ports/store';
import { completeStatementFor } from '../usage/plan-statements';
import { toCanonicalValue } from './canonical-json';
import { chunkPrefix, closedVersionKey, closingAuditKey, periodStateKey } from './closing-keys';
import type { ClosingPorts } from './closing-ports';
import { figuresBlocker, readFiguresProgress } from './closing-readiness';
import { toClosedVersion, type StoredManifest, type StoredPeriodState } from './closing-records';
import { loadPeriodState, planPeriod } from './closing-repository';
import { deleteChunks, splitStatement, writeChunks } from './frozen-statement';

export interface PeriodRef {
  readonly planId: string;
  readonly period: string;
}

export const concurrentChange = (periodLabel: string): Refused => conflict({ what: 'period-changed', periodLabel });

export async function closePeriod(ports: ClosingPorts, context: PlanWriteContext, request: PeriodRef): Promise<UseCaseOutcome<ClosedVersion>> {
  const plan = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.planId);
  if (!plan.ok) return plan;
  const { stored } = plan.data;
  const found = planPeriod(stored, request.period);
  if (!found.ok) return found;
  const period = found.data;
  const now = ports.clock.now();
  if (period.end > now) return invalid('period', { what: 'period-not-ended', periodLabel: period.label, endDateExclusive: period.endDateExclusive });
  const current = await loadPeriodState(ports.store, internalIdOf(stored), period.label);
  if (current?.state.status === 'closed') return conflict({ what: 'period-already-closed', periodLabel: period.label, version: current.state.version });
  const previousPeriod: Period | undefined = listPeriods(stored.plan, now).find((candidate) => candidate.index === period.index - 1);
  const checks: TransactOperation[] = [];
  if (previousPeriod !== undefined) {
    const previous = await loadPeriodState(ports.store, internalIdOf(stored), previousPeriod.label);
    if (previous?.state.status !== 'closed') return conflict({ what: 'previous-period-open', previousLabel: previousPeriod.label });
    checks.push({ check: { key: periodStateKey(internalIdOf(stored), previousPeriod.label), ifVersion: previous.storeVersion } });
  }
  const incomplete = figuresBlocker(period, await readFiguresProgress(ports.store, internalIdOf(stored), now), now);
  if (incomplete !== null) return conflict({ what: 'figures-incomplete', periodLabel: period.label, timeZone: stored.plan.timeZone, blocker: incomplete });

  const version = (current?.state.version ?? 0) + 1;
  const statement = await completeStatementFor(ports, stored, period);
  const split = await splitStatement({ ...statement, closedVersion: version });
  const prefix = chunkPrefix(internalIdOf(stored), period.label, ports.newId());
  const manifest: StoredManifest = {
    planId: stored.plan.id,
    periodLabel: period.label,
    version,
    closedAt: now,
    closedBy: context.actor.accountId,
    contentHash: split.contentHash,
    lineCount: split.lineCount,
    chunkCount: split.chunks.length,
    byteLength: split.byteLength,
    chunkPrefix: prefix,
    lists: [...split.lists],
    head: { ...split.head },
  };
  const state: StoredPeriodState = { periodLabel: period.label, status: 'closed', version, changedAt: now, changedBy: context.actor.accountId };
  const audit: ClosingAuditEntry = { periodLabel: period.label, version, action: 'closed', at: now, by: context.actor.accountId, contentHash: split.contentHash };

  try {
    await writeChunks(ports.store, prefix, split.chunks);
    await ports.store.transact([
      { set: { key: periodStateKey(internalIdOf(stored), period.label), value: state, ifVersion: current?.storeVersion ?? null } },
      { set: { key: closedVersionKey(internalIdOf(stored), period.label, version), value: toCanonicalValue(manifest), ifVersion: null } },
      { set: { key: closingAuditKey(internalIdOf(stored), period.label, version, 'closed'), value: toCanonicalValue(audit), ifVersion: null } },
      ...checks,
      // The plan's terms priced the frozen statement: an edit of them meanwhile must not slip under the close.
      planUnchanged(stored.plan.id, plan.data.storeVersion),
    ]);
  } catch (error) {
    await deleteChunks(ports.store, prefix, split.chunks.length);
    if (error instanceof StoreError && error.code === 'conflict') return concurrentChange(period.label);
    throw error;
  }
  await requestFiguresRefresh(ports, internalIdOf(stored));
  return { ok: true, data: toClosedVersion(manifest) };
}

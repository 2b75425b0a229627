/**
 * Reopening a closed period: an admin action with a reason, kept in the plan's closing audit.
 * The frozen versions stay readable; the period is open again and closing it next gives
 * version n + 1. Only the last closed period can be reopened: a later closed statement was
 * frozen with this one's balances carried into it.
 */
import { requestFiguresRefresh } from '../figures/request-figures-refresh';
import type { ClosingAuditEntry } from '../../contract';
import { listPeriods } from '../../ledger';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import type { PlanWriteContext } from '../plans/plan-write';
import { conflict, type UseCaseOutcome } from '../refusal';
import { StoreError, type TransactOperation } from '../ports/store';
import { toCanonicalValue } from './canonical-json';
import { concurrentChange, type PeriodRef } from './close-period';
import { closingAuditKey, periodStateKey } from './closing-keys';
import type { ClosingPorts } from './closing-ports';
import type { StoredPeriodState } from './closing-records';
import { loadManifest, loadPeriodState, planPeriod } from './closing-repository';

export interface ReopenRequest extends PeriodRef {
  /** Why; required, already trimmed by the contract. */
  readonly reason: string;
}

export async function reopenPeriod(ports: ClosingPorts, context: PlanWriteContext, request: ReopenRequest): Promise<UseCaseOutcome<ClosingAuditEntry>> {
  const plan = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.planId);
  if (!plan.ok) return plan;
  const { stored } = plan.data;
  const found = planPeriod(stored, request.period);
  if (!found.ok) return found;
  const period = found.data;
  const current = await loadPeriodState(ports.store, internalIdOf(stored), period.label);
  if (current?.state.status !== 'closed') return conflict({ what: 'period-open', periodLabel: period.label });
  const now = ports.clock.now();
  const nextPeriod = listPeriods(stored.plan, now).find((candidate) => candidate.index === period.index + 1);
  const checks: TransactOperation[] = [];
  if (nextPeriod !== undefined) {
    const next = await loadPeriodState(ports.store, internalIdOf(stored), nextPeriod.label);
    if (next?.state.status === 'closed') return conflict({ what: 'next-period-closed', nextLabel: nextPeriod.label });
    checks.push({ check: { key: periodStateKey(internalIdOf(stored), nextPeriod.label), ifVersion: next?.storeVersion ?? null } });
  }
  const manifest = await loadManifest(ports.store, internalIdOf(stored), period.label, current.state.version);
  const version = current.state.version;
  const state: StoredPeriodState = { periodLabel: period.label, status: 'open', version, changedAt: now, changedBy: context.actor.accountId };
  const audit: ClosingAuditEntry = {
    periodLabel: period.label,
    version,
    action: 'reopened',
    at: now,
    by: context.actor.accountId,
    reason: request.reason,
    contentHash: manifest?.contentHash ?? '',
  };
  try {
    await ports.store.transact([
      { set: { key: periodStateKey(internalIdOf(stored), period.label), value: state, ifVersion: current.storeVersion } },
      { set: { key: closingAuditKey(internalIdOf(stored), period.label, version, 'reopened'), value: toCanonicalValue(audit), ifVersion: null } },
      ...checks,
    ]);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return concurrentChange(period.label);
    throw error;
  }
  await requestFiguresRefresh(ports, internalIdOf(stored));
  return { ok: true, data: audit };
}

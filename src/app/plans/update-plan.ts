import type { StoredPlan } from '../../contract';
import { listPeriods, periodByLabel, planAsOneVersion } from '../../ledger';
import { createPeriodCalendar } from '../../ledger/period-calendar';
import type { Period, Plan } from '../../ledger/types';
import { periodStateKey } from '../closing/closing-keys';
import { listPeriodStates, loadPeriodState } from '../closing/closing-repository';
import type { Store, TransactOperation } from '../ports/store';
import { conflict, invalid, type UseCaseOutcome } from '../refusal';
import { amendPlan } from './amend-plan';
import { diffJson } from './diff-json';
import { loadPlanInProject } from './plan-in-project';
import { internalIdOf } from './plan-repository';
import { auditEntry, nextVersion, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { toJsonValue } from './to-json-value';

export interface UpdatePlanRequest {
  readonly expectedVersion: number;
  /** One version, with the blocks of every version: what the settings form edits. */
  readonly plan: Plan;
  /** Label of the first period the changed terms apply to; absent: the current open period. */
  readonly effectiveFrom?: string;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(toJsonValue(a)) === JSON.stringify(toJsonValue(b));

/** The plan's last closed period: periods are closed in order, so every period before it is closed too. */
async function lastClosedPeriod(store: Store, stored: StoredPlan): Promise<Period | null> {
  const states = await listPeriodStates(store, internalIdOf(stored));
  const closed = [...states.values()]
    .filter((state) => state.status === 'closed')
    .map((state) => periodByLabel(stored.plan, state.periodLabel))
    .filter((period): period is Period => period !== null);
  return closed.reduce<Period | null>((last, period) => (last === null || period.index > last.index ? period : last), null);
}

/**
 * Closes go in order, so a close racing an edit closes the first open period: the edit is written only if that
 * period's state has not changed since the edit was checked against the closed periods.
 */
async function firstOpenUnchanged(store: Store, stored: StoredPlan, lastClosed: Period | null): Promise<TransactOperation[]> {
  const firstOpen = createPeriodCalendar(stored.plan).period(lastClosed === null ? 0 : lastClosed.index + 1);
  if (firstOpen === null) return [];
  const state = await loadPeriodState(store, internalIdOf(stored), firstOpen.label);
  return [{ check: { key: periodStateKey(internalIdOf(stored), firstOpen.label), ifVersion: state?.storeVersion ?? null } }];
}

/** The period an edit applies from when the admin names none: the current one, or the first before the plan starts. */
function currentPeriod(plan: Plan, now: number): Period | null {
  return listPeriods(plan, now).at(-1) ?? periodByLabel(plan, plan.startDate.slice(0, 7));
}

/**
 * Changes the plan if the caller read the current version and records what changed. Changed terms apply from
 * `effectiveFrom` on as a new term version; an edit that would change a closed period is refused and names it.
 * An update that changes nothing writes nothing and keeps the version.
 */
export async function updatePlan(
  ports: PlanWritePorts,
  context: PlanWriteContext,
  request: UpdatePlanRequest,
): Promise<UseCaseOutcome<StoredPlan>> {
  const found = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.plan.id);
  if (!found.ok) return found;
  const current = found.data.stored;
  if (current.version !== request.expectedVersion) return staleVersion(current, request.expectedVersion);
  if (current.status === 'archived') return conflict({ what: 'plan-archived', planName: current.plan.name });
  const effectiveFrom =
    request.effectiveFrom === undefined ? currentPeriod(current.plan, ports.clock.now()) : periodByLabel(current.plan, request.effectiveFrom);
  if (effectiveFrom === null) {
    return invalid('effectiveFrom', { what: 'no-such-period', planName: current.plan.name, periodLabel: request.effectiveFrom ?? '' });
  }
  const lastClosed = await lastClosedPeriod(ports.store, current);
  const next = nextVersion(current, {}, ports, context.actor);
  const amended = amendPlan(current, {
    edited: request.plan,
    effectiveFrom,
    lastClosed,
    maker: { madeAt: next.updatedAt, madeBy: next.updatedBy, planVersion: next.version },
  });
  if (!amended.ok) return amended;
  if (sameJson(current.plan, amended.data.plan)) return { ok: true, data: current };
  // What changed as the form shows it: the plan as one version from the edit's first period, before and after.
  const asEdited = (plan: Plan) => toJsonValue(planAsOneVersion(plan, amended.data.effectiveFrom.index));
  const editedChanges = diffJson(asEdited(current.plan), asEdited(amended.data.plan));
  const changes = editedChanges.length > 0 ? editedChanges : diffJson(toJsonValue(current.plan), toJsonValue(amended.data.plan));
  const stored: StoredPlan = { ...next, plan: amended.data.plan, terms: [...amended.data.terms] };
  const made = amended.data.terms.at(-1);
  const effectiveFromOfNewTerms = made?.planVersion === stored.version ? made.from : undefined;
  return writePlanVersion(
    ports,
    { stored, previous: found.data.storeVersion, audit: auditEntry(stored, 'updated', changes, effectiveFromOfNewTerms), extra: await firstOpenUnchanged(ports.store, current, lastClosed) },
    staleVersion(current, request.expectedVersion),
  );
}

/** Reading frozen statements: one version on request, and the latest of every closed period for the ledger. */
import { fail, statementSchema, type ClosedVersion, type Outcome } from '../../contract';
import type { ClosedPeriod, Statement } from '../../ledger/types';
import { planNotFound, type ProjectRef } from '../plans/plan-write';
import type { Store } from '../ports/store';
import { toClosedVersion } from './closing-records';
import { listPeriodStates, loadManifest, planPeriod, projectPlan } from './closing-repository';
import { readFrozenStatement } from './frozen-statement';

/** One frozen version of a period's statement, exactly as it was closed. */
export async function readClosedVersion(
  store: Store,
  project: ProjectRef,
  request: { readonly planId: string; readonly period: string; readonly version: number },
): Promise<Outcome<{ readonly version: ClosedVersion; readonly statement: Statement }>> {
  const stored = await projectPlan(store, project, request.planId);
  if (stored === undefined) return planNotFound(request.planId);
  const found = planPeriod(stored, request.period);
  if (!found.ok) return found;
  const manifest = await loadManifest(store, stored.plan.id, found.period.label, request.version);
  if (manifest === undefined) return fail('NOT_FOUND', `The period ${found.period.label} has no closed version ${request.version}.`);
  const statement = statementSchema.parse(await readFrozenStatement(store, manifest));
  return { ok: true, data: { version: toClosedVersion(manifest), statement } };
}

/** The latest frozen statement of every period that is closed now, oldest period first: the ledger's `closedPeriods`. */
export async function loadClosedPeriods(store: Store, planId: string): Promise<ClosedPeriod[]> {
  const states = [...(await listPeriodStates(store, planId)).values()].filter((state) => state.status === 'closed');
  return Promise.all(
    states.map(async (state) => {
      const manifest = await loadManifest(store, planId, state.periodLabel, state.version);
      if (manifest === undefined) throw new Error(`Closed period ${planId} ${state.periodLabel} has no version ${state.version}.`);
      const statement = statementSchema.parse(await readFrozenStatement(store, manifest));
      return { periodLabel: state.periodLabel, version: state.version, statement };
    }),
  );
}

/** Reading frozen statements: one version on request, and the latest of every closed period for the ledger. */
import { statementSchema, type ClosedVersion } from '../../contract';
import type { ClosedPeriod, Statement } from '../../ledger/types';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import type { ProjectRef } from '../plans/plan-write';
import { notFound, type UseCaseOutcome } from '../refusal';
import type { Store } from '../ports/store';
import { toClosedVersion } from './closing-records';
import { listPeriodStates, loadManifest, planPeriod } from './closing-repository';
import { readFrozenStatement } from './frozen-statement';

/** One frozen version of a period's statement, exactly as it was closed. */
export async function readClosedVersion(
  store: Store,
  project: ProjectRef,
  request: { readonly planId: string; readonly period: string; readonly version: number },
): Promise<UseCaseOutcome<{ readonly version: ClosedVersion; readonly statement: Statement }>> {
  const plan = await loadPlanInProject(store, { projectId: project.id }, request.planId);
  if (!plan.ok) return plan;
  const { stored } = plan.data;
  const period = planPeriod(stored, request.period);
  if (!period.ok) return period;
  const manifest = await loadManifest(store, internalIdOf(stored), period.data.label, request.version);
  if (manifest === undefined) return notFound({ what: 'closed-version', periodLabel: period.data.label, version: request.version });
  const statement = statementSchema.parse(await readFrozenStatement(store, manifest));
  return { ok: true, data: { version: toClosedVersion(manifest), statement } };
}

/** The latest frozen statement of every period that is closed now, oldest period first: the ledger's `closedPeriods`. */
export async function loadClosedPeriods(store: Store, planId: string): Promise<ClosedPeriod[]> {
  const states = [...(await listPeriodStates(store, planId)).values()].filter((state) => state.status === 'closed');
  return loadFrozenPeriods(store, planId, states);
}

/** The frozen statements of these versions of the plan's periods, in the order given. */
export async function loadFrozenPeriods(
  store: Store,
  planId: string,
  versions: readonly { readonly periodLabel: string; readonly version: number }[],
): Promise<ClosedPeriod[]> {
  return Promise.all(
    versions.map(async ({ periodLabel, version }) => {
      const manifest = await loadManifest(store, planId, periodLabel, version);
      if (manifest === undefined) throw new Error(`Closed period ${planId} ${periodLabel} has no version ${version}.`);
      const statement = statementSchema.parse(await readFrozenStatement(store, manifest));
      return { periodLabel, version, statement };
    }),
  );
}

/** Every period of a plan started so far, open or closed, with its frozen versions and what may be done with it now. */
import type { HandlerDataOf, PeriodState } from '../../contract';
import { listPeriods } from '../../ledger';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import type { ProjectRef } from '../plans/plan-write';
import type { UseCaseOutcome } from '../refusal';
import type { ClosingPorts } from './closing-ports';
import { blockerView, closingBlocker, readFiguresProgress } from './closing-readiness';
import { toClosedVersion } from './closing-records';
import { listClosingAudit, listManifests, listPeriodStates } from './closing-repository';

export async function listPlanPeriods(
  ports: ClosingPorts,
  reader: { readonly project: ProjectRef; readonly canAdminister: boolean },
  request: { readonly planId: string },
): Promise<UseCaseOutcome<HandlerDataOf<'closing/list'>>> {
  const found = await loadPlanInProject(ports.store, { projectId: reader.project.id }, request.planId);
  if (!found.ok) return found;
  const { stored } = found.data;
  const now = ports.clock.now();
  const [states, manifests, audit, progress] = await Promise.all([
    listPeriodStates(ports.store, internalIdOf(stored)),
    listManifests(ports.store, internalIdOf(stored)),
    listClosingAudit(ports.store, internalIdOf(stored)),
    readFiguresProgress(ports.store, internalIdOf(stored), now),
  ]);
  const periods = listPeriods(stored.plan, now);
  const statusOf = (label: string | undefined) => (label === undefined ? 'open' : (states.get(label)?.status ?? 'open'));
  const result: PeriodState[] = periods.map((period, position) => {
    const status = statusOf(period.label);
    const previousLabel = periods[position - 1]?.label;
    const previousClosed = position === 0 || statusOf(previousLabel) === 'closed';
    const nextLabel = periods[position + 1]?.label;
    const blocker = status === 'open' ? closingBlocker(period, previousClosed, previousLabel, progress, now) : null;
    return {
      period,
      status,
      version: states.get(period.label)?.version ?? 0,
      closable: status === 'open' && blocker === null,
      blocker: blocker === null ? null : blockerView(period.label, blocker, stored.plan.timeZone),
      reopenable: status === 'closed' && (nextLabel === undefined || statusOf(nextLabel) !== 'closed'),
      versions: manifests.filter((manifest) => manifest.periodLabel === period.label).map(toClosedVersion),
    };
  });
  return { ok: true, data: { periods: result, audit, canAdminister: reader.canAdminister } };
}

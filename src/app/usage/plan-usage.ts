import type { HandlerDataOf, PlanCard } from '../../contract';
import { listPeriods } from '../../ledger';
import { loadPlanInProject } from '../plans/plan-in-project';
import { listProjectPlans } from '../plans/plan-repository';
import type { ProjectRef } from '../plans/plan-write';
import { notFound, type UseCaseOutcome } from '../refusal';
import { currentFigures, recentFigures } from './current-figures';
import { reportingPeriod } from './reporting-period';
import { withActiveAlerts } from '../alerts/active-alerts';
import { toPlanCard } from './plan-card';
import type { UsagePorts } from './usage-ports';

/** The totals of the last `periods` periods through the current one, oldest first. */
export async function planHistory(
  ports: UsagePorts,
  project: ProjectRef,
  request: { readonly planId: string; readonly periods?: number },
): Promise<UseCaseOutcome<HandlerDataOf<'usage/history'>>> {
  const found = await loadPlanInProject(ports.store, { projectId: project.id }, request.planId);
  if (!found.ok) return found;
  const { stored } = found.data;
  const periods = listPeriods(stored.plan, reportingPeriod(stored.plan, ports.clock.now()).start).slice(-(request.periods ?? 12));
  return { ok: true, data: { periods: await recentFigures(ports, stored, periods) } };
}

/** Every plan of the project as a card, active plans first. */
export async function projectOverview(ports: UsagePorts, project: ProjectRef): Promise<UseCaseOutcome<HandlerDataOf<'usage/overview'>>> {
  const plans = (await listProjectPlans(ports.store, project.id)).filter((stored) => stored.status !== 'deleting');
  const now = ports.clock.now();
  const cards: PlanCard[] = await Promise.all(
    plans.map(async (stored) => {
      const current = await currentFigures(ports, stored);
      return withActiveAlerts(ports.store, stored, toPlanCard(stored, current.figures, now, current.refreshing), current.alerts);
    }),
  );
  cards.sort((a, b) => Number(a.status === 'archived') - Number(b.status === 'archived') || a.planName.localeCompare(b.planName));
  return { ok: true, data: { project: { id: project.id, key: project.key }, cards } };
}

/** The gadget's card for its saved configuration; a plan deleted since is reported as such. */
export async function gadgetCard(
  ports: UsagePorts,
  configuration: { readonly projectKey: string; readonly planId: string },
): Promise<UseCaseOutcome<HandlerDataOf<'usage/gadget'>>> {
  const found = await loadPlanInProject(ports.store, { projectKey: configuration.projectKey }, configuration.planId);
  if (!found.ok) return notFound({ what: 'gadget-plan', planId: configuration.planId, projectKey: configuration.projectKey });
  const { stored } = found.data;
  const current = await currentFigures(ports, stored);
  const card = await withActiveAlerts(ports.store, stored, toPlanCard(stored, current.figures, ports.clock.now(), current.refreshing), current.alerts);
  return { ok: true, data: { configured: true, projectKey: configuration.projectKey, card } };
}

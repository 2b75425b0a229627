import { fail, type DeepReadonly, type HandlerDataOf, type Outcome, type PlanCard, type StatementTotals } from '../../contract';
import { periodByLabel } from '../../ledger';
import type { Statement } from '../../ledger/types';
import { listProjectPlans, loadPlan } from '../plans/plan-repository';
import { planNotFound, type ProjectRef } from '../plans/plan-write';
import { currentStatement, historyThroughNow, statementFor } from './plan-statements';
import { withActiveAlerts } from '../alerts/active-alerts';
import { toPlanCard } from './plan-card';
import type { UsagePorts } from './usage-ports';

/** The statement's figures without its lines and breakdowns. */
export function statementTotals({ byIssue: _byIssue, byAuthor: _byAuthor, lines: _lines, outOfPlan: _outOfPlan, ...totals }: Statement): DeepReadonly<StatementTotals> {
  return totals;
}

async function projectPlan(ports: UsagePorts, project: ProjectRef, planId: string) {
  const stored = await loadPlan(ports.store, planId);
  return stored !== undefined && stored.projectId === project.id ? stored : undefined;
}

/** The ledger's full statement of one period (`YYYY-MM`; default: the current one). */
export async function planStatement(
  ports: UsagePorts,
  project: ProjectRef,
  request: { readonly planId: string; readonly period?: string },
): Promise<Outcome<Statement>> {
  const stored = await projectPlan(ports, project, request.planId);
  if (stored === undefined) return planNotFound(request.planId);
  if (request.period === undefined) return { ok: true, data: await currentStatement(ports, stored) };
  const period = periodByLabel(stored.plan, request.period);
  if (period === null) {
    return fail('VALIDATION_FAILED', `The plan "${stored.plan.name}" has no period starting in ${request.period}.`, [
      { path: 'period', message: `no period of this plan starts in ${request.period}` },
    ]);
  }
  return { ok: true, data: await statementFor(ports, stored, period) };
}

/** The totals of the last `periods` periods through the current one, oldest first. */
export async function planHistory(
  ports: UsagePorts,
  project: ProjectRef,
  request: { readonly planId: string; readonly periods?: number },
): Promise<Outcome<HandlerDataOf<'usage/history'>>> {
  const stored = await projectPlan(ports, project, request.planId);
  if (stored === undefined) return planNotFound(request.planId);
  const history = await historyThroughNow(ports, stored);
  return { ok: true, data: { periods: history.slice(-(request.periods ?? 12)).map(statementTotals) } };
}

/** Every plan of the project as a card, active plans first. */
export async function projectOverview(ports: UsagePorts, project: ProjectRef): Promise<Outcome<HandlerDataOf<'usage/overview'>>> {
  const plans = await listProjectPlans(ports.store, project.id);
  const now = ports.clock.now();
  const cards: PlanCard[] = await Promise.all(
    plans.map(async (stored) => withActiveAlerts(ports.store, toPlanCard(stored, await currentStatement(ports, stored), now))),
  );
  cards.sort((a, b) => Number(a.status === 'archived') - Number(b.status === 'archived') || a.planName.localeCompare(b.planName));
  return { ok: true, data: { project: { id: project.id, key: project.key }, cards } };
}

/** The gadget's card for its saved configuration; a plan deleted since is reported as such. */
export async function gadgetCard(
  ports: UsagePorts,
  configuration: { readonly projectKey: string; readonly planId: string },
): Promise<Outcome<HandlerDataOf<'usage/gadget'>>> {
  const stored = await loadPlan(ports.store, configuration.planId);
  if (stored === undefined || stored.projectKey !== configuration.projectKey) {
    return fail('PLAN_NOT_FOUND', `The plan "${configuration.planId}" no longer exists in project ${configuration.projectKey}. Edit the gadget to choose another plan.`);
  }
  const card = await withActiveAlerts(ports.store, toPlanCard(stored, await currentStatement(ports, stored), ports.clock.now()));
  return { ok: true, data: { configured: true, projectKey: configuration.projectKey, card } };
}

/** Plan-fit advice for the project page: the plan's last complete periods, read from their stored statements. */
import type { HandlerDataOf, StoredPlan } from '../../contract';
import { candidateKindIssues } from '../../input/candidates';
import { DEFAULT_ADVICE_PERIODS } from '../../input/limits';
import { adviceFigures, advisePlan, buildHistory, completePeriods, type PlanCandidate } from '../../ledger';
import type { Instant, Period, Statement } from '../../ledger/types';
import { loadPlanLedgerInput } from '../aggregates/load-plan-ledger-input';
import { loadClosedPeriods } from '../closing/closed-statements';
import { loadPlanInProject } from '../plans/plan-in-project';
import type { ProjectRef } from '../plans/plan-write';
import { identityOf, internalIdOf } from '../plans/plan-repository';
import { invalid, type UseCaseOutcome } from '../refusal';
import { storedPeriodStatements } from './stored-statement';
import type { UsagePorts } from './usage-ports';

/**
 * The statements of `periods`: each read from the period's own stored data (a closed period's frozen statement, an
 * open one replayed from its source), so the cost follows those periods' work, not the plan's history; when any of
 * them cannot be (a figures refresh pending, no source yet), all are replayed once over the plan's whole aggregate.
 */
async function windowStatements(ports: UsagePorts, stored: StoredPlan, periods: readonly Period[], asOf: Instant): Promise<readonly Statement[]> {
  // Only figures that are current: the advice has no way to say it compares an older refresh.
  const fromStore = await storedPeriodStatements(ports.store, stored, periods, asOf, 'current');
  const [first, last] = [periods[0], periods.at(-1)];
  if (fromStore !== undefined || first === undefined || last === undefined) return (fromStore ?? []).map((each) => each.statement);
  const [input, closedPeriods] = await Promise.all([loadPlanLedgerInput(ports.store, identityOf(stored)), loadClosedPeriods(ports.store, internalIdOf(stored))]);
  return buildHistory({ plan: stored.plan, ...input, closedPeriods, throughPeriod: last, asOf }).slice(first.index);
}

/** What each candidate would have cost over the plan's last `periods` complete periods, beside what was charged. */
export async function planAdvice(
  ports: UsagePorts,
  project: ProjectRef,
  request: { readonly planId: string; readonly periods?: number | undefined; readonly candidates: readonly PlanCandidate[] },
): Promise<UseCaseOutcome<HandlerDataOf<'usage/advice'>>> {
  const found = await loadPlanInProject(ports.store, { projectId: project.id }, request.planId);
  if (!found.ok) return found;
  const { stored } = found.data;
  const { plan } = stored;
  const kindIssues = candidateKindIssues(plan, request.candidates);
  if (kindIssues.length > 0) return invalid('candidates', { what: 'candidate-terms', fields: kindIssues });
  const now = ports.clock.now();
  const periods = completePeriods(plan, now, request.periods ?? DEFAULT_ADVICE_PERIODS);
  const statements = await windowStatements(ports, stored, periods, now);
  const figures = adviceFigures(advisePlan({ plan, statements, candidates: request.candidates }));
  return { ok: true, data: { planName: plan.name, currency: plan.currency, periodUnit: plan.period, ...figures } };
}

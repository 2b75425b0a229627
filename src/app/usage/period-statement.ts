/** A period's statement as the project page reads it: its summary, then its lists a page at a time. */
import { periodByLabel } from '../../ledger';
import type { ClosedVersion } from '../../contract';
import { readClosedVersion } from '../closing/closed-statements';
import { loadPlanInProject } from '../plans/plan-in-project';
import type { ProjectRef } from '../plans/plan-write';
import { invalid, type UseCaseOutcome } from '../refusal';
import { currentStatement, statementFor } from './plan-statements';
import { statementPage, statementSummary, type StatementPageAnswer, type StatementPageRequest, type StatementSummary } from './statement-pages';
import type { StoredStatement } from './stored-statement';
import type { UsagePorts } from './usage-ports';

/** The ledger's statement of one period (`YYYY-MM`; default: the current one). */
async function periodStatement(
  ports: UsagePorts,
  project: ProjectRef,
  request: { readonly planId: string; readonly period?: string | undefined },
): Promise<UseCaseOutcome<StoredStatement>> {
  const found = await loadPlanInProject(ports.store, { projectId: project.id }, request.planId);
  if (!found.ok) return found;
  const { stored } = found.data;
  if (request.period === undefined) return { ok: true, data: await currentStatement(ports, stored) };
  const period = periodByLabel(stored.plan, request.period);
  if (period === null) return invalid('period', { what: 'no-such-period', planName: stored.plan.name, periodLabel: request.period });
  return { ok: true, data: await statementFor(ports, stored, period) };
}

/** A period's statement: its figures, and the first page of each of its lists. */
export async function planStatement(
  ports: UsagePorts,
  project: ProjectRef,
  request: { readonly planId: string; readonly period?: string | undefined },
): Promise<UseCaseOutcome<StatementSummary>> {
  const statement = await periodStatement(ports, project, request);
  return statement.ok ? { ok: true, data: await statementSummary(statement.data.statement, statement.data.updating) } : statement;
}

/** One page of one list of a period's statement, or of one frozen version of it when `version` is given. */
export async function planStatementPage(ports: UsagePorts, project: ProjectRef, request: StatementPageRequest): Promise<UseCaseOutcome<StatementPageAnswer>> {
  const { version } = request;
  if (version !== undefined) {
    const frozen = await readClosedVersion(ports.store, project, { planId: request.planId, period: request.period, version });
    return frozen.ok ? { ok: true, data: await statementPage(frozen.data.statement, request) } : frozen;
  }
  const statement = await periodStatement(ports, project, request);
  return statement.ok ? { ok: true, data: await statementPage(statement.data.statement, request, statement.data.updating) } : statement;
}

/** One frozen version of a closed period: its record, and its statement as a summary (further pages: `planStatementPage`). */
export async function closedVersionSummary(
  ports: Pick<UsagePorts, 'store'>,
  project: ProjectRef,
  request: { readonly planId: string; readonly period: string; readonly version: number },
): Promise<UseCaseOutcome<{ readonly version: ClosedVersion; readonly statement: StatementSummary }>> {
  const frozen = await readClosedVersion(ports.store, project, request);
  return frozen.ok ? { ok: true, data: { version: frozen.data.version, statement: await statementSummary(frozen.data.statement) } } : frozen;
}

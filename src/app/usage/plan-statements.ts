/** Statements of one plan, computed by the ledger over the plan's aggregated links and worklogs. */
import type { StoredPlan } from '../../contract';
import { buildHistory, buildStatement } from '../../ledger';
import { loadPlanLedgerInput } from '../aggregates/load-plan-ledger-input';
import { loadClosedPeriods } from '../closing/closed-statements';
import { identityOf, internalIdOf } from '../plans/plan-repository';
import type { Instant, Period, Statement } from '../../ledger/types';
import { reportingPeriod } from './reporting-period';
import { storedPeriodStatement, type StoredStatement } from './stored-statement';
import type { UsagePorts } from './usage-ports';

/**
 * The ledger's statement of one period as the project page reads it: from the period's own stored data
 * (`storedPeriodStatement`), the last refresh's and marked `updating` while the figures are being updated, else
 * replayed over the plan's whole aggregate and closed periods.
 */
export async function statementFor(ports: UsagePorts, stored: StoredPlan, period: Period): Promise<StoredStatement> {
  const asOf = ports.clock.now();
  return (await storedPeriodStatement(ports.store, stored, period, asOf, 'last-refresh')) ?? { statement: await replayedStatement(ports, stored, period, asOf), updating: null };
}

/** The ledger's statement of one period over everything recorded (closing freezes it): from stored data only while the figures are current. */
export async function completeStatementFor(ports: UsagePorts, stored: StoredPlan, period: Period): Promise<Statement> {
  const asOf = ports.clock.now();
  return (await storedPeriodStatement(ports.store, stored, period, asOf, 'current'))?.statement ?? (await replayedStatement(ports, stored, period, asOf));
}

/** The ledger's statement of one period, replayed over the plan's whole aggregate and every closed period. */
export async function replayedStatement(ports: Pick<UsagePorts, 'store'>, stored: StoredPlan, period: Period, asOf: Instant): Promise<Statement> {
  const input = await loadPlanLedgerInput(ports.store, identityOf(stored));
  const closedPeriods = await loadClosedPeriods(ports.store, internalIdOf(stored));
  return buildStatement({ plan: stored.plan, ...input, closedPeriods, period, asOf });
}

export function currentStatement(ports: UsagePorts, stored: StoredPlan): Promise<StoredStatement> {
  return statementFor(ports, stored, reportingPeriod(stored.plan, ports.clock.now()));
}

/** Every period's statement from the plan's first through the current one, oldest first (one replay). */
export async function historyThroughNow(ports: UsagePorts, stored: StoredPlan): Promise<Statement[]> {
  const now = ports.clock.now();
  const input = await loadPlanLedgerInput(ports.store, identityOf(stored));
  const closedPeriods = await loadClosedPeriods(ports.store, internalIdOf(stored));
  return buildHistory({ plan: stored.plan, ...input, closedPeriods, throughPeriod: reportingPeriod(stored.plan, now), asOf: now });
}

import { LedgerInputError } from './errors';
import type { ClosedPeriod, Plan } from './types';

/**
 * The plan's closed periods by label, checked: each belongs to the plan, names the period its
 * statement is of, has a version of 1 or more, and no label comes twice.
 *
 * @throws LedgerInputError on any closed period that breaks one of those rules
 * @example
 * indexClosedPeriods(plan, [{ periodLabel: '2026-10', version: 1, statement }]).get('2026-10')?.version // 1
 */
export function indexClosedPeriods(plan: Plan, closedPeriods: readonly ClosedPeriod[]): ReadonlyMap<string, ClosedPeriod> {
  const byLabel = new Map<string, ClosedPeriod>();
  for (const closed of closedPeriods) {
    const field = `closedPeriods[${closed.periodLabel}]`;
    if (closed.statement.planId !== plan.id) {
      throw new LedgerInputError(field, `statement of plan ${closed.statement.planId}, not ${plan.id}`);
    }
    if (closed.statement.period.label !== closed.periodLabel) {
      throw new LedgerInputError(field, `statement of period ${closed.statement.period.label}`);
    }
    if (!Number.isSafeInteger(closed.version) || closed.version < 1) {
      throw new LedgerInputError(field, `version must be a whole number from 1, not ${closed.version}`);
    }
    if (byLabel.has(closed.periodLabel)) throw new LedgerInputError(field, 'closed more than once; give only the latest version');
    byLabel.set(closed.periodLabel, closed);
  }
  return byLabel;
}

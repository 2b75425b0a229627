import { isTimeCondition } from './charge-worklog';
import type { Plan } from './types';

/**
 * Whether some term version of the plan, past or future, has a multiplier rule that looks at the issue's priority,
 * issue type or request type: only then can a change of those change the plan's figures.
 *
 * @example
 * pricesByIssueAttributes(buildPlan({ multipliers: [{ name: 'P1', when: { kind: 'priority', values: ['1'] }, factorPermille: 1500 }] })) // true
 */
export function pricesByIssueAttributes(plan: Plan): boolean {
  const versions = [plan, ...(plan.amendments ?? [])];
  return versions.some((terms) => (terms.multipliers ?? []).some((rule) => !isTimeCondition(rule.when)));
}

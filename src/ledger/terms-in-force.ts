import { createPeriodCalendar, type PeriodCalendar } from './period-calendar';
import type { Plan, PlanTerms, TermsAmendment } from './types';

/** The terms that price one period. */
export interface TermsInForce {
  /** 1 for the plan's own terms, n + 1 for its n-th amendment. */
  readonly version: number;
  /** The plan with that version's terms in place of its own (identity unchanged). */
  readonly plan: Plan;
}

/**
 * The term version in force in period `index`: the last one whose first period is at or before it.
 *
 * @example
 * // amendment from 2027-01 of a monthly plan starting 2026-10
 * termsInForce(plan, calendar, 3).version // 2
 * termsInForce(plan, calendar, 2).plan.overageRateMinor // the plan's own rate
 */
export function termsInForce(plan: Plan, calendar: PeriodCalendar, index: number): TermsInForce {
  let version = 1;
  calendar.versionStarts.forEach((firstIndex, position) => {
    if (firstIndex <= index) version = position + 1;
  });
  return { version, plan: withTermsOfVersion(plan, version) };
}

function withTermsOfVersion(plan: Plan, version: number): Plan {
  if (version === 1) return plan;
  if (plan.kind === 'buckets') return { ...plan, ...termsOf(plan.amendments?.[version - 2], version) };
  return { ...plan, ...termsOf(plan.amendments?.[version - 2], version) };
}

function termsOf<Terms extends PlanTerms>(amendment: TermsAmendment<Terms> | undefined, version: number): Terms {
  if (amendment === undefined) throw new RangeError(`the plan has no term version ${version}`);
  const { from: _from, ...terms } = amendment;
  return terms as unknown as Terms;
}

/** One term version as people name it. */
export interface TermVersionLabel {
  readonly version: number;
  /** Label of the version's first period. */
  readonly from: string;
}

/**
 * The plan's term versions, oldest first: its own terms from its first period, then each amendment.
 *
 * @example
 * termVersions(plan) // [{ version: 1, from: '2026-01' }, { version: 2, from: '2026-07' }]
 */
export function termVersions(plan: Plan): TermVersionLabel[] {
  return [{ version: 1, from: plan.startDate.slice(0, 7) }, ...(plan.amendments ?? []).map(({ from }, position) => ({ version: position + 2, from }))];
}

/**
 * The plan as one version, as the settings form edits it: the identity, the terms in force in period `index`, and
 * the blocks of every version (blocks are dated, so they are edited as one list).
 *
 * @example
 * planAsOneVersion(plan, 4).amendments // undefined
 */
export function planAsOneVersion(plan: Plan, index: number): Plan {
  const { plan: inForce } = termsInForce(plan, createPeriodCalendar(plan), index);
  const { amendments: _amendments, ...single } = inForce;
  if (single.kind !== 'buckets' || plan.kind !== 'buckets') return single;
  return { ...single, blocks: [...plan.blocks, ...(plan.amendments ?? []).flatMap((amendment) => amendment.blocks)] };
}

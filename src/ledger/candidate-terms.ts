import type { Allowance, MinorUnits, Plan, Seconds } from './types';

/** Blocks bought whenever the bank runs empty: on the day of the first worklog no bucket could hold, as many as it needs. */
export interface TopUpBlocks {
  readonly topUpSeconds: Seconds;
  readonly priceMinor: MinorUnits;
}

/**
 * Alternative terms for plan-fit advice, in the shape of a plan's terms: each field given replaces the plan's, each
 * left out keeps the plan's (in force in each period). Rounding, thresholds and the period never change: the work is
 * the plan's work as its statements counted it.
 */
export interface CandidateTerms {
  readonly kind?: Plan['kind'];
  /** Pay-as-you-go only; default the plan's hourly rate, or its overage rate for a bucket plan. */
  readonly hourlyRateMinor?: MinorUnits;
  /** Bucket terms only; null: no allowance. Default the plan's allowance (none for a pay-as-you-go plan). */
  readonly allowance?: Allowance | null;
  /** Bucket terms only; default the plan's overage rate, or its hourly rate for a pay-as-you-go plan. */
  readonly overageRateMinor?: MinorUnits;
  readonly extraRateMinor?: MinorUnits;
  /** Bucket terms only. `as-bought` (default): the blocks the plan bought in those periods; `none`; or top-ups. */
  readonly blocks?: 'as-bought' | 'none' | TopUpBlocks;
}

export interface PlanCandidate {
  readonly name: string;
  readonly terms: CandidateTerms;
}

/** What every kind of plan has: its identity and the terms that price every kind (multipliers included). */
function sharedPart(plan: Plan) {
  if (plan.kind === 'buckets') {
    const { kind: _kind, allowance: _allowance, blocks: _blocks, overageRateMinor: _rate, amendments: _amendments, ...shared } = plan;
    return shared;
  }
  const { kind: _kind, hourlyRateMinor: _rate, amendments: _amendments, ...shared } = plan;
  return shared;
}

/** The plan's rate for covered work beyond its buckets (all covered work, pay-as-you-go). */
function coveredRate(plan: Plan): MinorUnits {
  return plan.kind === 'buckets' ? plan.overageRateMinor : plan.hourlyRateMinor;
}

/**
 * The plan, priced by `terms` where they say so and by its own terms in force (`inForce`) elsewhere, as one version
 * without blocks: the advice schedules the blocks itself.
 *
 * @example
 * candidatePlan(plan, { allowance: { includedSeconds: 35 * 3600, fixedFeeMinor: 350000 } }).kind // 'buckets'
 */
export function candidatePlan(inForce: Plan, terms: CandidateTerms): Plan {
  const shared = { ...sharedPart(inForce), extraRateMinor: terms.extraRateMinor ?? inForce.extraRateMinor };
  const kind = terms.kind ?? inForce.kind;
  if (kind === 'pay-as-you-go') return { ...shared, kind, hourlyRateMinor: terms.hourlyRateMinor ?? coveredRate(inForce) };
  const allowance = terms.allowance === undefined ? (inForce.kind === 'buckets' ? inForce.allowance : undefined) : terms.allowance;
  return {
    ...shared,
    kind,
    ...(allowance === null || allowance === undefined ? {} : { allowance }),
    blocks: [],
    overageRateMinor: terms.overageRateMinor ?? coveredRate(inForce),
  };
}

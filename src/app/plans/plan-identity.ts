/**
 * A plan's internal id as only a stored plan gives it (`internalIdOf` in the plan repository):
 * the aggregates accept no other, so nothing can be stored for an id no plan has.
 */
export type PlanInternalId = string & { readonly planInternalId: unique symbol };

/** A plan as the aggregates know it: stored under its internal id, linked (in Jira and the ledger) by its key. */
export interface PlanIdentity {
  readonly internalId: PlanInternalId;
  readonly key: string;
}

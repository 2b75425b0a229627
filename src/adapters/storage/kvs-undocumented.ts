/**
 * What Support Hours assumes of Forge KVS where Forge's documentation is silent, each assumption
 * stated once, here. `KvsStore` relies on the first three; the local emulation of KVS
 * (src/local/forge-runtime/kvs) answers by all of them, so tests exercise the store against exactly
 * these assumptions. Decision 0013 lists them; each is to be verified on a real site.
 */

/** An error answer of KVS: its HTTP status and the `code` of its body (`{ code, message }`). */
export interface RefusalCode {
  readonly status: number;
  readonly code: string;
}

/**
 * A transaction refused because a condition does not hold. Forge documents no code for it; the
 * legacy `@forge/storage` client names a 409 "Conflicting update occurred", hence the status.
 */
export const ASSUMED_CONDITION_FAILURE = { status: 409, code: 'CONDITION_FAILED' } as const satisfies RefusalCode;

/** How `KvsStore` recognises a refused condition: the answer above, or a code naming a condition or a conflict. */
export function isConditionFailure(status: number, code: string): boolean {
  return status === ASSUMED_CONDITION_FAILURE.status || /CONDITION|CONFLICT/.test(code);
}

/**
 * A condition on an item that does not exist: `NOT_EXISTS` holds (every attribute of a missing item
 * is absent), every other condition fails. `KvsStore` writes "the key must not exist" as `notExists()`
 * on its `version` attribute.
 */
export function conditionHoldsForMissingItem(condition: string): boolean {
  return condition === 'NOT_EXISTS';
}

/**
 * A query cursor KVS did not hand out. The legacy GraphQL storage API names this error `INVALID_CURSOR`;
 * the REST API behind `@forge/kvs` documents no code for it.
 */
export const ASSUMED_INVALID_CURSOR = { status: 400, code: 'INVALID_CURSOR' } as const satisfies RefusalCode;

// The emulation's own choices where Forge is silent. `KvsStore` depends on none of them: it sends no
// request they would refuse (its own limits come first, and it uses only its declared entity and index),
// uses neither BETWEEN nor sparse attributes, and `@forge/kvs` hides the budget's header.

/** `BETWEEN a b` includes its bounds: `comparison` is the value compared with `b` (negative: below it). */
export function withinBetweenUpperBound(comparison: number): boolean {
  return comparison <= 0;
}

/** An item lacking any of an index's attributes is not in that index: queries on the index do not find it. */
export function isInIndex(indexAttributeValues: readonly unknown[]): boolean {
  return indexAttributeValues.every((value) => value !== undefined);
}

export const EMULATION_ASSUMPTIONS = {
  /** Codes for a transaction of more than 25 operations or 4 MiB, and for a key used twice in one. */
  transactionTooLarge: { status: 400, code: 'TRANSACTION_TOO_LARGE' } satisfies RefusalCode,
  duplicateKeyInTransaction: { status: 400, code: 'DUPLICATE_KEY_IN_TRANSACTION' } satisfies RefusalCode,
  /** An entity the manifest does not declare, or an index it does not declare for the entity. */
  undeclaredEntity: { status: 400, code: 'INVALID_ENTITY_TYPE' } satisfies RefusalCode,
  undeclaredIndex: { status: 400, code: 'INVALID_ENTITY_INDEX' } satisfies RefusalCode,
  /** An attribute the manifest does not declare is refused like a value of the wrong type. */
  undeclaredAttribute: { status: 400, code: 'INVALID_ENTITY_VALUE' } satisfies RefusalCode,
  /** A query without `limit` answers this many items a page. */
  defaultPageSize: 10,
  /**
   * The per-minute budget is counted in fixed windows of one minute of the clock. A request over it is
   * refused with `Retry-After` (the seconds until the window ends) and costs nothing; every request
   * answered costs its units, a transaction refused for a condition included. Forge documents the budget
   * per minute, neither the window, the header (which `@forge/kvs` does not read) nor what a refusal costs.
   */
  budgetWindowMs: 60_000,
} as const;

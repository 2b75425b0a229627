/**
 * KVS's error answers: a status and the body `{ code, message }` its documentation describes
 * ("Error handling for the Key-Value Store / Custom Entity Store"). The codes here are the documented
 * ones; those Forge does not document come from src/adapters/storage/kvs-undocumented.ts, with their shape.
 */
import type { RefusalCode } from '../../../adapters/storage/kvs-undocumented';

export const DOCUMENTED_REFUSALS = {
  badRequest: { status: 400, code: 'BAD_REQUEST' },
  emptyKey: { status: 400, code: 'EMPTY_KEY' },
  keyTooLong: { status: 400, code: 'KEY_TOO_LONG' },
  invalidKey: { status: 400, code: 'INVALID_KEY' },
  keyNotFound: { status: 404, code: 'KEY_NOT_FOUND' },
  maxSize: { status: 400, code: 'MAX_SIZE' },
  maxDepth: { status: 400, code: 'MAX_DEPTH' },
  invalidEntityValue: { status: 400, code: 'INVALID_ENTITY_VALUE' },
  pageLimitNotInRange: { status: 400, code: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE' },
  /** Over the per-minute budget; a transaction is refused as TOO_MANY_REQUESTS (the transactions page says so). */
  rateLimitExceeded: { status: 429, code: 'RATE_LIMIT_EXCEEDED' },
  transactionRateLimited: { status: 429, code: 'TOO_MANY_REQUESTS' },
} as const satisfies Record<string, RefusalCode>;

/** A call this emulation does not answer (secrets, batches, plain-key queries, query filters): the app makes none. */
export const NOT_EMULATED: RefusalCode = { status: 501, code: 'NOT_EMULATED' };

/** Thrown inside the emulation, answered as KVS would answer it. */
export class KvsRefusal extends Error {
  constructor(
    readonly refusal: RefusalCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'KvsRefusal';
  }
}

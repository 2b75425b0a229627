/**
 * The one failure policy of every queue consumer and trigger: what a failure is, and how long
 * a job that keeps failing is retried before it is parked for the admins to see.
 *
 * - `malformed`: the message itself can't be read; retrying can't help, so it is acknowledged and logged.
 * - `transient`: Jira's rate limit, Jira not answering (5xx, time-outs, network), the store busy or
 *   a write that kept colliding: retried with backoff up to {@link RETRY_HORIZON_SECONDS}, then parked.
 * - `permanent`: anything else (Jira refusing the request, a bug): parked at once, with its error.
 */
import { JiraError } from '../ports/jira';
import { StoreError, type JsonValue } from '../ports/store';

export type FailureKind = 'transient' | 'permanent';

export interface ClassifiedFailure {
  readonly kind: FailureKind;
  /** What went wrong, in words an admin can act on (bounded). */
  readonly message: string;
  /** Seconds Jira asked the app to wait (a rate limit). */
  readonly retryAfterSeconds?: number;
}

/** Error text kept in stored records and shown to admins, at most this long. */
export const MAX_ERROR_LENGTH = 300;

const TRANSIENT_STORE_CODES: ReadonlySet<string> = new Set(['conflict', 'rate-limited', 'unavailable']);

export function classifyFailure(cause: unknown): ClassifiedFailure {
  const message = (cause instanceof Error ? cause.message : String(cause)).slice(0, MAX_ERROR_LENGTH);
  if (cause instanceof JiraError) {
    const transient = cause.kind === 'rate-limited' || cause.kind === 'server' || cause.kind === 'timeout' || cause.kind === 'network';
    return {
      kind: transient ? 'transient' : 'permanent',
      message,
      ...(cause.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: cause.retryAfterSeconds }),
    };
  }
  if (cause instanceof StoreError && TRANSIENT_STORE_CODES.has(cause.code)) return { kind: 'transient', message };
  return { kind: 'permanent', message };
}

/** The first retry waits this long; each next one twice as long, up to {@link MAX_RETRY_DELAY_SECONDS}. */
export const FIRST_RETRY_DELAY_SECONDS = 30;
/** Forge's longest queue delay. */
export const MAX_RETRY_DELAY_SECONDS = 900;
/** Retries of one job before it is parked: 30 s, 1, 2, 4, 8 min, then every 15 min — about 6 hours in all. */
export const MAX_RETRIES = 28;

/** The pause before retry number `retry` (1-based): doubling backoff, never shorter than Jira's `Retry-After`. */
export function retryDelaySeconds(retry: number, retryAfterSeconds = 0): number {
  const backoff = Math.min(MAX_RETRY_DELAY_SECONDS, FIRST_RETRY_DELAY_SECONDS * 2 ** (retry - 1));
  return Math.min(MAX_RETRY_DELAY_SECONDS, Math.max(backoff, Math.ceil(retryAfterSeconds)));
}

/** How long a job that keeps failing transiently is retried, at least: the sum of the backoff delays. */
export const RETRY_HORIZON_SECONDS = Array.from({ length: MAX_RETRIES }, (_, index) => retryDelaySeconds(index + 1)).reduce((sum, delay) => sum + delay, 0);

/**
 * Thrown by a job that did part of its work: `remaining` is the body of what is left (a
 * narrower job), retried instead of the whole one. `cause` decides whether it is retried.
 */
export class RemainingWork extends Error {
  constructor(
    readonly remaining: JsonValue,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'RemainingWork';
  }
}

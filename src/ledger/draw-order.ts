import type { BucketKind, Instant, Seconds } from './types';

/** A bucket of hours while the ledger replays; `balance` falls as covered work draws on it. */
export interface Bucket {
  readonly id: string;
  readonly kind: BucketKind;
  readonly usableFrom: Instant;
  /** Exclusive; null: never expires. */
  readonly expiresAt: Instant | null;
  /** Last tie-break: rollover lots, then the allowance, then blocks in purchase order. */
  readonly rank: number;
  /** Rollover lots only: label of the period whose unused allowance made the lot. */
  readonly fromPeriod?: string;
  balance: Seconds;
}

/**
 * Orders buckets the way covered work draws on them: the one expiring soonest first (never
 * expiring last), then the one usable earliest, then by rank.
 *
 * @example
 * buckets.sort(byDrawPriority)
 */
export function byDrawPriority(a: Bucket, b: Bucket): number {
  const aExpiry = a.expiresAt ?? Number.POSITIVE_INFINITY;
  const bExpiry = b.expiresAt ?? Number.POSITIVE_INFINITY;
  if (aExpiry !== bExpiry) return aExpiry < bExpiry ? -1 : 1;
  return a.usableFrom - b.usableFrom || a.rank - b.rank;
}

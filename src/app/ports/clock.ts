import type { Instant } from '../../ledger/types';

/** "Now", injected so that use cases and tests never depend on today. */
export interface Clock {
  now(): Instant;
}

/** The machine's clock: the only place outside adapters allowed to read the time. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that always answers the same instant, for tests and reproducible benchmarks. */
export function fixedClock(instant: Instant): Clock {
  return { now: () => instant };
}

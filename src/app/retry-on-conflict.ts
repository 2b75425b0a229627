import { StoreError } from './ports/store';

export interface RetryOptions {
  readonly maxAttempts: number;
  /** Pause before retry number `retry` (1-based). */
  readonly delayMs: (retry: number) => number;
  /** Names what kept changing, for the final error message. */
  readonly subject: string;
}

/** Jitter spreads writers that collided so that they don't collide again on the next attempt. */
export function jitteredBackoffMs(retry: number): number {
  return Math.random() * Math.min(200, 5 * 2 ** retry);
}

/**
 * Runs `attempt` until it does not fail with a `conflict` StoreError, pausing between tries;
 * after `maxAttempts` conflicts, fails with `conflict` itself.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attemptNumber = 1; attemptNumber <= options.maxAttempts; attemptNumber += 1) {
    if (attemptNumber > 1) await pause(options.delayMs(attemptNumber - 1));
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'conflict')) throw error;
    }
  }
  throw new StoreError('conflict', `${options.subject} kept changing under ${options.maxAttempts} attempts.`);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

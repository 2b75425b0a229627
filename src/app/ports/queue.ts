/**
 * The work queue port: long jobs (bulk linking, full recomputes) are pushed here and run
 * later by a consumer. Implemented over `@forge/events` queues on Forge and by the local
 * runtime in-process. Bodies are plain JSON so they survive the trip unchanged.
 */
import type { JsonValue } from './store';

/** Forge's longest queue delay. */
export const MAX_DELAY_SECONDS = 900;

export interface PushOptions {
  /** 0 to {@link MAX_DELAY_SECONDS}. */
  readonly delayInSeconds?: number;
  /** Jobs that share this key run one at a time. */
  readonly concurrencyKey?: string;
}

export interface WorkQueue {
  /** Resolves with the job id once the job is accepted. */
  push(queueKey: string, body: JsonValue, options?: PushOptions): Promise<string>;
}


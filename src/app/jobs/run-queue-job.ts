import * as z from 'zod';
import type { Clock } from '../ports/clock';
import type { WorkQueue } from '../ports/queue';
import { isJsonObject, type JsonValue } from '../ports/store';
import { classifyFailure, MAX_RETRIES, RemainingWork, retryDelaySeconds, type ClassifiedFailure } from './failure-policy';

/** A job body as queues carry it: a JSON object. */
export type JobBody = Readonly<Record<string, JsonValue>>;

/** Where the policy keeps a job's retries: in the body it pushes again, beside the job's own fields. */
const retryStateSchema = z.object({
  /** Retries so far (1 on the first retry). */
  attempt: z.int().min(1),
  firstFailedAt: z.int(),
});

export interface ParkedFailure extends ClassifiedFailure {
  /** What the last run threw. */
  readonly cause: unknown;
  /** Runs of the job, the first one included. */
  readonly attempts: number;
  readonly firstFailedAt: number;
}

/** One queue's jobs, as the policy runs them. */
export interface QueueJobHandler<J> {
  readonly queueKey: string;
  /** What its jobs are called in log lines, e.g. `alert`. */
  readonly name: string;
  readonly schema: z.ZodType<J>;
  run(job: J): Promise<unknown>;
  /** The key the job was pushed with, so that a retry keeps running one at a time with its peers. */
  concurrencyKey(job: J): string | undefined;
  /** The policy gave up on the job: keep the failure where admins look, and settle what the job owed. */
  park(job: J, failure: ParkedFailure): Promise<void>;
}

export type JobLog = Pick<Console, 'warn' | 'error'>;

export interface JobPolicyPorts {
  readonly queue: WorkQueue;
  readonly clock: Clock;
  readonly log?: JobLog;
}

export type JobOutcome =
  | { readonly status: 'done' }
  | { readonly status: 'malformed'; readonly reason: string }
  | { readonly status: 'retrying'; readonly retry: number; readonly delaySeconds: number; readonly reason: string }
  | { readonly status: 'parked'; readonly attempts: number; readonly reason: string };

/**
 * Runs one queue job under the failure policy: a body the job's schema refuses is acknowledged
 * and logged; a transient failure pushes the job (or what is left of it) again after a backoff,
 * up to `MAX_RETRIES` times; a permanent failure, or the last transient one, parks the job.
 * Only a failure to push the retry or to park escapes, for the platform to retry the delivery.
 */
export async function runQueueJob<J>(ports: JobPolicyPorts, handler: QueueJobHandler<J>, body: JobBody): Promise<JobOutcome> {
  const log = ports.log ?? console;
  const { retry: retryValue, ...jobBody } = body;
  const retryState = retryStateSchema.safeParse(retryValue).data;
  const parsed = handler.schema.safeParse(jobBody);
  if (!parsed.success) {
    const reason = z.prettifyError(parsed.error).replace(/\s+/g, ' ');
    log.warn(`Support Hours ignored a malformed ${handler.name} job: ${reason}`);
    return { status: 'malformed', reason };
  }
  try {
    await handler.run(parsed.data);
    return { status: 'done' };
  } catch (error) {
    const remaining = error instanceof RemainingWork && isJsonObject(error.remaining) ? error.remaining : jobBody;
    const cause = error instanceof RemainingWork ? error.cause : error;
    const failure = classifyFailure(cause);
    const retry = (retryState?.attempt ?? 0) + 1;
    const firstFailedAt = retryState?.firstFailedAt ?? ports.clock.now();
    const job = remaining === jobBody ? parsed.data : handler.schema.parse(remaining);
    if (failure.kind === 'transient' && retry <= MAX_RETRIES) {
      const delaySeconds = retryDelaySeconds(retry, failure.retryAfterSeconds);
      const concurrencyKey = handler.concurrencyKey(job);
      await ports.queue.push(
        handler.queueKey,
        { ...remaining, retry: { attempt: retry, firstFailedAt } },
        { delayInSeconds: delaySeconds, ...(concurrencyKey === undefined ? {} : { concurrencyKey }) },
      );
      log.warn(`Support Hours retries the ${handler.name} job in ${delaySeconds} s (retry ${retry} of ${MAX_RETRIES}): ${failure.message}`);
      return { status: 'retrying', retry, delaySeconds, reason: failure.message };
    }
    await handler.park(job, { ...failure, cause, attempts: retry, firstFailedAt });
    log.error(`Support Hours parked the ${handler.name} job after ${retry} attempt${retry === 1 ? '' : 's'} (${failure.kind}): ${failure.message}`);
    return { status: 'parked', attempts: retry, reason: failure.message };
  }
}

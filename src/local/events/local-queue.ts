import { randomUUID } from 'node:crypto';
import type { PushOptions, WorkQueue } from '../../app/ports/queue';
import type { JsonValue } from '../../app/ports/store';

/** What a Forge `consumer` function receives for one job (the fields the app reads). */
export interface QueueEvent {
  readonly body: JsonValue;
  readonly jobId: string;
  readonly retryContext?: { readonly retryCount: number; readonly retryReason: string };
}

export type QueueConsumer = (event: QueueEvent) => Promise<void>;

export interface JobRun {
  readonly queueKey: string;
  readonly jobId: string;
  readonly durationMs: number;
  readonly error?: string;
}

export interface LocalQueueOptions {
  /**
   * `timers`: each job runs after its delay on a real timer (the preview).
   * `manual`: jobs wait for `drain()`, which runs them in the order they fall due, without
   * waiting out the delays (tests and benchmarks).
   */
  readonly mode: 'timers' | 'manual';
  /** Forge retries a consumer that throws; so does this, up to this many times. */
  readonly maxRetries?: number;
}

interface Job {
  readonly queueKey: string;
  readonly event: QueueEvent;
  readonly concurrencyKey: string | undefined;
  readonly dueAt: number;
  readonly sequence: number;
}

/**
 * Forge's queues in-process: `push` with a delay and a concurrency key (jobs sharing a key
 * run one at a time, others run side by side), a consumer per queue key, retries on failure.
 */
export class LocalQueue implements WorkQueue {
  private readonly consumers = new Map<string, QueueConsumer>();
  private readonly waiting: Job[] = [];
  /** Timers mode: each waiting job's timer, with when it falls due (`performance.now()`). */
  private readonly timers = new Map<NodeJS.Timeout, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly maxRetries: number;
  private sequence = 0;
  private virtualNow = 0;
  readonly runs: JobRun[] = [];

  constructor(private readonly options: LocalQueueOptions) {
    this.maxRetries = options.maxRetries ?? 3;
  }

  consume(queueKey: string, consumer: QueueConsumer): void {
    this.consumers.set(queueKey, consumer);
  }

  async push(queueKey: string, body: JsonValue, options: PushOptions = {}): Promise<string> {
    const jobId = randomUUID();
    this.enqueue(queueKey, { body, jobId }, options);
    return jobId;
  }

  /**
   * Manual mode: runs every job, including those pushed meanwhile, until none is left; or only
   * the jobs of the queues named, the others waiting (a test holds a recompute pending so).
   */
  async drain(queueKeys?: readonly string[]): Promise<void> {
    for (let job = this.nextDue(queueKeys); job !== undefined; job = this.nextDue(queueKeys)) {
      this.virtualNow = Math.max(this.virtualNow, job.dueAt);
      await this.execute(job);
    }
    await this.idle();
  }

  /** Manual mode: runs the next job due, if any (a test stops a queue part-way so, as a crash would). */
  async runNext(): Promise<boolean> {
    const job = this.nextDue(undefined);
    if (job === undefined) return false;
    this.virtualNow = Math.max(this.virtualNow, job.dueAt);
    await this.execute(job);
    return true;
  }

  /** Resolves once no job is running (timers mode). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Timers mode: milliseconds until the next waiting job falls due (0 when overdue); undefined when none waits. */
  nextDueInMs(): number | undefined {
    if (this.timers.size === 0) return undefined;
    return Math.max(0, Math.min(...this.timers.values()) - performance.now());
  }

  /** Cancels the jobs still waiting for their timers. */
  stop(): void {
    for (const timer of this.timers.keys()) clearTimeout(timer);
    this.timers.clear();
  }

  private enqueue(queueKey: string, event: QueueEvent, options: PushOptions): void {
    const delayMs = (options.delayInSeconds ?? 0) * 1000;
    const job: Job = { queueKey, event, concurrencyKey: options.concurrencyKey, dueAt: this.virtualNow + delayMs, sequence: this.sequence++ };
    if (this.options.mode === 'manual') {
      this.waiting.push(job);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.inLane(job));
    }, delayMs);
    this.timers.set(timer, performance.now() + delayMs);
  }

  private nextDue(queueKeys: readonly string[] | undefined): Job | undefined {
    this.waiting.sort((a, b) => a.dueAt - b.dueAt || a.sequence - b.sequence);
    const index = this.waiting.findIndex((job) => queueKeys === undefined || queueKeys.includes(job.queueKey));
    return index === -1 ? undefined : this.waiting.splice(index, 1)[0];
  }

  /** Jobs with a concurrency key wait for the previous job of the same key. */
  private inLane(job: Job): Promise<void> {
    if (job.concurrencyKey === undefined) return this.execute(job);
    const previous = this.lanes.get(job.concurrencyKey) ?? Promise.resolve();
    const next = previous.then(() => this.execute(job));
    this.lanes.set(job.concurrencyKey, next);
    return next;
  }

  private track(run: Promise<void>): void {
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async execute(job: Job): Promise<void> {
    const consumer = this.consumers.get(job.queueKey);
    const started = performance.now();
    try {
      if (consumer === undefined) throw new Error(`No consumer for queue ${job.queueKey}.`);
      await consumer(job.event);
      this.runs.push({ queueKey: job.queueKey, jobId: job.event.jobId, durationMs: performance.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.runs.push({ queueKey: job.queueKey, jobId: job.event.jobId, durationMs: performance.now() - started, error: message });
      const retryCount = (job.event.retryContext?.retryCount ?? 0) + 1;
      if (retryCount <= this.maxRetries) {
        const retry = { ...job.event, retryContext: { retryCount, retryReason: 'FUNCTION_ERROR' } };
        this.enqueue(job.queueKey, retry, job.concurrencyKey === undefined ? {} : { concurrencyKey: job.concurrencyKey });
      }
    }
  }
}

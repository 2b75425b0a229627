import type { PushOptions, WorkQueue } from '../../src/app/ports/queue';
import type { JsonValue } from '../../src/app/ports/store';
import type { LocalQueue } from '../../src/local/events/local-queue';

/** A clock the bench moves by hand; the site's resolvers, jobs, Jira simulator and KVS meter all read it. */
export class BenchClock {
  constructor(private current: number) {}
  readonly now = (): number => this.current;
  set(instant: number): void {
    if (instant < this.current) throw new Error('The bench clock only moves forward.');
    this.current = instant;
  }
}

interface HeldJob {
  readonly queueKey: string;
  readonly body: JsonValue;
  readonly concurrencyKey: string | undefined;
  readonly dueAt: number;
  readonly sequence: number;
}

/**
 * The app's work queue for the bench: each push waits here until the bench clock reaches its delay,
 * then goes to the local runtime's queue (manual mode), which runs it. The local queue alone runs
 * every waiting job on `drain()` whatever its delay; held back here, refresh jobs run when they would
 * on Forge relative to a burst of events driven by the same clock, so coalescing shows as it would.
 */
export class ClockGatedQueue implements WorkQueue {
  private held: HeldJob[] = [];
  private sequence = 0;
  /** How many jobs of each kind (`body.kind`) were handed over to run, since the last reset. */
  private ran = new Map<string, number>();

  constructor(
    private readonly inner: LocalQueue,
    private readonly clock: BenchClock,
  ) {}

  push(queueKey: string, body: JsonValue, options: PushOptions = {}): Promise<string> {
    const dueAt = this.clock.now() + (options.delayInSeconds ?? 0) * 1000;
    this.held.push({ queueKey, body, concurrencyKey: options.concurrencyKey, dueAt, sequence: this.sequence++ });
    return Promise.resolve(`held-${this.sequence}`);
  }

  /** Runs every job due by now (of the queues named, or all), and those they push that are due at once. */
  async runDue(queueKeys?: readonly string[]): Promise<void> {
    for (let due = this.takeDue(queueKeys); due.length > 0; due = this.takeDue(queueKeys)) {
      for (const job of due) {
        const kind = kindOf(job.body);
        this.ran.set(kind, (this.ran.get(kind) ?? 0) + 1);
        await this.inner.push(job.queueKey, job.body, job.concurrencyKey === undefined ? {} : { concurrencyKey: job.concurrencyKey });
      }
      await this.inner.drain();
    }
  }

  /** Moves the clock to each held job's due time in turn and runs it, until nothing is held. */
  async settle(): Promise<void> {
    for (let next = this.nextDueAt(); next !== undefined; next = this.nextDueAt()) {
      this.clock.set(Math.max(this.clock.now(), next));
      await this.runDue();
    }
  }

  /** When the earliest held job (of the queues named, or any; of those `which` picks, or all) falls due; undefined when none is held. */
  nextDueAt(queueKeys?: readonly string[], which: (body: JsonValue) => boolean = () => true): number | undefined {
    const dues = this.held.filter((job) => (queueKeys === undefined || queueKeys.includes(job.queueKey)) && which(job.body)).map((job) => job.dueAt);
    return dues.length === 0 ? undefined : Math.min(...dues);
  }

  runCounts(): ReadonlyMap<string, number> {
    return new Map(this.ran);
  }

  resetRunCounts(): void {
    this.ran = new Map();
  }

  private takeDue(queueKeys: readonly string[] | undefined): HeldJob[] {
    const now = this.clock.now();
    const isDue = (job: HeldJob) => job.dueAt <= now && (queueKeys === undefined || queueKeys.includes(job.queueKey));
    const due = this.held.filter(isDue).sort((a, b) => a.dueAt - b.dueAt || a.sequence - b.sequence);
    this.held = this.held.filter((job) => !isDue(job));
    return due;
  }
}

function kindOf(body: JsonValue): string {
  return typeof body === 'object' && body !== null && 'kind' in body && typeof body.kind === 'string' ? body.kind : 'unknown';
}

import type { Random } from './prng';

/** When a fault fires: on each of the next `next` occasions, then with `probability` (default never). */
export interface FaultTrigger {
  next?: number;
  probability?: number;
}

export interface CallFault extends FaultTrigger {
  /** Which request paths it applies to; every path when absent. */
  path?: RegExp;
}

export interface ServerErrorFault extends CallFault {
  status?: 500 | 502 | 503 | 504;
}

export interface TimeoutFault extends CallFault {
  /** Answer normally after this many milliseconds; absent: never answer (until the client gives up). */
  answerAfterMs?: number;
}

export interface PointsQuota {
  points: number;
  windowMs: number;
}

/** Knobs for tests and benchmarks; change them at any time, they apply to the next call or event. */
export interface SimulatorFaults {
  /** Wall-clock delay added to every call. */
  latencyMs: number;
  /** Jira's cost points (1 a call + 1 per issue or worklog returned; writes 1) per window; null: unlimited. */
  quota: PointsQuota | null;
  serverErrors: ServerErrorFault[];
  timeouts: TimeoutFault[];
  events: {
    drop: FaultTrigger;
    duplicate: FaultTrigger;
    /** Deliver the events of one tick in a shuffled order. */
    reorder: boolean;
  };
}

export function noFaults(): SimulatorFaults {
  return { latencyMs: 0, quota: null, serverErrors: [], timeouts: [], events: { drop: {}, duplicate: {}, reorder: false } };
}

/** Whether the trigger fires now; consumes one of its `next` occasions when it does. */
export function fires(trigger: FaultTrigger, random: Random): boolean {
  if (trigger.next !== undefined && trigger.next > 0) {
    trigger.next -= 1;
    return true;
  }
  return trigger.probability !== undefined && random.chance(trigger.probability);
}

export function firstFiring<T extends CallFault>(faults: readonly T[], path: string, random: Random): T | undefined {
  return faults.find((fault) => (fault.path === undefined || fault.path.test(path)) && fires(fault, random));
}

/** A fixed window of cost points, started by the first call after the previous window ended. */
export class QuotaMeter {
  private windowStart = 0;
  private used = 0;

  /** Seconds until the window resets when the quota is spent; null while calls may go through. */
  retryAfterSeconds(quota: PointsQuota, now: number): number | null {
    if (now >= this.windowStart + quota.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used < quota.points) return null;
    return Math.max(1, Math.ceil((this.windowStart + quota.windowMs - now) / 1000));
  }

  charge(points: number): void {
    this.used += points;
  }
}

/** Calls, Jira cost points and retries, in total and per operation, for benchmarks and logs. */
export interface CallTally {
  readonly calls: number;
  /** Jira's cost: 1 per call + 1 per object (issue, worklog, changed-worklog entry) returned. */
  readonly points: number;
  readonly retries: number;
}

export interface CallStats extends CallTally {
  readonly byOperation: Readonly<Record<string, CallTally>>;
}

const ZERO: CallTally = { calls: 0, points: 0, retries: 0 };

export class CallCounters {
  private total: CallTally = ZERO;
  private readonly perOperation = new Map<string, CallTally>();

  /** One request sent; `objects` is what its answer carried (0 for a failure). */
  recordCall(operation: string, objects: number): void {
    this.add(operation, { calls: 1, points: 1 + objects, retries: 0 });
  }

  recordRetry(operation: string): void {
    this.add(operation, { calls: 0, points: 0, retries: 1 });
  }

  snapshot(): CallStats {
    return { ...this.total, byOperation: Object.fromEntries(this.perOperation) };
  }

  reset(): void {
    this.total = ZERO;
    this.perOperation.clear();
  }

  private add(operation: string, delta: CallTally): void {
    this.total = sum(this.total, delta);
    this.perOperation.set(operation, sum(this.perOperation.get(operation) ?? ZERO, delta));
  }
}

function sum(a: CallTally, b: CallTally): CallTally {
  return { calls: a.calls + b.calls, points: a.points + b.points, retries: a.retries + b.retries };
}

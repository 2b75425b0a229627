/**
 * The installation's KVS budget as Forge counts it: reads and writes in units of 10 KB of payload
 * (⌈bytes / 10 KB⌉, at least 1 a request; a transaction is one write), 4,000 of each a minute. Over it,
 * requests are refused with 429 until the minute is over.
 */
import { EMULATION_ASSUMPTIONS, type RefusalCode } from '../../../adapters/storage/kvs-undocumented';
import { usageUnits } from '../../../adapters/storage/usage-meter';
import type { Clock } from '../../../app/ports/clock';
import { DOCUMENTED_REFUSALS, KvsRefusal } from './kvs-refusal';

/** Forge's budget for each of reads and writes; data-heavy apps can ask Atlassian for more. */
export const UNITS_PER_MINUTE = 4_000;

export type UsageKind = 'read' | 'write';

/** What the emulated KVS answered since the meter was last reset: requests, units, and refusals for the budget. */
export interface KvsUsage {
  readonly reads: number;
  readonly readUnits: number;
  readonly writes: number;
  readonly writeUnits: number;
  readonly refused: number;
}

const NO_USAGE: KvsUsage = { reads: 0, readUnits: 0, writes: 0, writeUnits: 0, refused: 0 };

export interface UsageBudgetOptions {
  readonly clock: Clock;
  /** False: count only, refuse nothing (benchmarks that replay hours of work at one instant). */
  readonly enforce: boolean;
  /** {@link UNITS_PER_MINUTE} unless the installation was granted another. */
  readonly unitsPerMinute: number;
}

export class UsageBudget {
  private windowStart = Number.NEGATIVE_INFINITY;
  private spentInWindow = { read: 0, write: 0 };
  private usage: KvsUsage = NO_USAGE;

  constructor(private readonly options: UsageBudgetOptions) {}

  /**
   * Refuses the request when `units` more would go over this minute's budget; otherwise counts them.
   * `refusal` is the answer for this kind of request (a transaction's differs).
   */
  spend(kind: UsageKind, bytes: number, refusal: RefusalCode = DOCUMENTED_REFUSALS.rateLimitExceeded): void {
    const units = usageUnits(bytes);
    const now = this.options.clock.now();
    const windowStart = now - (now % EMULATION_ASSUMPTIONS.budgetWindowMs);
    if (windowStart !== this.windowStart) {
      this.windowStart = windowStart;
      this.spentInWindow = { read: 0, write: 0 };
    }
    if (this.options.enforce && this.spentInWindow[kind] + units > this.options.unitsPerMinute) {
      this.usage = { ...this.usage, refused: this.usage.refused + 1 };
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + EMULATION_ASSUMPTIONS.budgetWindowMs - now) / 1000));
      throw new KvsRefusal(refusal, `The installation has used its ${this.options.unitsPerMinute} ${kind} units this minute.`, { 'Retry-After': String(retryAfterSeconds) });
    }
    this.spentInWindow[kind] += units;
    this.usage =
      kind === 'read'
        ? { ...this.usage, reads: this.usage.reads + 1, readUnits: this.usage.readUnits + units }
        : { ...this.usage, writes: this.usage.writes + 1, writeUnits: this.usage.writeUnits + units };
  }

  snapshot(): KvsUsage {
    return this.usage;
  }

  reset(): void {
    this.usage = NO_USAGE;
  }
}

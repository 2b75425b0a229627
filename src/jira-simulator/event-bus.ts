import type { EventListener, ProductEvent } from './events';
import { fires, type SimulatorFaults } from './faults';
import type { Random } from './prng';

export interface EventStats {
  emitted: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  listenerErrors: number;
}

/**
 * Delivers product events after the call that caused them has answered (never synchronously),
 * at least once and possibly out of order when the faults say so, as Forge does.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private queue: ProductEvent[] = [];
  private delivery: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  readonly stats: EventStats = noEventStats();

  resetStats(): void {
    Object.assign(this.stats, noEventStats());
  }

  constructor(
    private readonly faults: () => SimulatorFaults['events'],
    private readonly random: Random,
  ) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ProductEvent): void {
    this.stats.emitted += 1;
    const faults = this.faults();
    if (fires(faults.drop, this.random)) {
      this.stats.dropped += 1;
      return;
    }
    this.queue.push(event);
    if (fires(faults.duplicate, this.random)) {
      this.stats.duplicated += 1;
      this.queue.push(event);
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.delivery = this.delivery.then(nextTick).then(() => this.flush());
    }
  }

  /** Resolves once every event emitted so far has been handed to the listeners and they settled. */
  idle(): Promise<void> {
    return this.delivery;
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.flushScheduled = false;
    if (this.faults().reorder) shuffle(batch, this.random);
    for (const event of batch) {
      for (const listener of this.listeners) {
        try {
          await listener(event);
          this.stats.delivered += 1;
        } catch {
          this.stats.listenerErrors += 1;
        }
      }
    }
  }
}

function noEventStats(): EventStats {
  return { emitted: 0, delivered: 0, dropped: 0, duplicated: 0, listenerErrors: 0 };
}

function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function shuffle(items: unknown[], random: Random): void {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = random.integer(0, index);
    const item = items[index];
    const swapped = items[other];
    if (item === undefined || swapped === undefined) continue;
    items[index] = swapped;
    items[other] = item;
  }
}

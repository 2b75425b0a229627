import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';

/** What the read side needs: plans and their aggregated figures from the store, and "now". */
export interface UsagePorts {
  readonly store: Store;
  readonly clock: Clock;
}

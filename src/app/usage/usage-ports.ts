import type { PlanAggregates } from '../ports/aggregates';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';

/** What the read side needs: plans from the store, figures from the aggregates, and "now". */
export interface UsagePorts {
  readonly store: Store;
  readonly aggregates: PlanAggregates;
  readonly clock: Clock;
}

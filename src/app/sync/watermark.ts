import { WATERMARK_KEY } from '../aggregates/keys';
import { watermarkSchema } from '../aggregates/records';
import type { Store } from '../ports/store';

/** Where the next reconciliation reads Jira's worklog change feeds from; undefined before the first. */
export async function readWatermark(store: Store): Promise<number | undefined> {
  const value = await store.get(WATERMARK_KEY);
  return value === undefined ? undefined : watermarkSchema.parse(value).since;
}

/** Every worklog change made before the instant this answers is in the aggregates; undefined before the first reconciliation that says so. */
export async function readCaughtUpTo(store: Store): Promise<number | undefined> {
  const value = await store.get(WATERMARK_KEY);
  return value === undefined ? undefined : watermarkSchema.parse(value).caughtUpTo;
}

/**
 * Moves the watermark to `until` and records that every change before `caughtUpTo` is in,
 * unless someone rewound it since `readAt` was read (their replay must happen first).
 */
export async function advanceWatermark(store: Store, readAt: number | undefined, until: number, caughtUpTo: number): Promise<void> {
  await store.update(WATERMARK_KEY, (current) => {
    const stored = current === undefined ? undefined : watermarkSchema.parse(current);
    if (stored?.since !== readAt) return current;
    return { since: until, caughtUpTo: Math.max(stored?.caughtUpTo ?? caughtUpTo, caughtUpTo) };
  });
}

/** Makes the next reconciliation replay every change from `instant` on: until it has, the aggregates are caught up to `instant` at most. */
export async function rewindWatermark(store: Store, instant: number): Promise<void> {
  await store.update(WATERMARK_KEY, (current) => {
    if (current === undefined) return current;
    const stored = watermarkSchema.parse(current);
    return { since: Math.min(stored.since, instant), ...(stored.caughtUpTo === undefined ? {} : { caughtUpTo: Math.min(stored.caughtUpTo, instant) }) };
  });
}

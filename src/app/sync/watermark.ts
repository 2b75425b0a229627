import { WATERMARK_KEY } from '../aggregates/keys';
import { watermarkSchema } from '../aggregates/records';
import type { Store } from '../ports/store';

/** Where the next reconciliation reads Jira's worklog change feeds from; undefined before the first. */
export async function readWatermark(store: Store): Promise<number | undefined> {
  const value = await store.get(WATERMARK_KEY);
  return value === undefined ? undefined : watermarkSchema.parse(value).since;
}

/** Moves the watermark to `until`, unless someone rewound it since `readAt` was read (their replay must happen). */
export async function advanceWatermark(store: Store, readAt: number | undefined, until: number): Promise<void> {
  await store.update(WATERMARK_KEY, (current) => {
    const since = current === undefined ? undefined : watermarkSchema.parse(current).since;
    return since === readAt ? { since: until } : current;
  });
}

/** Makes the next reconciliation replay every change from `instant` on. */
export async function rewindWatermark(store: Store, instant: number): Promise<void> {
  await store.update(WATERMARK_KEY, (current) => {
    if (current === undefined) return current;
    return { since: Math.min(watermarkSchema.parse(current).since, instant) };
  });
}

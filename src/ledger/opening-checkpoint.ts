import type { Bucket } from './draw-order';
import type { ReplayCheckpoint } from './replay-periods';
import type { Statement } from './types';

const ROLLOVER_RANK = 0;
const FIRST_BLOCK_RANK = 2;

/**
 * Where the replay that made `statement` stood when its period began, read back from the statement itself: the
 * rollover lots it carried in and the blocks bought before it with their opening balances (the allowance and the
 * blocks bought in the period are the period's own). For a replay whose block list holds only blocks bought from
 * the statement's period on, so `blocksTaken` is 0. A frozen statement thus opens with the balances it was closed
 * with, whatever was logged since.
 *
 * @example
 * replayPeriod(calendar, statement.period, terms, entries, blocksFromThePeriodOn, openingCheckpoint(statement))
 */
export function openingCheckpoint(statement: Statement): ReplayCheckpoint {
  const { period } = statement;
  const fromPeriod = new Map(statement.carriedIn.map((lot) => [lot.bucketId, lot.fromPeriod]));
  const alive: Bucket[] = [];
  statement.buckets.forEach((bucket, position) => {
    const lotOf = fromPeriod.get(bucket.id);
    const common = { id: bucket.id, kind: bucket.kind, usableFrom: bucket.usableFrom, expiresAt: bucket.expiresAt, balance: bucket.openingSeconds };
    // Buckets come in draw priority, so their positions keep the order of blocks bought the same day.
    if (bucket.kind === 'rollover' && lotOf !== undefined) alive.push({ ...common, rank: ROLLOVER_RANK, fromPeriod: lotOf });
    if (bucket.kind === 'block' && bucket.usableFrom < period.start) alive.push({ ...common, rank: FIRST_BLOCK_RANK + position });
  });
  return { alive, blocksTaken: 0 };
}

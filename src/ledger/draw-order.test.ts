import { type Bucket, byDrawPriority } from './draw-order';

const bucket = (id: string, usableFrom: number, expiresAt: number | null, rank: number): Bucket => ({
  id,
  kind: 'block',
  usableFrom,
  expiresAt,
  rank,
  balance: 1,
});

describe('byDrawPriority', () => {
  it('orders by expiry (never last), then usable-from, then rank', () => {
    const buckets = [
      bucket('never', 0, null, 0),
      bucket('late-rank', 5, 100, 3),
      bucket('early-use', 1, 100, 9),
      bucket('soonest', 9, 50, 9),
      bucket('early-rank', 5, 100, 2),
    ];
    expect([...buckets].sort(byDrawPriority).map((b) => b.id)).toEqual(['soonest', 'early-use', 'early-rank', 'late-rank', 'never']);
  });
});

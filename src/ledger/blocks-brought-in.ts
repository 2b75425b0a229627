import type { BucketSummary, Statement } from './types';

/**
 * The prepaid blocks bought before the period that still hold hours when it starts, each with
 * those hours as its opening seconds. With the allowance, the rollover lots and the blocks bought
 * in the period they make up the available hours:
 * included + carried in + brought in + purchased = available.
 *
 * @example
 * blocksBroughtIn(novemberStatement) // [{ id: 'block:bank', kind: 'block', openingSeconds: 7200, … }]
 */
export function blocksBroughtIn({ buckets, period }: Pick<Statement, 'buckets' | 'period'>): BucketSummary[] {
  return buckets.filter((bucket) => bucket.kind === 'block' && bucket.usableFrom < period.start);
}
